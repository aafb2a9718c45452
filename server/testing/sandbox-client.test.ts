import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type SandboxDatabase } from '../sandbox/db/database.ts';
import { seedDemoData } from '../sandbox/demo/demo-data.ts';
import { createSandboxHarness } from './sandbox-client.ts';

const tablesOf = (db: SandboxDatabase) =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
/** A table's rows as text (compared whole: quicker than a deep compare of thousands of rows); PIN hashes are salted anew. */
const rowsOf = (db: SandboxDatabase, table: string) =>
  JSON.stringify(
    db
      .prepare(`SELECT * FROM "${table}" ${table === 'sandbox_state' ? "WHERE key <> 'clock'" : ''}`)
      .all()
      .map((row) => ('pin_hash' in (row as object) ? { ...(row as object), pin_hash: 'salted' } : row)),
  );
const seedTimeOf = (db: SandboxDatabase) =>
  (JSON.parse(db.prepare<[], { value: string }>("SELECT value FROM sandbox_state WHERE key = 'clock'").get()!.value) as { simulated: number }).simulated;

describe('createSandboxHarness', () => {
  afterEach(() => vi.useRealTimers());

  it('gives each harness its own copy of the demo seed, with the rows and the time a new seed would have', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = createSandboxHarness({ clockSpeed: 60 });
    // An hour later in the same worker: the copy still starts at the seed's time.
    vi.setSystemTime(Date.now() + 3_600_000);
    const second = createSandboxHarness();
    expect(second.clock.speed).toBe(1);
    expect(first.clock.speed).toBe(60);

    const seededAt = seedTimeOf(second.db);
    expect(seededAt).toBe(seedTimeOf(first.db));
    // Sandbox time goes on from the seed's, as it would from a seed made now.
    expect(second.clock.now() - seededAt).toBeGreaterThanOrEqual(0);
    expect(second.clock.now() - seededAt).toBeLessThan(5_000);

    const fresh = openDatabase(':memory:');
    seedDemoData(fresh, seededAt);
    const tables = tablesOf(fresh);
    expect(tables.length).toBeGreaterThan(10);
    expect(tablesOf(second.db)).toEqual(tables);
    for (const table of tables) expect(rowsOf(second.db, table), table).toBe(rowsOf(fresh, table));

    second.db.exec('DELETE FROM list_members');
    expect(rowsOf(first.db, 'list_members')).toBe(rowsOf(fresh, 'list_members'));
    expect(rowsOf(first.db, 'list_members')).not.toBe('[]');
  });
});
