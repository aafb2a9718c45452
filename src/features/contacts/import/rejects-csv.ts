import Papa from 'papaparse';
import { importFieldHeaders, importFields, importProblemLabels, type ImportProblemRow } from '@/api/schemas/contact-import.ts';

/**
 * The rows an import refused, as a CSV the user can fix and import again: their row in the original file, why,
 * and the values (phones as the file wrote them when they were the problem).
 */
export function rejectsCsv(rows: readonly ImportProblemRow[], rowOffset: number): string {
  return Papa.unparse(
    {
      fields: ['Row', 'Reason', 'Problem', ...importFields.map((field) => importFieldHeaders[field])],
      data: rows.map((row) => [
        String(row.RowNumber + rowOffset),
        importProblemLabels[row.Reason],
        row.Message,
        ...importFields.map((field) => row[field]),
      ]),
    },
    { newline: '\r\n' },
  );
}

/** Saves text as a file through the browser's download. */
export function downloadText(text: string, fileName: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
