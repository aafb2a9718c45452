import Papa from 'papaparse';
import { contactFileCells, contactFileHeader, valuesOfRow } from '@contract/column-mapping.ts';
import { importFields } from '@contract/contact-import.ts';
import { PREVIEW_ROWS, type ParserRequest, type ParserResponse } from './csv-parser-protocol.ts';
import { csvLine, csvParts } from './csv-line.ts';

/**
 * Reads a contact file off the main thread, so a 100,000-row spreadsheet never freezes the page, and keeps its rows
 * here until the page asks for the file to upload. Then it lets them go: a million rows held in this worker made the
 * page's own garbage collections take 60–150 ms while the import ran.
 */

/** What was read, kept to read again when the page asks for another build after the first. */
let source: File | string | null = null;
/** The rows, until the first build: holding a million of them would make every garbage collection slow. */
let rows: string[][] | null = null;
const send = (message: ParserResponse) => postMessage(message);

/** Every row of the source; a trailing newline reads as one empty row, which is not part of the data. */
function readRows(from: File | string, onProgress?: (rowsSoFar: number, fraction: number) => void): Promise<string[][]> {
  const read: string[][] = [];
  const size = typeof from === 'string' ? from.length : from.size;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(from, {
      skipEmptyLines: false,
      chunkSize: 512 * 1024,
      chunk: (results) => {
        read.push(...results.data);
        onProgress?.(read.length, size > 0 ? Math.min(1, results.meta.cursor / size) : 1);
      },
      complete: () => {
        while (read.length > 0 && read.at(-1)!.every((cell) => cell.trim() === '')) read.pop();
        resolve(read);
      },
      error: (error) => reject(new Error(`The file could not be read: ${error.message}`)),
    });
  });
}

async function parse(from: File | string) {
  source = from;
  rows = null;
  const read = await readRows(from, (rowsSoFar, fraction) => send({ type: 'progress', rows: rowsSoFar, fraction }));
  if (read.length === 0) {
    send({ type: 'failed', message: 'There is nothing to import: the file is empty.' });
    return;
  }
  rows = read;
  send({
    type: 'parsed',
    rowCount: read.length,
    columnCount: Math.max(...read.slice(0, 1000).map((row) => row.length)),
    firstRows: read.slice(0, PREVIEW_ROWS + 1),
  });
}

async function build(request: Extract<ParserRequest, { type: 'build' }>) {
  if (!source) throw new Error('Read a file first.');
  // A second build (the user went back to change the mapping) reads the source again.
  const all = rows ?? (await readRows(source));
  rows = null;
  const data = request.hasHeader ? all.slice(1) : all;
  // Cells are copied by column, the fast path for a million rows; a full-name column needs each row read whole.
  const columns = importFields.map((field) => request.mapping.indexOf(field));
  const cellsOf = request.mapping.includes('FullName')
    ? (row: string[]) => contactFileCells(valuesOfRow(row, request.mapping))
    : (row: string[]) => columns.map((column) => (column === -1 ? '' : (row[column] ?? '')));
  function* lines() {
    yield csvLine(contactFileHeader);
    for (const row of data) yield csvLine(cellsOf(row));
  }
  // A Blob crosses to the page by reference: a large file never has to be copied or re-encoded on the main thread.
  send({ type: 'built', csv: new Blob(csvParts(lines()), { type: 'text/csv' }), rowCount: data.length });
}

addEventListener('message', (event: MessageEvent<ParserRequest>) => {
  const work = event.data.type === 'parse' ? parse(event.data.source) : build(event.data);
  work.catch((error: unknown) => {
    send({ type: 'failed', message: error instanceof Error ? error.message : 'The file could not be read.' });
  });
});
