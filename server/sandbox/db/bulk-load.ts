import type { SandboxDatabase } from './database.ts';

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/**
 * Loads many contacts at once: the contacts' secondary indexes and triggers are dropped, `load` runs, then the
 * indexes are built in one pass and the search index and counts are rebuilt from the table. Building an index
 * once after the insert is several times cheaper than keeping it up to date row by row. One transaction: readers
 * see all of it or none of it.
 */
export function bulkLoadContacts<T>(db: SandboxDatabase, load: () => T): T {
  return db.transaction(() => {
    const derived = db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master
         WHERE tbl_name = 'contacts' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
      )
      .all() as SchemaObject[];
    for (const object of derived) db.exec(`DROP ${object.type.toUpperCase()} ${object.name}`);
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

const DEFERRED_KEY = 'contacts_search_deferred';

/**
 * Inserts contacts and then indexes them for search in one statement, instead of one index update per row (about
 * ten times cheaper). `insert` returns the first and last PersonID it wrote (a consecutive range: nothing else
 * writes meanwhile). Call it inside a transaction: the insert trigger stands aside only within it.
 */
export function insertContactsThenIndex(db: SandboxDatabase, insert: () => { firstId: number; lastId: number } | null): void {
  if (!db.inTransaction) throw new Error('insertContactsThenIndex needs a transaction.');
  db.prepare('INSERT INTO sandbox_state (key, value) VALUES (?, ?)').run(DEFERRED_KEY, '1');
  try {
    const range = insert();
    if (range) {
      db.prepare(
        `INSERT INTO contacts_search (rowid, first_name, last_name, primary_phone, secondary_phone, tertiary_phone)
         SELECT person_id, first_name, last_name, primary_phone, secondary_phone, tertiary_phone FROM contacts
         WHERE person_id BETWEEN ? AND ?`,
      ).run(range.firstId, range.lastId);
    }
  } finally {
    db.prepare('DELETE FROM sandbox_state WHERE key = ?').run(DEFERRED_KEY);
  }
}
