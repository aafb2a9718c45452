import type { SandboxDatabase } from '../db/database.ts';
import { bulkLoadContacts } from '../db/bulk-load.ts';
import { DEMO_ACCOUNT_ID, DEMO_USER_IDS, demoPhoneNumber } from './demo-data.ts';
import { firstNames, lastNames } from './names.ts';
import { createRandom } from './random.ts';

const DAY = 86_400_000;
const notes = ['Prefers texts', 'Call after 5pm', 'Spanish speaker', 'Room parent', 'Bus rider', 'New this year'];

/**
 * Adds `count` generated contacts to the demo account, for benchmarks at scale (1,000,000 contacts). Deterministic:
 * the same count gives the same contacts. Every primary number is new to the account, as creates require
 * (decision 0014). Loaded in bulk: indexes and the search index are built once, after the insert.
 */
export function addGeneratedContacts(db: SandboxDatabase, count: number, now: number): void {
  const random = createRandom(1_000_003);
  const taken = new Set(db.prepare('SELECT primary_phone FROM contacts WHERE account_id = ?').pluck().all(DEMO_ACCOUNT_ID) as string[]);
  const uniquePhone = () => {
    let phone: string;
    do phone = demoPhoneNumber(random);
    while (taken.has(phone));
    taken.add(phone);
    return phone;
  };
  const insert = db.prepare(`
    INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, secondary_phone, notes,
      integration_data, optin_primary, created_at, last_updated)
    VALUES (${DEMO_ACCOUNT_ID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  bulkLoadContacts(db, () => {
    for (let index = 0; index < count; index += 1) {
      const owner = index % 25 === 0 ? DEMO_USER_IDS.han : index % 7 === 0 ? DEMO_USER_IDS.leia : DEMO_USER_IDS.master;
      const created = now - random.int(1, 730) * DAY - random.int(0, DAY - 1);
      const updated = random.chance(0.3) ? created + random.int(0, Math.max(0, now - created - 1)) : created;
      insert.run(
        owner,
        random.pick(firstNames),
        random.pick(lastNames),
        uniquePhone(),
        random.chance(0.2) ? uniquePhone() : '',
        random.chance(0.15) ? random.pick(notes) : '',
        random.chance(0.5) ? `SIS-${2_000_000 + index}` : '',
        random.chance(0.6) ? 'OptedIn' : 'Unknown',
        created,
        updated,
      );
    }
  });
}
