import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import Papa from 'papaparse';
import { RUN_DIR } from './data.ts';
import { elapsedMs } from './stats.ts';

/** One part of the import floor: its milliseconds and rows a second. */
export interface FloorPart {
  ms: number;
  rowsPerSecond: number;
}

export interface ImportFloor {
  rows: number;
  inserted: number;
  /** Reading the CSV (papaparse, streaming), checking each number (libphonenumber-js) and dropping repeats. */
  parse: FloorPart;
  /** Inserting the kept rows into the indexed table (two indexes, and a trigram search index built in one statement). */
  insert: FloorPart;
  /** The floor's time for these rows: the two parts' sum. */
  ms: number;
}

/**
 * The import floor: the least an import of `file` does, in one process with nothing else running, in one streaming
 * pass, papaparse → libphonenumber-js → de-duplicate → insert into a table with two indexes, then the trigram search
 * index built from it in one statement, all in one transaction. Each chunk papaparse hands over is checked first
 * (parse part), then inserted (insert part, timed on its own), so the two parts are measured on the same rows in the
 * same pass; the rest of the pass (papaparse reading between chunks) counts as parsing, building the search index and
 * the commit as inserting. (A trigger filling the search index row by row, as this floor once did, made the insert
 * 2.7× slower at a million rows: slower than our import, so no floor.)
 */
export async function importFloor(file: string): Promise<ImportFloor> {
  const path = join(RUN_DIR, 'import-floor.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE contacts (PersonID INTEGER PRIMARY KEY, FirstName TEXT, LastName TEXT, PrimaryPhone TEXT NOT NULL, Notes TEXT,
      IntegrationData TEXT, LastUpdated TEXT);
    CREATE INDEX contacts_phone ON contacts(PrimaryPhone);
    CREATE INDEX contacts_name ON contacts(LastName, FirstName);
    CREATE VIRTUAL TABLE contacts_phone_fts USING fts5(PrimaryPhone, content='contacts', content_rowid='PersonID', tokenize='trigram');`);
  const insert = db.prepare('INSERT INTO contacts (FirstName, LastName, PrimaryPhone, Notes, IntegrationData, LastUpdated) VALUES (?, ?, ?, ?, ?, ?)');
  const normalize = (raw: string) => {
    const parsed = parsePhoneNumberFromString(raw, 'US');
    return parsed?.isValid() && parsed.countryCallingCode === '1' ? parsed.nationalNumber : null;
  };
  const seen = new Set<string>();
  let rows = 0;
  let insertMs = 0;
  const started = process.hrtime.bigint();
  db.exec('BEGIN');
  await new Promise<void>((resolve, reject) =>
    Papa.parse<Record<string, string>>(createReadStream(file) as unknown as File, {
      header: true,
      skipEmptyLines: true,
      error: reject,
      complete: () => resolve(),
      chunk: (results) => {
        const kept: Array<[string | undefined, string | undefined, string, string | undefined, string | undefined]> = [];
        for (const row of results.data) {
          rows += 1;
          const phone = normalize(row.Phone ?? '');
          if (!phone || seen.has(phone)) continue;
          seen.add(phone);
          kept.push([row['First Name'], row['Last Name'], phone, row.Notes, row['Integration Data']]);
        }
        const inserting = process.hrtime.bigint();
        for (const [first, last, phone, notes, integration] of kept) insert.run(first, last, phone, notes, integration, '2024-01-01T00:00:00');
        insertMs += elapsedMs(inserting);
      },
    }),
  );
  const committing = process.hrtime.bigint();
  db.exec(`INSERT INTO contacts_phone_fts(contacts_phone_fts) VALUES ('rebuild')`);
  db.exec('COMMIT');
  insertMs += elapsedMs(committing);
  const ms = elapsedMs(started);
  db.close();
  const parseMs = ms - insertMs;
  return {
    rows,
    inserted: seen.size,
    parse: { ms: parseMs, rowsPerSecond: rows / (parseMs / 1000) },
    insert: { ms: insertMs, rowsPerSecond: seen.size / (insertMs / 1000) },
    ms: parseMs + insertMs,
  };
}
