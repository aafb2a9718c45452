/**
 * The contact a phone number belongs to: the account's first live contact with it as primary phone, else as
 * secondary, else as tertiary. Conversations and opt-outs carry no contact of their own, so a contact added
 * or renamed later shows up at once.
 *
 * Returns a SQL expression for the contact's `person_id` (NULL when none), for a join such as
 * `LEFT JOIN contacts p ON p.person_id = <expression>`.
 */
export function contactIdForPhoneSql(accountIdSql: string, phoneSql: string): string {
  const firstWith = (column: string) =>
    `(SELECT MIN(person_id) FROM contacts WHERE account_id = ${accountIdSql} AND ${column} = ${phoneSql} AND deleted_at IS NULL)`;
  // COALESCE stops at the first match, so the secondary and tertiary lookups run only when needed.
  return `COALESCE(${firstWith('primary_phone')}, ${firstWith('secondary_phone')}, ${firstWith('tertiary_phone')})`;
}
