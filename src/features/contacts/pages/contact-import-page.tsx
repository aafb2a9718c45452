import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useImportContacts, useImportDryRun, useInvalidateRoster } from '@/api/resources/contacts/contact-mutations.ts';
import { createContact, listContacts, updateContact } from '@/api/resources/contacts/contact-requests.ts';
import { addListMembers } from '@/api/resources/lists/list-requests.ts';
import { notOfferedSentence, RouteNotOfferedError, useFeatureOffered } from '@/api/route-availability.ts';
import { useUploadFile } from '@/api/resources/file-uploads/file-upload-mutations.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import type { ContactImportResult } from '@contract/contact-import.ts';
import { looksLikeHeaderRow } from '@contract/contact-import-rows.ts';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { formatCount, formatCountOf } from '@/utils/format-number.ts';
import { columnNameOf, initialMapping, rememberMapping, type ColumnField } from '@contract/column-mapping.ts';
import { ImportProgress } from '../import/import-progress.tsx';
import { ImportSummary } from '../import/import-summary.tsx';
import { importActionLabel } from '../import/import-wording.ts';
import { importOneByOne, planOneByOne, type OneByOnePlan, type OneByOneRequests } from '../import/import-one-by-one.ts';
import { MappingStep } from '../import/mapping-step.tsx';
import { SourceStep } from '../import/source-step.tsx';
import { useCsvParser, type ParserState } from '../import/use-csv-parser.ts';
import { BackLink } from '@/components/layout/back-link.tsx';

const steps = ['Choose the data', 'Match the columns', 'Review', 'Done'] as const;
type Parsed = Extract<ParserState, { status: 'parsed' }>;

function headersOf(parsed: Parsed, hasHeader: boolean): string[] {
  return Array.from({ length: parsed.columnCount }, (_, column) => (hasHeader ? columnNameOf(parsed.firstRows, true, column) : ''));
}

function mappingFor(parsed: Parsed, hasHeader: boolean): Array<ColumnField | null> {
  return initialMapping(headersOf(parsed, hasHeader), hasHeader ? parsed.firstRows.slice(1) : parsed.firstRows, localStorage);
}

/** The contact whose primary number this is, found with the documented search. */
/** A route the API turns out not to offer is an answer (the import leaves that part out), any other failure is not. */
function falseWhenNotOffered(failure: unknown): false {
  if (failure instanceof RouteNotOfferedError) return false;
  throw failure;
}

async function findContactByPhone(phone: string) {
  const feed = await listContacts({ search: phone, pageSize: 100 });
  return feed.Items.find((contact) => contact.PrimaryPhone === phone);
}

/**
 * Importing contacts: read a CSV or pasted rows (in a worker), match the columns, review a dry run of every row,
 * then import. Nothing is written before the review, and the import never clears what contacts already hold.
 */
export function ContactImportPage() {
  const [searchParams] = useSearchParams();
  const parser = useCsvParser();
  const upload = useUploadFile();
  const dryRun = useImportDryRun();
  const runImport = useImportContacts();
  // Without the import route (decision 0133) the page checks the rows itself and creates them one at a time.
  const importOffered = useFeatureOffered('contactImport');
  // Without the update route, a contact that already has a row's number is left as it is (decision 0133).
  const updateOffered = useFeatureOffered('contactUpdate');
  const invalidateRoster = useInvalidateRoster();
  const [oneByOne, setOneByOne] = useState<OneByOnePlan | null>(null);
  const [created, setCreated] = useState({ done: 0, total: 0 });
  const oneByOneRequests: OneByOneRequests = {
    create: createContact,
    findByPhone: findContactByPhone,
    update: updateOffered ? (personId, input) => updateContact(personId, input).then(() => true, falseWhenNotOffered) : undefined,
    addToList: (listId, personIds) => addListMembers(listId, personIds).then(() => true, falseWhenNotOffered),
  };
  const runOneByOne = useMutation({
    mutationFn: ({ plan, keepExisting }: { plan: OneByOnePlan; keepExisting: boolean }) =>
      importOneByOne(plan, oneByOneRequests, (done, total) => setCreated({ done, total }), keepExisting),
    meta: { handlesErrors: true },
    onSuccess: () => void invalidateRoster(),
  });
  const [step, setStep] = useState(0);
  const [sourceName, setSourceName] = useState('');
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<Array<ColumnField | null>>([]);
  const [listId, setListId] = useState<number | null>(Number(searchParams.get('list')) || null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  // Keep what existing contacts hold and fill only their empty fields (decision 0164).
  const [keepExisting, setKeepExisting] = useState(false);
  // The latest dry run, kept on screen while another one (with the other choice) is asked for.
  const [checked, setChecked] = useState<ContactImportResult | null>(null);
  const list = useQuery({ ...listQueries.detail(listId ?? 0), enabled: listId !== null });
  const listName = listId !== null ? (list.data?.ListName ?? null) : null;

  // A new file was read: guess its header and mapping, and move on to matching the columns.
  if (parser.state.status === 'parsed' && parsed !== parser.state) {
    const header = looksLikeHeaderRow(parser.state.firstRows[0] ?? []);
    setParsed(parser.state);
    setHasHeader(header);
    setMapping(mappingFor(parser.state, header));
    setStep(1);
  }

  const startOver = () => {
    parser.cancel();
    setParsed(null);
    setFileId(null);
    setChecked(null);
    setKeepExisting(false);
    setError(null);
    dryRun.reset();
    runImport.reset();
    runOneByOne.reset();
    setOneByOne(null);
    setStep(0);
  };

  const check = async () => {
    if (!parsed) return;
    setError(null);
    try {
      if (hasHeader) rememberMapping(headersOf(parsed, true), mapping, localStorage);
      setBusy('Preparing the file…');
      const { csv } = await parser.build(mapping, hasHeader);
      setBusy('Uploading…');
      const { FileID } = await upload.mutateAsync({ csv, fileName: sourceName });
      setBusy('Checking every row against your contacts…');
      setOneByOne(await reviewOf(csv, FileID));
      setFileId(FileID);
      setStep(2);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The file could not be checked.');
    } finally {
      setBusy(null);
    }
  };

  /** The import route's body; the option is sent only when chosen, so an older server still takes it. */
  const importInput = (FileID: string, keep = keepExisting) => ({ FileID, ListID: listId ?? undefined, ...(keep && { KeepExistingValues: true }) });

  /** The dry run's answer; without the import route, null after the page checked the rows itself. */
  const reviewOf = async (csv: Blob, FileID: string): Promise<OneByOnePlan | null> => {
    if (importOffered) {
      try {
        setChecked(await dryRun.mutateAsync(importInput(FileID)));
        return null;
      } catch (failure) {
        if (!(failure instanceof RouteNotOfferedError)) throw failure;
      }
    }
    return planOneByOne(await csv.text(), FileID, listId);
  };

  const apply = () => {
    if (oneByOne) {
      runOneByOne.mutate({ plan: oneByOne, keepExisting }, { onSuccess: () => setStep(3) });
      return;
    }
    if (!fileId) return;
    runImport.mutate(importInput(fileId), { onSuccess: () => setStep(3) });
  };

  /** The choice changes what the import writes: the dry run is asked again (the one-row-at-a-time review shows no changes). */
  const chooseKeepExisting = (keep: boolean) => {
    setKeepExisting(keep);
    if (oneByOne || !fileId) return;
    dryRun.mutate(importInput(fileId, keep), { onSuccess: setChecked });
  };

  const review: ContactImportResult | undefined = oneByOne?.review ?? checked ?? undefined;
  const importing = runImport.isPending || runOneByOne.isPending;
  const importError = runImport.error ?? runOneByOne.error;
  const imported = oneByOne ? runOneByOne.data : runImport.data;
  const rechecking = dryRun.isPending;

  return (
    <PageContainer
      title="Import contacts"
      eyebrow={<BackLink to={paths.contacts.list.href()}>Contacts</BackLink>}
      description="From a CSV file or rows pasted from a spreadsheet. You see what will happen before anything changes."
    >
      <Stepper activeStep={step} alternativeLabel sx={{ mb: 3 }}>
        {steps.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Card>
        <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
          {step === 0 && (
            <SourceStep
              state={parser.state}
              onCancel={parser.cancel}
              onRead={(source, name) => {
                setSourceName(name);
                parser.parse(source);
              }}
            />
          )}
          {step === 1 && parsed && (
            <MappingStep
              firstRows={parsed.firstRows}
              dataRowCount={parsed.rowCount - (hasHeader ? 1 : 0)}
              columnCount={parsed.columnCount}
              hasHeader={hasHeader}
              onHasHeaderChange={(next) => {
                setHasHeader(next);
                setMapping(mappingFor(parsed, next));
              }}
              mapping={mapping}
              onMappingChange={setMapping}
              listId={listId}
              listName={listName}
              onListChange={setListId}
              busy={busy}
              error={error}
              onBack={startOver}
              onCheck={() => void check()}
            />
          )}
          {step === 2 && review && (
            <Stack spacing={3}>
              <Typography variant="h3" component="h2">
                Review: nothing has changed yet
              </Typography>
              {oneByOne && (
                <Typography variant="body2" color="textSecondary">
                  {notOfferedSentence('contactImport')} Each good row is created on its own instead.{' '}
                  {updateOffered
                    ? 'A number already among your contacts is filled in from the file where this API allows editing contacts; the changes are listed when the import is done.'
                    : 'A number already among your contacts is left as it is.'}
                </Typography>
              )}
              <ImportSummary
                result={review}
                fileHadHeader={hasHeader}
                listName={listName}
                canDownloadProblems={!oneByOne}
                keepExisting={{
                  checked: keepExisting,
                  onChange: chooseKeepExisting,
                  disabled: importing || rechecking,
                  always: oneByOne !== null && updateOffered,
                }}
              />
              {/* A dry run asked again (the keep-values choice) that failed; without the import route its error is expected. */}
              {!oneByOne && dryRun.error && (
                <Alert severity="error" role="alert">
                  {dryRun.error.message}
                </Alert>
              )}
              {importError && (
                <Alert severity="error" role="alert">
                  {importError.message}
                </Alert>
              )}
              {importing && (
                <Box role="status" aria-live="polite">
                  <Typography variant="body2" sx={{ mb: 1 }}>
                    {oneByOne
                      ? `Importing… ${formatCountOf(created.done, 'row', 'rows')} of ${formatCount(created.total)} done.`
                      : 'Importing… large files take a minute; the page shows the result when it is done.'}
                  </Typography>
                  <ImportProgress label="Importing" />
                </Box>
              )}
              <Stack direction="row" spacing={1}>
                <Button onClick={() => setStep(1)} disabled={importing}>
                  Back
                </Button>
                {/* Disabled rather than loading: the bar above shows the import runs, and a spinner here would redraw the page every frame. */}
                <Button
                  variant="contained"
                  onClick={apply}
                  disabled={importing || rechecking || (review.New + review.Updated === 0 && review.AddedToList === 0)}
                >
                  {importActionLabel(review, listName)}
                </Button>
              </Stack>
            </Stack>
          )}
          {step === 3 && imported && (
            <Stack spacing={3}>
              <Alert severity={imported.Failed > 0 ? 'warning' : 'success'} role="status">
                {imported.Failed > 0
                  ? `Import finished, but ${formatCountOf(imported.Failed, 'row', 'rows')} could not be saved. Importing the file again retries them; rows already saved stay as they are.`
                  : 'Import finished.'}
              </Alert>
              <ImportSummary result={imported} fileHadHeader={hasHeader} listName={listName} canDownloadProblems={!oneByOne} />
              <Stack direction="row" spacing={1}>
                <Button variant="contained" component={RouterLink} to={listId ? paths.lists.detail.href(listId) : paths.contacts.list.href()}>
                  {listId ? `Open ${listName ?? 'the list'}` : 'View contacts'}
                </Button>
                <Button onClick={startOver}>Import another file</Button>
              </Stack>
            </Stack>
          )}
        </CardContent>
      </Card>
    </PageContainer>
  );
}
