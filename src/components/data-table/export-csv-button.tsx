import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import { useEffect, useRef, useState } from 'react';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { downloadCsv } from '@/utils/download-csv.ts';
import { formatCount } from '@/utils/format-number.ts';

export interface ExportCsvButtonProps {
  /** Builds the file, page by page, reporting how many rows have arrived of how many. */
  build: (onProgress: (received: number, total: number) => void, signal: AbortSignal) => Promise<{ csv: string; count: number }>;
  fileName: string;
  /** "contacts": what the toast says was exported. */
  noun: string;
  disabled?: boolean;
  label?: string;
}

/** "Export CSV": walks every page, shows "Exporting 2,000 of 5,310" meanwhile, and saves the file. */
export function ExportCsvButton({ build, fileName, noun, disabled, label = 'Export CSV' }: ExportCsvButtonProps) {
  const notify = useNotify();
  const [progress, setProgress] = useState<{ received: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving the page stops the export.
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ received: 0, total: 0 });
    try {
      const { csv, count } = await build((received, total) => setProgress({ received, total }), controller.signal);
      downloadCsv(fileName, csv);
      notify({ message: `Exported ${formatCount(count)} ${noun}.` });
    } catch (error) {
      if (!controller.signal.aborted) notify({ severity: 'error', message: `The export failed: ${(error as Error).message}` });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button startIcon={<FileDownloadOutlined />} onClick={() => void run()} loading={progress !== null} loadingPosition="start" disabled={disabled}>
      {progress ? (progress.total ? `Exporting ${formatCount(progress.received)} of ${formatCount(progress.total)}` : 'Exporting…') : label}
    </Button>
  );
}
