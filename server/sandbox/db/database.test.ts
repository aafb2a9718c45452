import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { SandboxDatabaseError, openDatabase } from './database.ts';

const dir = mkdtempSync(join(tmpdir(), 'callboard-database-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A path whose folder is a plain file: no one (root included) can create anything there. */
function unwritableFolder(name: string) {
  const file = join(dir, `${name}-is-a-file`);
  writeFileSync(file, 'not a folder');
  return join(file, 'data');
}

describe('opening the sandbox database', () => {
  it('creates the file readable by its owner only, -wal and -shm too', () => {
    const path = join(dir, 'fresh', 'sandbox.db');
    const db = openDatabase(path);
    db.prepare('SELECT COUNT(*) FROM users').get();
    for (const file of [path, `${path}-wal`, `${path}-shm`].filter(existsSync)) {
      expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    }
    db.close();
  });

  it('tightens an existing world-readable file', () => {
    const path = join(dir, 'loose.db');
    openDatabase(path).close();
    chmodSync(path, 0o644);
    openDatabase(path).close();
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
  });

  it('refuses a damaged file at start with a message naming it and what to do', () => {
    const path = join(dir, 'damaged.db');
    const db = openDatabase(path);
    db.exec(`CREATE TABLE filler (text TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(200)) FROM n`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over the middle of the file: the pages there no longer hold what their tree says.
    const handle = openSync(path, 'r+');
    writeSync(handle, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor(statSync(path).size / 2 / 4096) * 4096);
    closeSync(handle);
    expect(() => openDatabase(path)).toThrow(SandboxDatabaseError);
    expect(() => openDatabase(path)).toThrow(/damaged \(SQLite quick_check: |not a readable SQLite database/);
    expect(() => openDatabase(path)).toThrow(/DATA_DIR .*SANDBOX_DB/);
  });

  it('refuses a file that is not a database at all', () => {
    const path = join(dir, 'text.db');
    writeFileSync(path, 'These are not the droids you are looking for. '.repeat(200));
    expect(() => openDatabase(path)).toThrow(/^The sandbox database .*text\.db is not a readable SQLite database/);
  });

  it('names DATA_DIR and SANDBOX_DB when the folder cannot be written', () => {
    const path = join(unwritableFolder('db'), 'sandbox.db');
    expect(() => openDatabase(path)).toThrow(SandboxDatabaseError);
    expect(() => openDatabase(path)).toThrow(/cannot be read and written \(ENOTDIR\).*DATA_DIR or SANDBOX_DB/);
  });
});

describe('a DATA_DIR that cannot be written', () => {
  it('is a settings problem naming DATA_DIR', () => {
    const dataDir = unwritableFolder('config');
    expect(() => loadConfig({ DATA_DIR: dataDir }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir }, dir)).toThrow(/^DATA_DIR \(.*\) cannot be read and written \(ENOTDIR/);
  });

  it('stops `npm start` with that message and no stack trace', () => {
    const result = spawnSync('npx', ['tsx', 'server/start.ts'], {
      env: { ...process.env, DATA_DIR: unwritableFolder('start'), PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATA_DIR \(.*\) cannot be read and written/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
