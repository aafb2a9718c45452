import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState } from 'react';
import { broadcastDetailsPath } from '@/api/resources/broadcasts/broadcast-requests.ts';
import { walkFeed } from '@/api/feed-pages.ts';
import type { ListParams } from '@/api/list-params.ts';
import { broadcastDetailSchema } from '@contract/broadcast-detail.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { downloadFile } from '@/utils/download-file.ts';
import { formatCount } from '@/utils/format-number.ts';
import { csvHeader, csvRows, type CsvColumn } from '../results-csv.ts';

/** Pages of the largest size the API allows (docs/decisions/0002-feed-query-language.md). */
const EXPORT_PAGE_SIZE = 1000;

export interface ExportResultsButtonProps {
  broadcastId: number;
  /** The grid's filters, search and sort; paging is the export's own. */
  params: ListParams;
  columns: readonly CsvColumn[];
  fileName: string;
  /** Matches on the server right now, for the button's label. */
  matching: number;
}

type ExportState = { phase: 'idle' } | { phase: 'running'; received: number; total: number | null } | { phase: 'failed'; message: string };

/**
 * Exports every matching number, not just the page on screen: walks the details feed a thousand at a time and
 * builds the CSV as pages arrive, with progress and a way to stop.
 */
export function ExportResultsButton({ broadcastId, params, columns, fileName, matching }: ExportResultsButtonProps) {
  const notify = useNotify();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const titleId = useId();

  const run = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', received: 0, total: null });
    // A byte-order mark so spreadsheet programs read the names' accents as UTF-8.
    const parts: string[] = ['\uFEFF', `${csvHeader(columns)}\r\n`];
    let received = 0;
    try {
      const path = broadcastDetailsPath(broadcastId, { ...params, page: 1, pageSize: EXPORT_PAGE_SIZE });
      for await (const page of walkFeed(path, broadcastDetailSchema, { signal: abort.signal })) {
        parts.push(csvRows(columns, page.items));
        received = page.received;
        setState({ phase: 'running', received, total: page.total });
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      setState({ phase: 'failed', message: error instanceof Error ? error.message : 'The export failed.' });
      return;
    }
    if (abort.signal.aborted) return;
    downloadFile(new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName);
    setState({ phase: 'idle' });
    notify({ message: `Exported ${formatCount(received)} ${received === 1 ? 'number' : 'numbers'} to ${fileName}.` });
  };

  const stop = () => {
    controller.current?.abort();
    controller.current = null;
    if (state.phase === 'running') notify({ severity: 'info', message: 'Export canceled. Nothing was saved.' });
    setState({ phase: 'idle' });
  };

  const running = state.phase === 'running';
  const percent = running && state.total ? Math.round((state.received / state.total) * 100) : 0;
  return (
    <>
      <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void run()} disabled={matching === 0 || running}>
        Export CSV
      </Button>
      <Dialog open={state.phase !== 'idle'} onClose={stop} aria-labelledby={titleId} maxWidth="xs" fullWidth>
        <DialogTitle id={titleId}>{state.phase === 'failed' ? 'The export stopped' : 'Exporting results'}</DialogTitle>
        <DialogContent>
          {state.phase === 'failed' ? (
            <Alert severity="error">{state.message}</Alert>
          ) : (
            <>
              <LinearProgress
                variant={running && state.total ? 'determinate' : 'indeterminate'}
                value={percent}
                aria-label="Export progress"
                sx={{ height: 8, borderRadius: 4, my: 1 }}
              />
              <Typography variant="body2" color="textSecondary" role="status" aria-live="polite">
                {running && state.total !== null
                  ? `${formatCount(state.received)} of ${formatCount(state.total)} numbers`
                  : `Preparing ${formatCount(matching)} numbers…`}
              </Typography>
            </>
          )}
        </DialogContent>
        <DialogActions>
          {state.phase === 'failed' ? (
            <>
              <Button onClick={stop}>Close</Button>
              <Button variant="contained" onClick={() => void run()}>
                Try again
              </Button>
            </>
          ) : (
            <Button onClick={stop}>Cancel export</Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
