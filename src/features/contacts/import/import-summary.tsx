import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { importProblemsUrl } from '@/api/resources/contacts/contact-requests.ts';
import { importProblemLabels, importProblemReasons, type ContactImportResult } from '@contract/contact-import.ts';
import { formatCount, formatCountOf } from '@/utils/format-number.ts';
import { MISSING } from '@/utils/missing.ts';

export interface ImportSummaryProps {
  result: ContactImportResult;
  /** Whether the user's file had a header line; if not, the page added one and the rows it reports move up by one. */
  fileHadHeader: boolean;
  listName: string | null;
  /** False when the API has no route for the rejected rows (an import made one row at a time, decision 0133). */
  canDownloadProblems?: boolean;
}

const SHOWN_PROBLEMS = 8;

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
export function ImportSummary({ result, fileHadHeader, listName, canDownloadProblems = true }: ImportSummaryProps) {
  const done = !result.DryRun;
  const rowOffset = fileHadHeader ? 0 : -1;
  const problemCount = result.Rejected + result.Failed;
  const shownProblems = result.ProblemRows.slice(0, SHOWN_PROBLEMS);
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
          <Figure label="Updated" value={result.Updated} hint="Existing contacts, filled in" />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label="Unchanged" value={result.Unchanged} hint="Already up to date" />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label="Rejected" value={result.Rejected + result.Failed} hint={done ? 'Not imported' : 'Will be skipped'} tone="error" />
        </Grid>
      </Grid>
      <Typography variant="body2" color="textSecondary">
        {formatCountOf(result.TotalRows, 'row', 'rows')} in the file.{' '}
        {listName && `${formatCountOf(result.AddedToList, 'contact', 'contacts')} ${done ? 'joined' : 'will join'} ${listName}. `}
        {result.PhonesNotAdded > 0 &&
          `${formatCountOf(result.PhonesNotAdded, 'extra number', 'extra numbers')} found no free phone slot and ${done ? 'were' : 'will be'} left out. `}
        Existing contacts keep their opt-outs, do-not-call flags and text opt-in status; empty cells never clear anything.
      </Typography>
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
          <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
            <Table size="small" aria-label="Rejected rows">
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
