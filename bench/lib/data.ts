import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../server/sandbox/db/database.ts';
import { migrations } from '../../server/sandbox/db/migrations.ts';
import { addGeneratedContacts } from '../../server/sandbox/demo/bulk-contacts.ts';
import { DEMO_CONTACT_COUNT, seedDemoData } from '../../server/sandbox/demo/demo-data.ts';
import { writeContactCsv } from './contact-csv.ts';
import { excludeFromDeadline } from './section.ts';

/** Generated data is built once and kept in bench/.cache; a schema change makes a new database. */
export const CACHE_DIR = resolve(import.meta.dirname, '..', '.cache');
export const RUN_DIR = join(CACHE_DIR, 'run');
export const SCALE = 1_000_000;

const schemaKey = createHash('sha1').update(JSON.stringify(migrations)).digest('hex').slice(0, 10);

function removeDatabase(path: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

function buildOnce(name: string, build: (path: string) => void, stale?: RegExp): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, name);
  if (existsSync(path)) return path;
  // What an older schema built is of no further use.
  for (const file of readdirSync(CACHE_DIR)) if (stale?.test(file)) rmSync(join(CACHE_DIR, file), { force: true });
  const building = `${path}.building`;
  removeDatabase(building);
  const started = Date.now();
  console.error(`[bench] building ${name} (once; kept in bench/.cache)…`);
  build(building);
  renameSync(building, path);
  console.error(`[bench] built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Built once for every later run: not the area's own time.
  excludeFromDeadline(Date.now() - started);
  return path;
}

/** The demo account with 1,000,000 contacts in all (the demo's own and generated ones). */
export function contactsDatabase(): string {
  return buildOnce(
    `sandbox-1m-${schemaKey}.db`,
    (path) => {
      const db = openDatabase(path);
      const now = Date.now();
      seedDemoData(db, now);
      addGeneratedContacts(db, SCALE - DEMO_CONTACT_COUNT, now);
      db.exec('ANALYZE');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
    /^sandbox-1m-/,
  );
}

/** A fresh copy of a database for one run (creates and imports change it). */
export function runCopy(source: string, name: string): string {
  mkdirSync(RUN_DIR, { recursive: true });
  const target = join(RUN_DIR, name);
  removeDatabase(target);
  copyFileSync(source, target);
  return target;
}

/** The first `count` contacts of the 1M database as json-server's db.json, in the API's field names. */
export function jsonServerData(count: number): string {
  return buildOnce(
    `json-server-${count}-${schemaKey}.json`,
    (path) => {
      const db = new Database(contactsDatabase(), { readonly: true });
      const rows = db
        .prepare(
          `SELECT person_id AS PersonID, first_name AS FirstName, last_name AS LastName, primary_phone AS PrimaryPhone,
           secondary_phone AS SecondaryPhone, notes AS Notes, integration_data AS IntegrationData,
           strftime('%Y-%m-%dT%H:%M:%S', last_updated / 1000, 'unixepoch') AS LastUpdated
         FROM contacts ORDER BY person_id LIMIT ?`,
        )
        .iterate(count);
      const file = openSync(path, 'w');
      writeSync(file, '{"contacts":[\n');
      let buffer: string[] = [];
      let first = true;
      for (const row of rows) {
        buffer.push(`${first ? '' : ',\n'}${JSON.stringify(row)}`);
        first = false;
        if (buffer.length === 10_000) {
          writeSync(file, buffer.join(''));
          buffer = [];
        }
      }
      writeSync(file, `${buffer.join('')}\n]}\n`);
      closeSync(file);
      db.close();
    },
    new RegExp(`^json-server-${count}-`),
  );
}

/** A contacts CSV of `rows` rows with invalid, repeated and extra-column rows. */
export function importCsv(rows: number): string {
  return buildOnce(`import-${rows}.csv`, (path) => writeContactCsv(path, rows));
}

/** A new, empty database path in the run folder (the server seeds the demo account into it). */
export function freshDatabase(name: string): string {
  mkdirSync(RUN_DIR, { recursive: true });
  const path = join(RUN_DIR, name);
  removeDatabase(path);
  return path;
}
