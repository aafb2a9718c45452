import { downloadFile } from './download-file.ts';

/**
 * Saves CSV text (written by @contract/csv.ts, the product's one CSV writer) as a file in the browser's downloads.
 * A leading byte-order mark makes Excel read it as UTF-8.
 */
export function downloadCsv(fileName: string, csv: string) {
  downloadFile(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }), fileName);
}
