import type { AuthUser } from '../context.ts';

/**
 * The contact a phone number belongs to: the first live contact with it as primary phone, else as secondary,
 * else as tertiary, among the contacts `viewer` may see (their own unless they may see the whole roster;
 * everyone's when no viewer is given). Conversations and opt-outs carry no contact of their own, so a contact
 * added or renamed later shows up at once, and nobody learns a name from a roster they cannot read.
 *
 * Returns a SQL expression for the contact's `person_id` (NULL when none), for a join such as
 * `LEFT JOIN contacts p ON p.person_id = <expression>`.
 */
export function contactIdForPhoneSql(accountIdSql: string, phoneSql: string, viewer?: AuthUser): string {
  // The owner is inlined, not bound, so callers keep their own placeholders; it is always an integer.
  const owner = viewer && !viewer.canSeeAllRoster ? ` AND owner_user_id = ${Math.trunc(Number(viewer.userId))}` : '';
  // Named indexes: where most contacts have no third number, statistics make its index look useless and SQLite would
  // walk every contact of the account instead, for a number that matches a handful at most.
  const firstWith = (column: string) =>
    `(SELECT MIN(person_id) FROM contacts INDEXED BY contacts_${column}
      WHERE account_id = ${accountIdSql} AND ${column} = ${phoneSql} AND deleted_at IS NULL${owner})`;
  // COALESCE stops at the first match, so the secondary and tertiary lookups run only when needed.
  return `COALESCE(${firstWith('primary_phone')}, ${firstWith('secondary_phone')}, ${firstWith('tertiary_phone')})`;
}

/**
 * SQL true when an active contact of the account has this number marked NotTextable (a landline) in the slot it is
 * in: one indexed lookup a slot (see contactIdForPhoneSql on the named indexes), never a walk of the contacts.
 */
export function markedNotTextableSql(accountIdSql: string, phoneSql: string): string {
  return (['primary', 'secondary', 'tertiary'] as const)
    .map(
      (slot) => `EXISTS (SELECT 1 FROM contacts INDEXED BY contacts_${slot}_phone
         WHERE account_id = ${accountIdSql} AND ${slot}_phone = ${phoneSql} AND deleted_at IS NULL AND optin_${slot} = 'NotTextable')`,
    )
    .join(' OR ');
}

/** One `make(viewer)` per roster a viewer sees (everyone's, or one user's): for statements built on the SQL above. */
export function perRoster<T>(make: (viewer: AuthUser) => T): (viewer: AuthUser) => T {
  const made = new Map<string, T>();
  return (viewer) => {
    const key = viewer.canSeeAllRoster ? 'all' : `user ${viewer.userId}`;
    let value = made.get(key);
    if (value === undefined) {
      value = make(viewer);
      made.set(key, value);
    }
    return value;
  };
}
