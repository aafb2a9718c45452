import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useUploadFile } from '@/api/resources/file-uploads/file-upload-mutations.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import { SYSTEM_LIST_IDS, type ContactList } from '@contract/list.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { formatCount } from '@/utils/format-number.ts';
import { renderAutocompleteOption } from '@/components/form/autocomplete-option.tsx';
import { parsePastedNumbers, recipientsStepSchema, type BroadcastDraft } from './broadcast-draft.ts';
import { ContactSearchField } from './contact-search-field.tsx';
import { describeLeftOut, MAX_KEPT_PEOPLE, readRecipientFile, recipientFileCsv, type RecipientFile } from './recipient-file.ts';
import { UploadedFile } from './uploaded-file.tsx';
import { useStepForm } from './use-step-form.ts';
import { STEP_FORM_ID, type WizardStepProps } from './wizard-step.ts';
import { textOr } from '@/utils/missing.ts';

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="h3" component="h2">
        {title}
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 1.5 }}>
        {description}
      </Typography>
      {children}
    </Box>
  );
}

type ChosenList = BroadcastDraft['recipients']['lists'][number];

/** The lists to send to. The chosen ones keep their identity between renders, or the field would drop what is typed. */
function ListPicker({
  options,
  loading,
  chosen,
  onChange,
}: {
  options: ContactList[];
  loading: boolean;
  chosen: ChosenList[];
  onChange: (lists: ChosenList[]) => void;
}) {
  const value = useMemo(() => options.filter((list) => chosen.some((item) => item.id === list.ListID)), [options, chosen]);
  return (
    <Autocomplete<ContactList, true>
      multiple
      options={options}
      loading={loading}
      value={value}
      onChange={(_event, picked) => onChange(picked.map((list) => ({ id: list.ListID, name: textOr(list.ListName), count: list.RosterCount })))}
      getOptionLabel={(list) => textOr(list.ListName)}
      isOptionEqualToValue={(option, item) => option.ListID === item.ListID}
      renderOption={(props, list) => renderAutocompleteOption(props, list.ListName, formatCount(list.RosterCount))}
      renderValue={(picked, getItemProps) =>
        picked.map((list, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} label={`${textOr(list.ListName)} (${formatCount(list.RosterCount)})`} size="small" {...itemProps} />;
        })
      }
      renderInput={(params) => <TextField {...params} label="Lists" placeholder={chosen.length ? '' : 'Choose lists'} />}
    />
  );
}

export function RecipientsStep({ draft, save, next }: WizardStepProps) {
  const form = useStepForm(recipientsStepSchema, draft.recipients, (recipients) => save((current) => ({ ...current, recipients })));
  const values = useWatch({ control: form.control });
  const lists = useQuery(listQueries.list({ pageSize: 500, sort: [{ field: 'ListName' }] }));
  const upload = useUploadFile();
  const fileInput = useRef<HTMLInputElement>(null);
  const pasted = parsePastedNumbers(values.pasted ?? '');
  // The Deleted folder is never a recipient list.
  const listOptions = useMemo(() => (lists.data?.Items ?? []).filter((list) => list.ListID !== SYSTEM_LIST_IDS.Deleted), [lists.data]);
  const listError = form.formState.errors.lists?.message ?? form.formState.errors.lists?.root?.message;

  const [fileProblem, setFileProblem] = useState<string | null>(null);
  // The file is read here, as the import reads one, and only the rows that can be sent are uploaded (decision 0151).
  const uploadFile = async (file: File) => {
    setFileProblem(null);
    upload.reset();
    let read: RecipientFile;
    try {
      read = readRecipientFile(await file.text(), localStorage);
    } catch (error) {
      setFileProblem(error instanceof Error ? error.message : 'The file could not be read.');
      return;
    }
    if (read.people.length === 0) {
      setFileProblem(`Nobody in ${file.name} can be sent to. ${describeLeftOut(read.leftOut) ?? ''}.`);
      return;
    }
    const csv = recipientFileCsv(read.people);
    upload.mutate(
      { csv, fileName: file.name },
      {
        onSuccess: ({ FileID }) => {
          const { people, ...summary } = read;
          const uploaded = { fileId: FileID, name: file.name, rows: people.length, ...summary };
          form.setValue('files', [...form.getValues('files'), people.length <= MAX_KEPT_PEOPLE ? { ...uploaded, csv } : uploaded], {
            shouldValidate: form.formState.isSubmitted,
          });
        },
      },
    );
  };

  return (
    <Box component="form" id={STEP_FORM_ID} noValidate onSubmit={form.handleSubmit((recipients) => next((current) => ({ ...current, recipients })))}>
      <Stack spacing={3.5}>
        {listError && (
          <Alert severity="error" role="alert">
            {listError}
          </Alert>
        )}
        {values.carried && (
          <Section title="Carried over" description="These people come from an earlier broadcast or a saved draft, with their names.">
            <Chip
              label={`${values.carried.label}: ${formatCount(values.carried.people?.length ?? 0)}`}
              onDelete={() => form.setValue('carried', null)}
              color="primary"
              variant="outlined"
            />
          </Section>
        )}

        <Section title="Lists" description="Everyone on these lists. Numbers on more than one list get one call or text.">
          <Controller
            control={form.control}
            name="lists"
            render={({ field }) => <ListPicker options={listOptions} loading={lists.isPending} chosen={field.value} onChange={field.onChange} />}
          />
        </Section>

        <Section title="People" description="Add contacts one by one, or type or paste numbers (one per line, or separated by commas).">
          <Stack spacing={1.5}>
            <Controller
              control={form.control}
              name="contacts"
              render={({ field }) => (
                <>
                  <ContactSearchField
                    label="Add a contact"
                    exclude={field.value.map((contact) => contact.personId)}
                    onPick={(contact) => field.onChange([...field.value, contact])}
                  />
                  {field.value.length > 0 && (
                    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} aria-label="Chosen contacts">
                      {field.value.map((contact) => (
                        <Chip
                          key={contact.personId}
                          label={`${contact.name || 'No name'} · ${formatPhoneNumber(contact.phone)}`}
                          onDelete={() => field.onChange(field.value.filter((other) => other.personId !== contact.personId))}
                        />
                      ))}
                    </Stack>
                  )}
                </>
              )}
            />
            <Controller
              control={form.control}
              name="pasted"
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  label="Phone numbers"
                  multiline
                  minRows={3}
                  maxRows={10}
                  placeholder={'(214) 555-0143\n972-555-0187'}
                  error={fieldState.invalid || (pasted.invalid.length > 0 && pasted.valid.length === 0)}
                  helperText={
                    fieldState.error?.message ??
                    (pasted.valid.length + pasted.invalid.length === 0
                      ? 'US numbers, in any format.'
                      : [
                          `${formatCount(pasted.valid.length)} valid`,
                          pasted.duplicates > 0 ? `${formatCount(pasted.duplicates)} repeated` : '',
                          pasted.invalid.length > 0
                            ? `${formatCount(pasted.invalid.length)} not valid and left out: ${pasted.invalid
                                .slice(0, 5)
                                .map((number) => number.text)
                                .join(', ')}${pasted.invalid.length > 5 ? '…' : ''}`
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · '))
                  }
                />
              )}
            />
          </Stack>
        </Section>

        <Section
          title="A file"
          description="A CSV of people: a phone number column, and names and notes if you have them. Columns are matched as the contacts import matches them."
        >
          <Controller
            control={form.control}
            name="files"
            render={({ field }) => (
              <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                {field.value.map((file) => (
                  <UploadedFile key={file.fileId} file={file} onRemove={() => field.onChange(field.value.filter((other) => other.fileId !== file.fileId))} />
                ))}
                <input
                  ref={fileInput}
                  type="file"
                  accept=".csv,text/csv,text/plain"
                  hidden
                  aria-label="CSV file of recipients"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (file) void uploadFile(file);
                    event.target.value = '';
                  }}
                />
                <Button variant="outlined" startIcon={<UploadFileOutlined />} loading={upload.isPending} onClick={() => fileInput.current?.click()}>
                  Upload a CSV file
                </Button>
                {(fileProblem ?? upload.error) && <FormHelperText error>{fileProblem ?? upload.error?.message}</FormHelperText>}
              </Stack>
            )}
          />
        </Section>

        <Section title="Leave out" description="People who should not get this one, even if a list includes them.">
          <Controller
            control={form.control}
            name="excluded"
            render={({ field }) => (
              <Stack spacing={1}>
                <ContactSearchField
                  label="Exclude a contact"
                  exclude={[]}
                  onPick={(contact) =>
                    field.onChange([...field.value.filter((other) => other.phone !== contact.phone), { name: contact.name, phone: contact.phone }])
                  }
                />
                {field.value.length > 0 && (
                  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} aria-label="Excluded people">
                    {field.value.map((person) => (
                      <Chip
                        key={person.phone}
                        color="warning"
                        variant="outlined"
                        label={`${person.name || 'No name'} · ${formatPhoneNumber(person.phone)}`}
                        onDelete={() => field.onChange(field.value.filter((other) => other.phone !== person.phone))}
                      />
                    ))}
                  </Stack>
                )}
              </Stack>
            )}
          />
        </Section>

        <Controller
          control={form.control}
          name="primaryOnly"
          render={({ field }) => (
            <FormControlLabel
              control={<Switch checked={field.value} onChange={(event) => field.onChange(event.target.checked)} />}
              label="Primary numbers only (leave out contacts' second and third numbers)"
            />
          )}
        />
      </Stack>
    </Box>
  );
}
