import { accessSync, chmodSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type SandboxDatabase = Database.Database;

/**
 * A database the sandbox cannot start on, with a message for the person starting it (no stack trace is printed
 * for it, decision 0116): what is wrong, and which setting points there.
 */
export class SandboxDatabaseError extends Error {
  override name = 'SandboxDatabaseError';
}

const WHERE = 'The sandbox database lives in DATA_DIR (data/sandbox.db by default), or where SANDBOX_DB says.';

/**
 * Opens (creating when needed) the sandbox database, checks it, and brings its schema up to date. Given the bytes of
 * one (`db.serialize()`), it opens a copy of it in memory.
 */
export function openDatabase(path: string | Buffer): SandboxDatabase {
  const file = typeof path === 'string' && path !== ':memory:' ? path : null;
  if (file) prepareFolder(file);
  let db: SandboxDatabase;
  try {
    db = new Database(path);
  } catch (error) {
    throw new SandboxDatabaseError(`The sandbox database ${file ?? ':memory:'} cannot be opened: ${(error as Error).message}. ${WHERE}`);
  }
  if (file) {
    // The file holds AuthTokens and PIN hashes: only the server's own user may read it. SQLite gives its -wal and
    // -shm files the database file's mode; ones left from before are set too.
    for (const part of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(part)) chmodSync(part, 0o600);
    checkIntact(db, file);
  }
  db.pragma('journal_mode = WAL');
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  registerFunctions(db);
  migrate(db);
  return db;
}

/** Folds accents away ("José" → "Jose"), as the search index's tokenizer does, for the searches it cannot answer. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

function registerFunctions(db: SandboxDatabase) {
  db.function('fold_accents', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldAccents(value) : value));
}

/** The folder exists and the file (if any) can be read and written, or a message says which setting to change. */
function prepareFolder(path: string) {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.R_OK | constants.W_OK | constants.X_OK);
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new SandboxDatabaseError(
      `The sandbox database ${path} cannot be read and written (${code}): give this user access to ${folder}, ` +
        `or point DATA_DIR or SANDBOX_DB somewhere it can write. ${WHERE}`,
    );
  }
}

/** SQLite's quick check at start: a damaged file is reported now, not as 500s later. */
function checkIntact(db: SandboxDatabase, path: string) {
  let result: string;
  try {
    result = String(db.pragma('quick_check', { simple: true }));
  } catch (error) {
    db.close();
    throw new SandboxDatabaseError(`The sandbox database ${path} is not a readable SQLite database (${(error as Error).message}). ${REPAIR}`);
  }
  if (result !== 'ok') {
    db.close();
    throw new SandboxDatabaseError(`The sandbox database ${path} is damaged (SQLite quick_check: ${result.slice(0, 200)}). ${REPAIR}`);
  }
}

const REPAIR = `Restore it from a backup, or move it aside to start with fresh demo data. ${WHERE}`;

export function migrate(db: SandboxDatabase): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > migrations.length) {
    throw new SandboxDatabaseError(`The sandbox database is at schema version ${applied}, newer than this build (${migrations.length}).`);
  }
  for (let version = applied; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
