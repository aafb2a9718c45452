import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { importProblemsUrl } from '@/api/resources/contacts/contact-requests.ts';
import { useNotOfferedSentence } from '@/api/route-availability.ts';
import { Link as RouterLink } from 'react-router-dom';
import { importFieldLabels, importProblemLabels, importProblemReasons, type ContactImportResult, type ImportUpdate } from '@contract/contact-import.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { paths } from '@/config/paths.ts';
import { formatCount, formatCountOf } from '@/utils/format-number.ts';
import { listSentence } from './import-wording.ts';
import { MISSING } from '@/utils/missing.ts';

export interface ImportSummaryProps {
  result: ContactImportResult;
  /** Whether the user's file had a header line; if not, the page added one and the rows it reports move up by one. */
  fileHadHeader: boolean;
  listName: string | null;
  /** False when the API has no route for the rejected rows (an import made one row at a time, decision 0133). */
  canDownloadProblems?: boolean;
  /**
   * The choice to keep what existing contacts hold (decision 0164), offered in the review; `always` offers it even
   * when the review cannot tell whether the file differs from any contact (the import made one row at a time).
   */
  keepExisting?: { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean; always?: boolean };
}

/** Long lists scroll inside the page rather than push the buttons out of sight. */
const scrollingTable = { border: 1, borderColor: 'divider', borderRadius: 2, maxHeight: 420, overflowY: 'auto' } as const;

function Figure({ label, value, hint, tone }: { label: string; value: number; hint: string; tone?: 'error' | 'success' }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline" color="textSecondary" component="h3">
          {label}
        </Typography>
        <Typography
          variant="h2"
          component="p"
          sx={{ fontSize: '1.75rem', color: tone && value > 0 ? `${tone}.main` : 'text.primary' }}
          aria-label={`${label}: ${formatCount(value)}`}
        >
          {formatCount(value)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {hint}
        </Typography>
      </CardContent>
    </Card>
  );
}

/**
 * What an import will do (dry run) or did: the counts, the refused rows by reason, the first of them, and every
 * rejected row to download (from the API: the answer lists the first rows only, decision 0073).
 */
export function ImportSummary({ result, fileHadHeader, listName, canDownloadProblems = true, keepExisting }: ImportSummaryProps) {
  const addToListNotOffered = useNotOfferedSentence('listAddContacts');
  const done = !result.DryRun;
  const rowOffset = fileHadHeader ? 0 : -1;
  const problemCount = result.Rejected + result.Failed;
  // Every listed row is shown; the answer lists them all when there are at most MAX_LISTED_PROBLEM_ROWS.
  const shownProblems = result.ProblemRows;
  const byReason = importProblemReasons
    .map((reason) => ({ reason, count: reason === 'Failed' ? result.Failed : (result.RejectedByReason?.[reason] ?? 0) }))
    .filter((entry) => entry.count > 0);
  return (
    <Stack spacing={3}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={done ? 'Added' : 'New'} value={result.New} hint={done ? 'New contacts created' : 'Will be created'} tone="success" />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label="Updated" value={result.Updated} hint={done ? 'Existing contacts changed' : 'Existing contacts that change'} />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label="Unchanged" value={result.Unchanged} hint="Already up to date" />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label="Rejected" value={result.Rejected + result.Failed} hint={done ? 'Not imported' : 'Will be skipped'} tone="error" />
        </Grid>
      </Grid>
      <Typography variant="body2" color="textSecondary">
        {formatCountOf(result.TotalRows, 'row', 'rows')} in the file. {listName && `${listSentence(result, listName, done, addToListNotOffered ?? undefined)} `}
        {result.PhonesNotAdded > 0 &&
          `${formatCountOf(result.PhonesNotAdded, 'extra number', 'extra numbers')} found no free phone slot and ${done ? 'were' : 'will be'} left out. `}
        Existing contacts keep their opt-outs, do-not-call flags and text opt-in status; empty cells never clear anything.
      </Typography>
      <ContactChanges result={result} done={done} rowOffset={rowOffset} keepExisting={done ? undefined : keepExisting} />
      {problemCount > 0 && (
        <Box>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1.5 }}>
            <Box>
              <Typography variant="h3" component="h2">
                Rejected rows
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {byReason.map((entry) => `${importProblemLabels[entry.reason]}: ${formatCount(entry.count)}`).join(' · ')}
              </Typography>
            </Box>
            {result.Rejected > 0 && canDownloadProblems && (
              <Button variant="outlined" startIcon={<DownloadOutlined />} href={importProblemsUrl(result.FileID, fileHadHeader ? 1 : 0)} download>
                Download rejected rows
              </Button>
            )}
          </Stack>
          <TableContainer sx={scrollingTable}>
            <Table size="small" stickyHeader aria-label="Rejected rows">
              <TableHead>
                <TableRow>
                  <TableCell>Row</TableCell>
                  <TableCell>Reason</TableCell>
                  <TableCell>Problem</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shownProblems.map((row) => (
                  <TableRow key={row.RowNumber}>
                    <TableCell>{row.RowNumber + rowOffset}</TableCell>
                    <TableCell>{row.Reason ? importProblemLabels[row.Reason] : MISSING}</TableCell>
                    <TableCell>{row.Message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {problemCount > shownProblems.length && (
            <Typography variant="caption" color="textSecondary" sx={{ display: 'block', mt: 1 }}>
              The first {shownProblems.length} of {formatCount(problemCount)}
              {result.Rejected > 0 && canDownloadProblems ? '; the download holds every rejected row.' : '.'}
            </Typography>
          )}
        </Box>
      )}
    </Stack>
  );
}

function ChangeLine({ change }: { change: ImportUpdate['Changes'][number] }) {
  return (
    <Box sx={{ overflowWrap: 'anywhere' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {change.Field ? importFieldLabels[change.Field] : 'Field'}:
      </Box>{' '}
      {change.Before ? (
        <Box component="del" sx={{ color: 'text.secondary' }}>
          {change.Before}
        </Box>
      ) : (
        <Box component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
          (empty)
        </Box>
      )}
      {' → '}
      <Box component="ins" sx={{ textDecoration: 'none', fontWeight: 500 }}>
        {change.After || '(empty)'}
      </Box>
    </Box>
  );
}

/**
 * What the import changes on contacts that already exist (decision 0164): each contact's changed fields, before and
 * after, and, in the review, the choice to keep the values they hold and fill only empty fields.
 */
function ContactChanges({
  result,
  done,
  rowOffset,
  keepExisting,
}: {
  result: ContactImportResult;
  done: boolean;
  rowOffset: number;
  keepExisting: ImportSummaryProps['keepExisting'];
}) {
  const updates = result.UpdatedContacts ?? [];
  const conflicts = result.Conflicts ?? 0;
  const offerChoice = keepExisting && (conflicts > 0 || keepExisting.checked || keepExisting.always);
  if (updates.length === 0 && !offerChoice) return null;
  const kept = result.KeepExistingValues ?? false;
  return (
    <Box>
      <Typography variant="h3" component="h2" sx={{ mb: 0.5 }}>
        {done ? 'Changes made to existing contacts' : 'Changes to existing contacts'}
      </Typography>
      <Typography variant="body2" color="textSecondary" sx={{ mb: 1 }}>
        {kept
          ? `Only empty fields ${done ? 'were' : 'are'} filled in; the values contacts hold ${done ? 'were' : 'are'} kept${conflicts > 0 ? ` (${formatCountOf(conflicts, 'contact differs', 'contacts differ')} from the file)` : ''}.`
          : conflicts > 0
            ? `${formatCountOf(conflicts, 'contact holds', 'contacts hold')} a value the file ${done ? 'replaced' : 'replaces'}, shown as before → after.`
            : 'Each change, before → after.'}
      </Typography>
      {offerChoice && (
        <FormControlLabel
          sx={{ mb: 1 }}
          control={
            <Checkbox checked={keepExisting.checked} disabled={keepExisting.disabled} onChange={(event) => keepExisting.onChange(event.target.checked)} />
          }
          label="Keep the values contacts already have (fill only empty fields)"
        />
      )}
      {updates.length > 0 && (
        <TableContainer sx={scrollingTable}>
          <Table size="small" stickyHeader aria-label="Changes to existing contacts">
            <TableHead>
              <TableRow>
                <TableCell>Row</TableCell>
                <TableCell>Contact</TableCell>
                <TableCell>Changes</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {updates.map((update) => (
                <TableRow key={update.PersonID}>
                  <TableCell sx={{ verticalAlign: 'top' }}>{update.RowNumber + rowOffset}</TableCell>
                  <TableCell sx={{ verticalAlign: 'top' }}>
                    {/* A new tab, so the review stays as it is. */}
                    <Link component={RouterLink} to={paths.contacts.detail.href(update.PersonID)} target="_blank">
                      {update.Name || formatPhoneNumber(update.PrimaryPhone ?? '')}
                    </Link>
                    {update.Name && (
                      <Typography variant="body2" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
                        {formatPhoneNumber(update.PrimaryPhone ?? '')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {update.Changes.map((change) => (
                      <ChangeLine key={change.Field} change={change} />
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {result.Updated > updates.length && updates.length > 0 && (
        <Typography variant="caption" color="textSecondary" sx={{ display: 'block', mt: 1 }}>
          The first {formatCount(updates.length)} of {formatCountOf(result.Updated, 'updated contact', 'updated contacts')}.
        </Typography>
      )}
    </Box>
  );
}
