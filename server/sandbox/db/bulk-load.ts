import type { SandboxDatabase } from './database.ts';
import { prepareCached } from '../http/list-query.ts';

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** The contacts' secondary indexes and triggers, with the SQL that creates each again. */
function derivedFromContacts(db: SandboxDatabase): SchemaObject[] {
  return prepareCached(
    db,
    `SELECT type, name, sql FROM sqlite_master
     WHERE tbl_name = 'contacts' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
  ).all() as SchemaObject[];
}

const dropObject = (db: SandboxDatabase, object: SchemaObject) => db.exec(`DROP ${object.type.toUpperCase()} ${object.name}`);

/**
 * Loads many contacts at once: the contacts' secondary indexes and triggers are dropped, `load` runs, then the
 * indexes are built in one pass and the search index and counts are rebuilt from the table. Building an index
 * once after the insert is several times cheaper than keeping it up to date row by row. One transaction: readers
 * see all of it or none of it.
 */
export function bulkLoadContacts<T>(db: SandboxDatabase, load: () => T): T {
  return db.transaction(() => {
    const derived = derivedFromContacts(db);
    for (const object of derived) dropObject(db, object);
    const result = load();
    for (const object of derived.filter((item) => item.type === 'index')) db.exec(object.sql);
    rebuildContactSearchAndCounts(db);
    for (const object of derived.filter((item) => item.type === 'trigger')) db.exec(object.sql);
    return result;
  })();
}

/** Rebuilds what the contacts' triggers keep up to date (the search index, the counts) from the table itself. */
export function rebuildContactSearchAndCounts(db: SandboxDatabase): void {
  db.exec(`
    INSERT INTO contacts_search (contacts_search) VALUES ('rebuild');
    DELETE FROM contact_counts;
    INSERT INTO contact_counts (account_id, owner_user_id, deleted, n)
      SELECT account_id, owner_user_id, deleted_at IS NOT NULL, COUNT(*) FROM contacts GROUP BY 1, 2, 3;
  `);
}

/** The triggers that index and count each contact as it is inserted. */
const INSERT_TRIGGERS = new Set(['contacts_search_insert', 'contact_counts_insert']);

/** Contacts just inserted: a consecutive range of PersonIDs, all active and of one owner. */
export interface InsertedContacts {
  firstId: number;
  lastId: number;
  accountId: number;
  ownerUserId: number;
}

/**
 * Inserts contacts, then indexes them for search and counts them with one statement each, instead of running two
 * triggers per row (the import's largest cost after the indexes). `insert` says what it wrote (a consecutive range:
 * nothing else writes meanwhile). The triggers stand aside only inside the caller's transaction, so nobody else
 * ever sees the table without them.
 */
export function insertContactsThenIndex(db: SandboxDatabase, insert: () => InsertedContacts | null): void {
  if (!db.inTransaction) throw new Error('insertContactsThenIndex needs a transaction.');
  const triggers = derivedFromContacts(db).filter((object) => INSERT_TRIGGERS.has(object.name));
  for (const trigger of triggers) dropObject(db, trigger);
  try {
    const inserted = insert();
    if (!inserted) return;
    prepareCached(
      db,
      `INSERT INTO contacts_search (rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
       SELECT person_id, first_name, last_name, primary_phone, secondary_phone, tertiary_phone FROM contacts
       WHERE person_id BETWEEN ? AND ?`,
    ).run(inserted.firstId, inserted.lastId);
    prepareCached(
      db,
      `INSERT INTO contact_counts (account_id, owner_user_id, deleted, n) VALUES (?, ?, 0, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    ).run(inserted.accountId, inserted.ownerUserId, inserted.lastId - inserted.firstId + 1);
  } finally {
    for (const trigger of triggers) db.exec(trigger.sql);
  }
}
