import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import Papa from 'papaparse';
import { RUN_DIR } from './data.ts';
import { elapsedMs } from './stats.ts';

/**
 * The import yardstick ("pipeline end to end"): one streaming pass in one process, papaparse
 * → libphonenumber-js → de-duplicate → insert into an indexed table with a trigram search index kept by a trigger.
 */
export async function yardstickImport(file: string): Promise<{ ms: number; rowsPerSecond: number; inserted: number }> {
  const path = join(RUN_DIR, 'yardstick-import.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE contacts (PersonID INTEGER PRIMARY KEY, FirstName TEXT, LastName TEXT, PrimaryPhone TEXT NOT NULL, Notes TEXT,
      IntegrationData TEXT, LastUpdated TEXT);
    CREATE INDEX contacts_phone ON contacts(PrimaryPhone);
    CREATE INDEX contacts_name ON contacts(LastName, FirstName);
    CREATE VIRTUAL TABLE contacts_phone_fts USING fts5(PrimaryPhone, content='contacts', content_rowid='PersonID', tokenize='trigram');
    CREATE TRIGGER contacts_ai AFTER INSERT ON contacts BEGIN
      INSERT INTO contacts_phone_fts(rowid, PrimaryPhone) VALUES (new.PersonID, new.PrimaryPhone);
    END;`);
  const insert = db.prepare('INSERT INTO contacts (FirstName, LastName, PrimaryPhone, Notes, IntegrationData, LastUpdated) VALUES (?, ?, ?, ?, ?, ?)');
  const normalize = (raw: string) => {
    const parsed = parsePhoneNumberFromString(raw, 'US');
    return parsed?.isValid() && parsed.countryCallingCode === '1' ? parsed.nationalNumber : null;
  };
  const seen = new Set<string>();
  let rows = 0;
  const started = process.hrtime.bigint();
  db.exec('BEGIN');
  await new Promise<void>((resolve, reject) =>
    Papa.parse<Record<string, string>>(createReadStream(file) as unknown as File, {
      header: true,
      skipEmptyLines: true,
      error: reject,
      complete: () => resolve(),
      chunk: (results) => {
        for (const row of results.data) {
          rows += 1;
          const phone = normalize(row.Phone ?? '');
          if (!phone || seen.has(phone)) continue;
          seen.add(phone);
          insert.run(row['First Name'], row['Last Name'], phone, row.Notes, row['Integration Data'], '2024-01-01T00:00:00');
        }
      },
    }),
  );
  db.exec('COMMIT');
  const ms = elapsedMs(started);
  db.close();
  return { ms, rowsPerSecond: rows / (ms / 1000), inserted: seen.size };
}
