import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { migrate } from './database.ts';
import { migrations } from './migrations.ts';

const dir = mkdtempSync(join(tmpdir(), 'callboard-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database file as a sandbox of `version` left it: its first migrations only, one account and user, then `rows`. */
function databaseOfVersion(version: number, rows: string): { path: string; old: Database.Database } {
  const path = join(dir, `v${version}.db`);
  const old = new Database(path);
  old.pragma('foreign_keys = ON');
  for (const [index, sql] of migrations.slice(0, version).entries()) {
    old.exec(sql);
    old.pragma(`user_version = ${index + 1}`);
  }
  old.exec(`
    INSERT INTO accounts (account_id, company_name, call_balance, created_at) VALUES (1, 'A', 10, 0);
    INSERT INTO users (user_id, account_id, user_name, pin_hash, first_name, last_name, created_at)
      VALUES (1, 1, 'u', 'x', 'U', 'Ser', 0);
  `);
  old.exec(rows);
  return { path, old };
}

/** The file opened again as the sandbox opens it, migrated to the current version. */
function upgraded(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

describe('IDs are never handed out again (docs/decisions/0082-ids-never-reused.md)', () => {
  const sandbox = createSandboxHarness();

  it('gives a new contact a higher ID than the deleted highest one', async () => {
    const master = await sandbox.as();
    const create = () => master.json<{ PersonID: number }>('POST', '/v1/contacts', { FirstName: 'Top', PrimaryPhone: '2145550142' });
    const { PersonID: highest } = await create();
    // Deleted for good (not moved to the Deleted folder), so no row keeps the ID.
    await master.json('DELETE', `/v1/contacts/${highest}`);
    expect(sandbox.db.prepare('SELECT 1 FROM contacts WHERE person_id = ?').get(highest)).toBeUndefined();
    const { PersonID: next } = await create();
    expect(next).toBeGreaterThan(highest);
  });

  it('gives a new list a higher ID than the deleted highest one', async () => {
    const master = await sandbox.as();
    const create = () => master.json<{ ListID: number }>('POST', '/v1/lists', { ListName: `Top ${Math.random()}` });
    const { ListID: highest } = await create();
    await master.json('DELETE', `/v1/lists/${highest}`);
    const { ListID: next } = await create();
    expect(next).toBeGreaterThan(highest);
  });

  it('indexes the contacts already stored without accents when it upgrades the search (decision 0144)', () => {
    const { path, old } = databaseOfVersion(
      7,
      `INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, created_at, last_updated)
        VALUES (1, 1, 'José', 'Müller', '2145550101', 0, 0);`,
    );
    expect(old.prepare("SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'Jose'").all()).toEqual([]);
    old.close();

    const db = upgraded(path);
    expect(db.prepare("SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'Jose'").all()).toEqual([{ rowid: 1 }]);
    expect(db.prepare("SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'muller'").all()).toEqual([{ rowid: 1 }]);
    db.prepare("UPDATE contacts SET first_name = 'Zoë' WHERE person_id = 1").run();
    expect(db.prepare("SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'Zoe'").all()).toEqual([{ rowid: 1 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('migrates a database of the previous version without losing a row', () => {
    const { path, old } = databaseOfVersion(
      6,
      `INSERT INTO contacts (account_id, owner_user_id, first_name, primary_phone, created_at, last_updated)
        VALUES (1, 1, 'Ann', '2145550101', 0, 0), (1, 1, 'Bob', '2145550102', 0, 0), (1, 1, 'Cy', '2145550103', 0, 0);
      INSERT INTO lists (account_id, owner_user_id, list_name, created_at, last_updated) VALUES (1, 1, 'L', 0, 0);
      INSERT INTO list_members (list_id, person_id, added_at) SELECT 1, person_id, 0 FROM contacts;
      -- The highest contact went before the upgrade: its ID is the one an old database would hand out again.
      DELETE FROM contacts WHERE person_id = 3;`,
    );
    old.close();

    const db = upgraded(path);
    expect(db.prepare('SELECT person_id, first_name FROM contacts ORDER BY person_id').all()).toEqual([
      { person_id: 1, first_name: 'Ann' },
      { person_id: 2, first_name: 'Bob' },
    ]);
    expect(db.prepare('SELECT list_id, person_id FROM list_members ORDER BY person_id').all()).toEqual([
      { list_id: 1, person_id: 1 },
      { list_id: 1, person_id: 2 },
    ]);
    // The search index and the counts still agree with the table, and keep up with it.
    expect(db.prepare("SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'Bob'").all()).toEqual([{ rowid: 2 }]);
    const next = db
      .prepare("INSERT INTO contacts (account_id, owner_user_id, first_name, primary_phone, created_at, last_updated) VALUES (1, 1, 'Dee', '2145550104', 0, 0)")
      .run().lastInsertRowid;
    expect(db.prepare("SELECT rowid FROM contacts_search WHERE contacts_search MATCH 'Dee'").all()).toEqual([{ rowid: Number(next) }]);
    expect(db.prepare('SELECT n FROM contact_counts WHERE deleted = 0').get()).toEqual({ n: 3 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // From here on a deleted highest ID stays used.
    db.prepare('DELETE FROM contacts WHERE person_id = ?').run(next);
    const after = db
      .prepare("INSERT INTO contacts (account_id, owner_user_id, first_name, primary_phone, created_at, last_updated) VALUES (1, 1, 'Eve', '2145550105', 0, 0)")
      .run().lastInsertRowid;
    expect(Number(after)).toBeGreaterThan(Number(next));
    db.close();
  });
});
