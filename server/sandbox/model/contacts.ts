import { textOptInStatuses, type Contact, type TextOptInStatus } from '../../../src/contract/contact.ts';
import type { Feed } from '../../../src/contract/feed.ts';
import { SYSTEM_LIST_IDS, type ListStub } from '../../../src/contract/list.ts';
import { formatPhoneNumber } from '../../../src/contract/phone-format.ts';
import type { AuthUser } from '../context.ts';
import { foldAccents, type SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { escapeLike, prepareCached, queryFeed, type ListQuery, type ListSpec } from '../http/list-query.ts';
import { formatApiDate } from '../time.ts';
import { isSystemList, listScope, listStub } from './lists.ts';

/** One row of `contacts`. */
export interface ContactRow {
  person_id: number;
  account_id: number;
  owner_user_id: number;
  first_name: string;
  last_name: string;
  primary_phone: string;
  secondary_phone: string;
  tertiary_phone: string;
  notes: string;
  integration_data: string;
  dnc_primary: number;
  dnc_secondary: number;
  dnc_tertiary: number;
  optin_primary: TextOptInStatus;
  optin_secondary: TextOptInStatus;
  optin_tertiary: TextOptInStatus;
  /** Set while the contact is in the Deleted folder. */
  deleted_at: number | null;
  created_at: number;
  last_updated: number;
}

export const CONTACT_COLUMNS = 'c.*';

/** A contact's three numbers by slot, with the column names that hold each slot's number and flags. */
export const phoneSlots = [
  { phone: 'primary_phone', dnc: 'dnc_primary', optIn: 'optin_primary' },
  { phone: 'secondary_phone', dnc: 'dnc_secondary', optIn: 'optin_secondary' },
  { phone: 'tertiary_phone', dnc: 'dnc_tertiary', optIn: 'optin_tertiary' },
] as const;

/**
 * Contacts a user may see: the account's, and only their own without CanSeeAllRoster. Everything that reads or
 * changes contacts goes through this; records outside it answer 404.
 */
export function contactScope(user: AuthUser, alias = 'c'): { sql: string; params: unknown[] } {
  return user.canSeeAllRoster
    ? { sql: `${alias}.account_id = ?`, params: [user.accountId] }
    : { sql: `${alias}.account_id = ? AND ${alias}.owner_user_id = ?`, params: [user.accountId, user.userId] };
}

/** Where a feed or a bulk change looks: the active contacts, one list, the unfiled ones, or the Deleted folder. */
export type ContactFolder = { kind: 'active' } | { kind: 'deleted' } | { kind: 'unfiled' } | { kind: 'list'; listId: number };

export function folderOfList(listId: number): ContactFolder {
  if (listId === SYSTEM_LIST_IDS.Everyone) return { kind: 'active' };
  if (listId === SYSTEM_LIST_IDS.Deleted) return { kind: 'deleted' };
  if (listId === SYSTEM_LIST_IDS.Unfiled) return { kind: 'unfiled' };
  return { kind: 'list', listId };
}

/** Active contacts in none of the lists the user can see (alias `c`). */
function unfiledCondition(user: AuthUser): { sql: string; params: unknown[] } {
  const scope = listScope(user, 'ul');
  return {
    sql: `NOT EXISTS (SELECT 1 FROM list_members um JOIN lists ul ON ul.list_id = um.list_id
            WHERE um.person_id = c.person_id AND ${scope.sql})`,
    params: scope.params,
  };
}

/** The scope and folder conditions of a contact query (alias `c`). */
export function contactConditions(user: AuthUser, folder: ContactFolder): { where: string[]; params: unknown[] } {
  const scope = contactScope(user);
  switch (folder.kind) {
    case 'active':
      return { where: [scope.sql, 'c.deleted_at IS NULL'], params: scope.params };
    case 'deleted':
      return { where: [scope.sql, 'c.deleted_at IS NOT NULL'], params: scope.params };
    case 'unfiled': {
      const unfiled = unfiledCondition(user);
      return { where: [scope.sql, 'c.deleted_at IS NULL', unfiled.sql], params: [...scope.params, ...unfiled.params] };
    }
    case 'list':
      return {
        where: [
          scope.sql,
          'c.deleted_at IS NULL',
          // Driven from the list's own index: cost follows the list's size, not the account's.
          'c.person_id IN (SELECT lm.person_id FROM list_members lm WHERE lm.list_id = ?)',
        ],
        params: [...scope.params, folder.listId],
      };
  }
}

/** A contact search as SQL, and as one full-text query when the trigram index can answer all of it. */
export interface ContactSearch {
  sql: string;
  params: unknown[];
  /** The MATCH expression of the whole search, or null when some word is too short for trigrams. */
  match: string | null;
  /** The same condition written to be checked row by row while an index supplies the order (see queryContactFeed). */
  sqlAlongOrder: string;
}

const NAME_COLUMNS = '{first_name last_name}';
const PHONE_COLUMNS = '{primary_phone secondary_phone tertiary_phone}';
/** Trigrams need three characters; shorter words are matched by scanning. */
const SHORTEST_INDEXED_WORD = 3;

/**
 * What `search` matches (docs/decisions/0015-contact-search.md). Text without letters is a phone number: its digits
 * are looked for in every number. Otherwise each word must appear in the first or last name, and words of digits in
 * a number. Words are looked up in the trigram index `contacts_search` (docs/decisions/0061-contact-search-index.md);
 * a word shorter than three characters falls back to a substring scan.
 */
export function contactSearchCondition(term: string, alias = 'c'): ContactSearch | null {
  const digitsOf = (text: string) => {
    const digits = text.replace(/\D/g, '');
    return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  };
  const words = /\p{L}/u.test(term)
    ? term
        .split(/\s+/)
        .map((word) => word.replace(/^[,;]+|[,;]+$/g, ''))
        .filter(Boolean)
        .map((word) => (/\p{L}/u.test(word) ? { text: word, isName: true } : { text: digitsOf(word), isName: false }))
    : [{ text: digitsOf(term), isName: false }];
  const wanted = words.filter((word) => word.text !== '');
  if (wanted.length === 0) return null;

  const indexed = wanted.filter((word) => [...word.text].length >= SHORTEST_INDEXED_WORD);
  const scanned = wanted.filter((word) => [...word.text].length < SHORTEST_INDEXED_WORD);
  const match = indexed.map((word) => `${word.isName ? NAME_COLUMNS : PHONE_COLUMNS}: "${word.text.replaceAll('"', '""')}"`).join(' AND ');
  const likes = scanned.map((word) => {
    // Names without accents on both sides, as the index compares them (decision 0144).
    const pattern = `%${escapeLike(word.isName ? foldAccents(word.text) : word.text)}%`;
    const columns = word.isName ? ['first_name', 'last_name'] : ['primary_phone', 'secondary_phone', 'tertiary_phone'];
    const column = (name: string) => (word.isName ? `fold_accents(${alias}.${name})` : `${alias}.${name}`);
    return {
      sql: `(${columns.map((name) => `${column(name)} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
      params: columns.map(() => pattern),
    };
  });
  const inIndex = (column: string) => `${column} IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?)`;
  const conditions = (column: string) => [...(match ? [inIndex(column)] : []), ...likes.map((like) => like.sql)].join(' AND ');
  return {
    // `+` keeps SQLite from reading the rows through the index lookup, so the order's index can lead instead.
    sql: conditions(`${alias}.person_id`),
    sqlAlongOrder: conditions(`+${alias}.person_id`),
    params: [...(match ? [match] : []), ...likes.flatMap((like) => like.params)],
    match: scanned.length === 0 ? match : null,
  };
}

/** A number's account-wide opt-out of one channel (the opt_outs table; decision 0016). */
const optedOut = (phoneColumn: string, channel: 'do_not_call' | 'do_not_text') =>
  `EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = c.account_id AND o.phone_number = c.${phoneColumn} AND o.${channel} = 1)`;
const doNotCallSql = (slot: (typeof phoneSlots)[number]) => `(c.${slot.dnc} = 1 OR (c.${slot.phone} <> '' AND ${optedOut(slot.phone, 'do_not_call')}))`;
const textOptInSql = (slot: (typeof phoneSlots)[number]) =>
  `(CASE WHEN c.${slot.phone} <> '' AND ${optedOut(slot.phone, 'do_not_text')} THEN 'OptedOut' ELSE c.${slot.optIn} END)`;
const [primarySlot, secondarySlot, tertiarySlot] = phoneSlots;

/** Filters, sorts and search of every contact feed (contacts, a list's members, the Deleted folder). */
export const contactFeedSpec: ListSpec = {
  fields: {
    PersonID: { sql: 'c.person_id', type: 'integer', indexed: true },
    FirstName: { sql: 'c.first_name', type: 'string' },
    LastName: { sql: 'c.last_name', type: 'string', indexed: true },
    PrimaryPhone: { sql: 'c.primary_phone', type: 'string' },
    SecondaryPhone: { sql: 'c.secondary_phone', type: 'string' },
    TertiaryPhone: { sql: 'c.tertiary_phone', type: 'string' },
    Notes: { sql: 'c.notes', type: 'string' },
    IntegrationData: { sql: 'c.integration_data', type: 'string' },
    LastUpdated: { sql: 'c.last_updated', type: 'date', indexed: true },
    // When the contact went to the Deleted folder (decision 0145); the folder's indexes lead with it.
    DeletedDate: { sql: 'c.deleted_at', type: 'date', indexed: true },
    DoNotCallPrimaryPhone: { sql: doNotCallSql(primarySlot), type: 'boolean' },
    DoNotCallSecondaryPhone: { sql: doNotCallSql(secondarySlot), type: 'boolean' },
    DoNotCallTertiaryPhone: { sql: doNotCallSql(tertiarySlot), type: 'boolean' },
    PrimaryPhoneTextOptInStatus: { sql: textOptInSql(primarySlot), type: 'string', values: textOptInStatuses },
    SecondaryPhoneTextOptInStatus: { sql: textOptInSql(secondarySlot), type: 'string', values: textOptInStatuses },
    TertiaryPhoneTextOptInStatus: { sql: textOptInSql(tertiarySlot), type: 'string', values: textOptInStatuses },
  },
  defaultSortBy: 'PersonID',
  tieBreaker: 'c.person_id',
  keyset: true,
  search: (term) => contactSearchCondition(term),
};

interface MembershipRow {
  person_id: number;
  list_id: number;
  list_name: string;
}

interface OptOutRow {
  phone_number: string;
  do_not_call: number;
  do_not_text: number;
}

/**
 * Contacts in the API's shape. Lists and opt-outs of the whole page come in one query each, never one per contact.
 * A contact in the Deleted folder lists only that folder: it has left its lists until it is restored.
 */
export function toApiContacts(db: SandboxDatabase, user: AuthUser, rows: readonly ContactRow[]): Contact[] {
  if (rows.length === 0) return [];
  const scope = listScope(user);
  const memberships = prepareCached(
    db,
    `SELECT m.person_id, l.list_id, l.list_name FROM list_members m JOIN lists l ON l.list_id = m.list_id
     WHERE m.person_id IN (SELECT value FROM json_each(?)) AND ${scope.sql}
     ORDER BY l.list_name COLLATE NOCASE, l.list_id`,
  ).all(JSON.stringify(rows.filter((row) => row.deleted_at === null).map((row) => row.person_id)), ...scope.params) as MembershipRow[];
  const listsByContact = new Map<number, ListStub[]>();
  for (const membership of memberships) {
    const stubs = listsByContact.get(membership.person_id) ?? [];
    stubs.push(listStub(membership.list_id, membership.list_name));
    listsByContact.set(membership.person_id, stubs);
  }

  const phones = rows.flatMap((row) => [row.primary_phone, row.secondary_phone, row.tertiary_phone].filter(Boolean));
  const optOuts = new Map(
    (
      prepareCached(
        db,
        `SELECT phone_number, do_not_call, do_not_text FROM opt_outs
         WHERE account_id = ? AND phone_number IN (SELECT value FROM json_each(?))`,
      ).all(user.accountId, JSON.stringify(phones)) as OptOutRow[]
    ).map((row) => [row.phone_number, row] as const),
  );

  const deletedStub = listStub(SYSTEM_LIST_IDS.Deleted, 'Deleted');
  return rows.map((row) => {
    const doNotCall = (phone: string, flag: number) => flag === 1 || (phone !== '' && optOuts.get(phone)?.do_not_call === 1);
    const textOptIn = (phone: string, status: TextOptInStatus): TextOptInStatus =>
      phone !== '' && optOuts.get(phone)?.do_not_text === 1 ? 'OptedOut' : status;
    return {
      Uri: `/v1/contacts/${row.person_id}`,
      FirstName: row.first_name,
      LastName: row.last_name,
      PrimaryPhone: row.primary_phone,
      SecondaryPhone: row.secondary_phone,
      TertiaryPhone: row.tertiary_phone,
      Notes: row.notes,
      IntegrationData: row.integration_data,
      PersonID: row.person_id,
      DoNotCallPrimaryPhone: doNotCall(row.primary_phone, row.dnc_primary),
      DoNotCallSecondaryPhone: doNotCall(row.secondary_phone, row.dnc_secondary),
      DoNotCallTertiaryPhone: doNotCall(row.tertiary_phone, row.dnc_tertiary),
      PrimaryPhoneTextOptInStatus: textOptIn(row.primary_phone, row.optin_primary),
      SecondaryPhoneTextOptInStatus: textOptIn(row.secondary_phone, row.optin_secondary),
      TertiaryPhoneTextOptInStatus: textOptIn(row.tertiary_phone, row.optin_tertiary),
      LastUpdated: formatApiDate(row.last_updated, user.timeZone),
      Lists: row.deleted_at === null ? (listsByContact.get(row.person_id) ?? []) : [deletedStub],
      // Only a contact in the Deleted folder has it: an active contact keeps the seed's shape (decision 0145).
      ...(row.deleted_at === null ? {} : { DeletedDate: formatApiDate(row.deleted_at, user.timeZone) }),
    };
  });
}

const countOf = (row: unknown) => (row as { n: number }).n;

/** Contacts the user can see in the active folder or the Deleted folder, from the maintained counts. */
function countInScope(db: SandboxDatabase, user: AuthUser, deleted: boolean): number {
  const owner = user.canSeeAllRoster ? '' : 'AND owner_user_id = ?';
  return countOf(
    prepareCached(db, `SELECT COALESCE(SUM(n), 0) AS n FROM contact_counts WHERE account_id = ? ${owner} AND deleted = ?`).get(
      user.accountId,
      ...(user.canSeeAllRoster ? [] : [user.userId]),
      deleted ? 1 : 0,
    ),
  );
}

/** Contacts outside a feed that are cheap to collect (about a millisecond) while its search matches are counted. */
const FEW_OUTSIDE = 10_000;

const conjunction = (conditions: readonly string[]) => conditions.map((condition) => `(${condition})`).join(' AND ');

/**
 * `Size` of a contact feed without counting its rows one by one, where the maintained counts and the search index
 * can tell; undefined means "count them". A search's matches are counted in the index, less those outside the feed
 * when these are few; otherwise the feed's matches are counted by walking the shorter of the matches and its rows.
 */
function knownContactTotal(
  db: SandboxDatabase,
  user: AuthUser,
  folder: ContactFolder,
  query: ListQuery,
  search: ContactSearch | null,
): { total: number; matches: number | null; inScope: number } | undefined {
  if (query.filtered || (folder.kind !== 'active' && folder.kind !== 'deleted')) return undefined;
  const inScope = countInScope(db, user, folder.kind === 'deleted');
  if (query.search === null || search === null) return { total: inScope, matches: null, inScope };
  if (search.match === null) return undefined;

  const outside = countOf(prepareCached(db, 'SELECT COALESCE(SUM(n), 0) AS n FROM contact_counts').get()) - inScope;
  if (user.canSeeAllRoster && folder.kind === 'active' && outside <= Math.min(inScope, FEW_OUTSIDE)) {
    // One pass over the index's matches counts them and those in other accounts or in the Deleted folder, which are
    // few and collected first.
    const outsideRows = '(c.account_id < ? OR c.account_id > ? OR (c.account_id = ? AND c.deleted_at IS NOT NULL))';
    const counted = prepareCached(
      db,
      `SELECT COUNT(*) AS matches, COUNT(*) FILTER (WHERE rowid IN (SELECT c.person_id FROM contacts c WHERE ${outsideRows})) AS elsewhere
       FROM contacts_search WHERE contacts_search MATCH ?`,
    ).get(user.accountId, user.accountId, user.accountId, search.match) as { matches: number; elsewhere: number };
    return { total: counted.matches - counted.elsewhere, matches: counted.matches, inScope };
  }
  const matches = countOf(prepareCached(db, 'SELECT COUNT(*) AS n FROM contacts_search WHERE contacts_search MATCH ?').get(search.match));
  const { where, params } = contactConditions(user, folder);
  const condition = inScope < matches ? search.sqlAlongOrder : search.sql;
  const total = countOf(prepareCached(db, `SELECT COUNT(*) AS n FROM contacts c WHERE ${conjunction([...where, condition])}`).get(...params, ...search.params));
  return { total, matches, inScope };
}

/** First sort columns an index serves for the whole account (migration 4 and contacts_account). */
const indexedOrders = new Set(['c.person_id', 'c.last_updated', 'c.last_name']);

/** Reading a match in the index's order costs about as much as collecting this many matches to sort them. */
const COLLECTED_PER_WALKED = 5;

/**
 * A search in PersonID order read straight from the trigram index, which yields its matches in rowid (= PersonID)
 * order: the page stops after its last row instead of collecting every match first. Chosen when the rows walked to
 * the page's end (its matches outside the feed included) cost less than collecting all the matches.
 */
function searchIndexOrder(
  query: ListQuery,
  search: ContactSearch,
  known: { total: number; matches: number | null },
): { query: ListQuery; from: string } | null {
  const keys = query.sortKeys;
  if (!known.matches || keys?.length !== 1 || keys[0]!.sql !== 'c.person_id') return null;
  const pageEnd = query.after ? query.pageSize : query.page * query.pageSize;
  const walked = known.total > 0 ? (pageEnd * known.matches) / known.total : known.matches;
  if (walked * COLLECTED_PER_WALKED > Math.max(known.matches, 1000)) return null;
  const key = { ...keys[0]!, sql: 's.rowid' };
  return {
    from: 'contacts_search s CROSS JOIN contacts c ON c.person_id = s.rowid',
    query: {
      ...query,
      where: query.where.map((condition) => (condition === search.sql ? 's.contacts_search MATCH ?' : condition)),
      sortKeys: [key],
      orderBy: `s.rowid ${key.descending ? 'DESC' : 'ASC'}`,
    },
  };
}

/**
 * One page of contacts of a folder, in the Feed envelope. A search whose matches are many is read along the order's
 * index, checking each row against the matches, so the page stops after a few rows instead of sorting every match;
 * a search with few matches reads just those and sorts them.
 */
export function queryContactFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery, folder: ContactFolder): Feed<Contact> {
  const { where, params } = contactConditions(user, folder);
  const search = query.search === null ? null : contactSearchCondition(query.search);
  const known = knownContactTotal(db, user, folder, query, search);
  let pageQuery = query;
  let from = 'contacts c';
  const inIndexOrder = search?.match && known?.matches ? searchIndexOrder(query, search, known) : null;
  if (inIndexOrder) {
    ({ query: pageQuery, from } = inIndexOrder);
  } else if (search && known?.matches && user.canSeeAllRoster && indexedOrders.has(query.sortKeys?.[0]?.sql ?? '')) {
    // Rows the order's index walks before it has a page: the rows up to the page's end, over the share that matches.
    const walked = (query.after ? query.pageSize : query.page * query.pageSize) * (known.total > 0 ? known.inScope / known.total : Infinity);
    if (walked < known.matches) {
      pageQuery = { ...query, where: query.where.map((condition) => (condition === search.sql ? search.sqlAlongOrder : condition)) };
    }
  }
  const feed = queryFeed<ContactRow, ContactRow>(db, url, { from, where, params, select: CONTACT_COLUMNS }, pageQuery, (row) => row, { total: known?.total });
  return { ...feed, Items: toApiContacts(db, user, feed.Items) };
}

export function findVisibleContact(db: SandboxDatabase, user: AuthUser, personId: number): ContactRow | undefined {
  const scope = contactScope(user);
  return prepareCached(db, `SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.person_id = ? AND ${scope.sql}`).get(personId, ...scope.params) as
    ContactRow | undefined;
}

export function requireVisibleContact(db: SandboxDatabase, user: AuthUser, personId: number): ContactRow {
  const row = findVisibleContact(db, user, personId);
  if (!row) throw new SandboxError('ResourceNotFound', `Contact ${personId} was not found.`);
  return row;
}

/**
 * The active contact the user can see that already has this primary number; the oldest when, across owners, there
 * are several (docs/decisions/0014-duplicate-contacts.md).
 */
export function findContactByPhone(db: SandboxDatabase, user: AuthUser, phone: string, exceptPersonId = 0): ContactRow | undefined {
  const scope = contactScope(user);
  return prepareCached(
    db,
    // Looked up through the phone index (imports do this once a row), then narrowed to the user's scope.
    `SELECT ${CONTACT_COLUMNS} FROM contacts c
     WHERE c.person_id IN (SELECT p.person_id FROM contacts p WHERE p.account_id = ? AND p.primary_phone = ?)
       AND ${scope.sql} AND c.deleted_at IS NULL AND c.person_id <> ?
     ORDER BY c.person_id LIMIT 1`,
  ).get(user.accountId, phone, ...scope.params, exceptPersonId) as ContactRow | undefined;
}

/**
 * `findContactByPhone` for many numbers at once (an import batch): one query, the same answer per number.
 */
export function findContactsByPhones(db: SandboxDatabase, user: AuthUser, phones: readonly string[]): Map<string, ContactRow> {
  const scope = contactScope(user);
  const rows = prepareCached(
    db,
    `SELECT ${CONTACT_COLUMNS} FROM contacts c
     WHERE c.person_id IN (SELECT p.person_id FROM contacts p WHERE p.account_id = ? AND p.primary_phone IN (SELECT value FROM json_each(?)))
       AND ${scope.sql} AND c.deleted_at IS NULL
     ORDER BY c.person_id`,
  ).all(user.accountId, JSON.stringify(phones), ...scope.params) as ContactRow[];
  const found = new Map<string, ContactRow>();
  for (const row of rows) if (!found.has(row.primary_phone)) found.set(row.primary_phone, row);
  return found;
}

export function duplicateContactError(phone: string, existing: { person_id: number }): SandboxError {
  return new SandboxError('DuplicateContact', `A contact with the phone number ${formatPhoneNumber(phone)} already exists (PersonID ${existing.person_id}).`);
}

/** RosterCount of each list: members the user can see and that are not in the Deleted folder. */
export function countContactsInLists(db: SandboxDatabase, user: AuthUser, listIds: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const listId of listIds.filter(isSystemList)) {
    const { where, params } = contactConditions(user, folderOfList(listId));
    const sql = `SELECT COUNT(*) AS n FROM contacts c WHERE ${where.map((condition) => `(${condition})`).join(' AND ')}`;
    counts.set(listId, (prepareCached(db, sql).get(...params) as { n: number }).n);
  }
  const userLists = listIds.filter((listId) => !isSystemList(listId));
  if (userLists.length > 0) {
    const scope = contactScope(user);
    const rows = prepareCached(
      db,
      `SELECT m.list_id AS list_id, COUNT(*) AS n FROM list_members m JOIN contacts c ON c.person_id = m.person_id
       WHERE m.list_id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL AND ${scope.sql}
       GROUP BY m.list_id`,
    ).all(JSON.stringify(userLists), ...scope.params) as Array<{ list_id: number; n: number }>;
    for (const listId of userLists) counts.set(listId, 0);
    for (const row of rows) counts.set(row.list_id, row.n);
  }
  return counts;
}

/** The columns a new contact is created with (the rest take their defaults). */
export type NewContactRow = Pick<
  ContactRow,
  | 'account_id'
  | 'owner_user_id'
  | 'first_name'
  | 'last_name'
  | 'primary_phone'
  | 'secondary_phone'
  | 'tertiary_phone'
  | 'notes'
  | 'integration_data'
  | 'dnc_primary'
  | 'dnc_secondary'
  | 'dnc_tertiary'
>;

/** The contact writes the contact routes make, prepared once when the routes are made. */
export function contactQueries(db: SandboxDatabase) {
  const insertContact = db.prepare(`
    INSERT INTO contacts (account_id, owner_user_id, first_name, last_name, primary_phone, secondary_phone, tertiary_phone,
      notes, integration_data, dnc_primary, dnc_secondary, dnc_tertiary, created_at, last_updated)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const addMember = db.prepare('INSERT OR IGNORE INTO list_members (list_id, person_id, added_at) VALUES (?, ?, ?)');

  /** Makes the contact a member of exactly `listIds` among the lists the user can see. */
  const setMemberships = (user: AuthUser, personId: number, listIds: readonly number[], now: number) => {
    const scope = listScope(user);
    prepareCached(
      db,
      `DELETE FROM list_members WHERE person_id = ? AND list_id NOT IN (SELECT value FROM json_each(?))
       AND list_id IN (SELECT l.list_id FROM lists l WHERE ${scope.sql})`,
    ).run(personId, JSON.stringify(listIds), ...scope.params);
    for (const listId of listIds) addMember.run(listId, personId, now);
  };

  return {
    /**
     * Creates a contact in `listIds`, refused with DuplicateContact when the user already sees an active contact with
     * its primary number: one transaction. Answers the new PersonID.
     */
    create: db.transaction((user: AuthUser, contact: NewContactRow, listIds: readonly number[], now: number): number => {
      const duplicate = findContactByPhone(db, user, contact.primary_phone);
      if (duplicate) throw duplicateContactError(contact.primary_phone, duplicate);
      const id = Number(
        insertContact.run(
          contact.account_id,
          contact.owner_user_id,
          contact.first_name,
          contact.last_name,
          contact.primary_phone,
          contact.secondary_phone,
          contact.tertiary_phone,
          contact.notes,
          contact.integration_data,
          contact.dnc_primary,
          contact.dnc_secondary,
          contact.dnc_tertiary,
          now,
          now,
        ).lastInsertRowid,
      );
      for (const listId of listIds) addMember.run(listId, id, now);
      return id;
    }),
    /**
     * Writes the columns of `next` that differ from `row` and, when `listIds` is given, makes those the contact's
     * lists; a new primary number another active contact has is refused with DuplicateContact. One transaction.
     */
    update: db.transaction((user: AuthUser, row: ContactRow, next: Partial<ContactRow>, listIds: readonly number[] | undefined, now: number) => {
      const columns = (Object.keys(next) as Array<keyof ContactRow>).filter((column) => next[column] !== row[column]);
      if (next.primary_phone !== row.primary_phone) {
        const duplicate = findContactByPhone(db, user, next.primary_phone!, row.person_id);
        if (duplicate) throw duplicateContactError(next.primary_phone!, duplicate);
      }
      if (columns.length > 0) {
        db.prepare(`UPDATE contacts SET ${columns.map((column) => `${column} = ?`).join(', ')}, last_updated = ? WHERE person_id = ?`).run(
          ...columns.map((column) => next[column]),
          now,
          row.person_id,
        );
      }
      if (listIds) setMemberships(user, row.person_id, listIds, now);
    }),
  };
}
