import Papa from 'papaparse';
import { importFieldHeaders, importFields } from '@/api/schemas/contact-import.ts';
import { PREVIEW_ROWS, type ParserRequest, type ParserResponse } from './csv-parser-protocol.ts';

/**
 * Reads a contact file off the main thread, so a 100,000-row spreadsheet never freezes the page, and keeps its rows
 * here until the page asks for the file to upload.
 */

let rows: string[][] = [];
const send = (message: ParserResponse) => postMessage(message);

function parse(source: File | string) {
  rows = [];
  const size = typeof source === 'string' ? source.length : source.size;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    chunkSize: 512 * 1024,
    chunk: (results) => {
      rows.push(...results.data);
      send({ type: 'progress', rows: rows.length, fraction: size > 0 ? Math.min(1, results.meta.cursor / size) : 1 });
    },
    complete: () => {
      // A trailing newline reads as one empty row: it is not part of the data.
      while (rows.length > 0 && rows.at(-1)!.every((cell) => cell.trim() === '')) rows.pop();
      if (rows.length === 0) {
        send({ type: 'failed', message: 'There is nothing to import: the file is empty.' });
        return;
      }
      send({
        type: 'parsed',
        rowCount: rows.length,
        columnCount: Math.max(...rows.slice(0, 1000).map((row) => row.length)),
        firstRows: rows.slice(0, PREVIEW_ROWS + 1),
      });
    },
    error: (error) => send({ type: 'failed', message: `The file could not be read: ${error.message}` }),
  });
}

function build(request: Extract<ParserRequest, { type: 'build' }>) {
  const data = request.hasHeader ? rows.slice(1) : rows;
  const lines = data.map((row) =>
    importFields.map((field) => {
      const column = request.mapping.indexOf(field);
      return column === -1 ? '' : (row[column] ?? '');
    }),
  );
  const csv = Papa.unparse({ fields: importFields.map((field) => importFieldHeaders[field]), data: lines }, { newline: '\r\n' });
  // A Blob crosses to the page by reference: a large file never has to be copied or re-encoded on the main thread.
  send({ type: 'built', csv: new Blob([csv], { type: 'text/csv' }), rowCount: data.length });
}

addEventListener('message', (event: MessageEvent<ParserRequest>) => {
  try {
    if (event.data.type === 'parse') parse(event.data.source);
    else build(event.data);
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : 'The file could not be read.' });
  }
});
