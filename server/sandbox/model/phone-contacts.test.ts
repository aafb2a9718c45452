import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { contactIdForPhoneSql, markedNotTextableSql } from './phone-contacts.ts';

/**
 * A database whose statistics say what a real one's say once most contacts have no second or third number: the
 * indexes on those columns look useless (every row shares the empty value), the account's index looks better.
 */
function databaseWithSkewedStatistics() {
  const db = openDatabase(':memory:');
  db.exec('ANALYZE');
  db.prepare('DELETE FROM sqlite_stat1').run();
  const statistics = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  statistics.run('contacts', 'contacts_account', '1000000 1000000 500000 1');
  statistics.run('contacts', 'contacts_primary_phone', '1000000 1000000 1');
  statistics.run('contacts', 'contacts_secondary_phone', '1000000 1000000 5');
  statistics.run('contacts', 'contacts_tertiary_phone', '1000000 1000000 1000000');
  db.exec('ANALYZE sqlite_schema');
  return db;
}

const plan = (db: ReturnType<typeof openDatabase>, expression: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN SELECT ${expression}`).all() as Array<{ detail: string }>).map((row) => row.detail);

describe('phone lookups at scale', () => {
  it('find a number’s contact through each slot’s index, whatever the statistics say', () => {
    const db = databaseWithSkewedStatistics();
    const lookups = plan(db, contactIdForPhoneSql('1', "'2145550100'")).filter((detail) => detail.includes('contacts'));
    expect(lookups).toEqual([
      expect.stringContaining('USING INDEX contacts_primary_phone'),
      expect.stringContaining('USING INDEX contacts_secondary_phone'),
      expect.stringContaining('USING INDEX contacts_tertiary_phone'),
    ]);
  });

  it('check a number’s landline mark the same way', () => {
    const db = databaseWithSkewedStatistics();
    const lookups = plan(db, markedNotTextableSql('1', "'2145550100'")).filter((detail) => detail.includes('contacts'));
    expect(lookups).toHaveLength(3);
    for (const lookup of lookups) expect(lookup).toMatch(/USING INDEX contacts_(primary|secondary|tertiary)_phone/);
  });
});
