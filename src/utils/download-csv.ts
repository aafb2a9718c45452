import Papa from 'papaparse';

/**
 * Saves rows as a CSV file in the browser's downloads. A leading byte-order mark makes Excel read it as UTF-8;
 * cells that a spreadsheet would run as a formula (=, +, -, @) are quoted with a leading apostrophe.
 */
export function downloadCsv(fileName: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>) {
  const safe = (value: string | number | boolean) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const csv = Papa.unparse({ fields: [...header], data: rows.map((row) => row.map(safe)) });
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
