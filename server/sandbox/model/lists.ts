import type { Feed } from '../../../src/contract/feed.ts';
import { SYSTEM_LIST_IDS, type ContactList, type ListInput, type ListStub, type ListUpdateInput } from '../../../src/contract/list.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { escapeLike, prepareCached, queryFeed, type ListQuery, type ListSpec } from '../http/list-query.ts';
import { formatApiDate } from '../time.ts';

/**
 * Contact lists (docs/decisions/0019-contact-lists.md): the account's user lists plus three system lists every
 * account has, Everyone (0), Unfiled (-1) and Deleted (-2), whose members are worked out, never stored.
 */

export type SystemListName = keyof typeof SYSTEM_LIST_IDS;
export const systemListNames = Object.keys(SYSTEM_LIST_IDS) as SystemListName[];

const systemListByName = new Map(systemListNames.map((name) => [name.toLowerCase(), SYSTEM_LIST_IDS[name]]));
const systemListById = new Map(systemListNames.map((name) => [SYSTEM_LIST_IDS[name] as number, name]));

export const isSystemList = (listId: number) => systemListById.has(listId);

/** `everyone`, `unfiled` and `deleted` stand for their IDs in paths (the seed's `Uri` values use them). */
export function parseListParam(param: string): number {
  const named = systemListByName.get(param.toLowerCase());
  if (named !== undefined) return named;
  if (!/^-?\d{1,15}$/.test(param)) throw new SandboxError('ResourceNotFound', `List ${param} was not found.`);
  return Number(param);
}

export function listUri(listId: number): string {
  const system = systemListById.get(listId);
  return system ? `/v1/lists/${system.toLowerCase()}` : `/v1/lists/${listId}`;
}

export function listStub(listId: number, listName: string): ListStub {
  return { Uri: listUri(listId), ListID: listId, ListType: isSystemList(listId) ? 'System' : 'User', ListName: listName };
}

/** User lists a user may see: the account's, and only their own without CanSeeAllRoster. */
export function listScope(user: AuthUser, alias = 'l'): { sql: string; params: unknown[] } {
  return user.canSeeAllRoster
    ? { sql: `${alias}.account_id = ?`, params: [user.accountId] }
    : { sql: `${alias}.account_id = ? AND ${alias}.owner_user_id = ?`, params: [user.accountId, user.userId] };
}

/** One row of the lists feed: a user list, or a system list made up from the account (alias `l`). */
export interface ListRow {
  list_id: number;
  list_type: 'System' | 'User';
  list_name: string;
  list_description: string;
  sms_name: string;
  is_auto_reply_on: number;
  auto_reply_message: string;
  last_updated: number;
}

const LIST_COLUMNS = 'list_id, list_type, list_name, list_description, sms_name, is_auto_reply_on, auto_reply_message, last_updated';

/** The system lists and the user's lists as one table, so one Feed query can filter, sort and page them. */
export function listSource(user: AuthUser): { from: string; params: unknown[] } {
  const scope = listScope(user, 'u');
  const system = systemListNames
    .map(
      (name) =>
        `SELECT ${SYSTEM_LIST_IDS[name]} AS list_id, 'System' AS list_type, '${name}' AS list_name, '' AS list_description,
           '' AS sms_name, 0 AS is_auto_reply_on, '' AS auto_reply_message, a.created_at AS last_updated
         FROM accounts a WHERE a.account_id = ?`,
    )
    .join(' UNION ALL ');
  return {
    from: `(${system} UNION ALL
      SELECT u.list_id, 'User', u.list_name, u.list_description, u.sms_name, u.is_auto_reply_on, u.auto_reply_message,
        u.last_updated
      FROM lists u WHERE ${scope.sql}) l`,
    params: [...systemListNames.map(() => user.accountId), ...scope.params],
  };
}

export const listFeedSpec: ListSpec = {
  fields: {
    ListID: { sql: 'l.list_id', type: 'integer' },
    ListType: { sql: 'l.list_type', type: 'string', values: ['System', 'User'] },
    ListName: { sql: 'l.list_name', type: 'string' },
    ListDescription: { sql: 'l.list_description', type: 'string' },
    SMSName: { sql: 'l.sms_name', type: 'string' },
    IsAutoReplyOn: { sql: 'l.is_auto_reply_on', type: 'boolean' },
    LastUpdated: { sql: 'l.last_updated', type: 'date' },
  },
  // System lists first, then by name: the order of the seed's own example.
  defaultSort: 'l.list_type ASC, l.list_name COLLATE NOCASE ASC',
  tieBreaker: 'l.list_id',
  search: (term) => ({ sql: `l.list_name LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(term)}%`] }),
};

export function findVisibleList(db: SandboxDatabase, user: AuthUser, listId: number): ListRow | undefined {
  const { from, params } = listSource(user);
  return prepareCached(db, `SELECT ${LIST_COLUMNS} FROM ${from} WHERE l.list_id = ?`).get(...params, listId) as ListRow | undefined;
}

export function requireVisibleList(db: SandboxDatabase, user: AuthUser, listId: number): ListRow {
  const list = findVisibleList(db, user, listId);
  if (!list) throw new SandboxError('ResourceNotFound', `List ${listId} was not found.`);
  return list;
}

/** One page of the lists the user sees, system lists included, as rows (their RosterCount is the caller's to add). */
export function queryListFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery): Feed<ListRow> {
  const { from, params } = listSource(user);
  return queryFeed<ListRow, ListRow>(db, url, { from, where: [], params, select: 'l.*' }, query, (row) => row);
}

/** List names are unique (without case) among the lists a user sees, system lists included. */
function requireFreeName(db: SandboxDatabase, user: AuthUser, name: string, exceptListId: number | null): void {
  const { from, params } = listSource(user);
  const taken = prepareCached(db, `SELECT l.list_id FROM ${from} WHERE l.list_name = ? COLLATE NOCASE AND l.list_id IS NOT ?`).get(
    ...params,
    name,
    exceptListId,
  );
  if (taken) throw new SandboxError('Conflict', `A list named "${name}" already exists.`);
}

/** Creates a user list owned by the user, its name checked free in the same transaction; answers its ListID. */
export function createList(db: SandboxDatabase, user: AuthUser, input: ListInput, now: number): number {
  return db.transaction(() => {
    requireFreeName(db, user, input.ListName, null);
    return Number(
      db
        .prepare(
          `INSERT INTO lists (account_id, owner_user_id, list_name, list_description, sms_name, is_auto_reply_on,
             auto_reply_message, created_at, last_updated)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          user.accountId,
          user.userId,
          input.ListName,
          input.ListDescription ?? '',
          input.SMSName ?? '',
          input.IsAutoReplyOn ? 1 : 0,
          input.AutoReplyMessage ?? '',
          now,
          now,
        ).lastInsertRowid,
    );
  })();
}

/** Writes the fields the input names (a new name checked free in the same transaction); `now` becomes LastUpdated. */
export function updateList(db: SandboxDatabase, user: AuthUser, listId: number, input: ListUpdateInput, now: number): void {
  const changes: Record<string, unknown> = {
    list_name: input.ListName,
    list_description: input.ListDescription,
    sms_name: input.SMSName,
    is_auto_reply_on: input.IsAutoReplyOn === undefined ? undefined : input.IsAutoReplyOn ? 1 : 0,
    auto_reply_message: input.AutoReplyMessage,
  };
  const columns = Object.keys(changes).filter((column) => changes[column] !== undefined);
  db.transaction(() => {
    if (input.ListName !== undefined) requireFreeName(db, user, input.ListName, listId);
    if (columns.length > 0) {
      db.prepare(`UPDATE lists SET ${columns.map((column) => `${column} = ?`).join(', ')}, last_updated = ? WHERE list_id = ?`).run(
        ...columns.map((column) => changes[column]),
        now,
        listId,
      );
    }
  })();
}

/** Deletes a user list; its members leave with it (ON DELETE CASCADE), the contacts stay. */
export function deleteList(db: SandboxDatabase, listId: number): void {
  db.prepare('DELETE FROM lists WHERE list_id = ?').run(listId);
}

export function toApiList(row: ListRow, rosterCount: number, timeZone: string): ContactList {
  return {
    Uri: listUri(row.list_id),
    ListID: row.list_id,
    ListType: row.list_type,
    ListName: row.list_name,
    ListDescription: row.list_description,
    SMSName: row.sms_name,
    IsAutoReplyOn: row.is_auto_reply_on === 1,
    AutoReplyMessage: row.auto_reply_message,
    LastUpdated: formatApiDate(row.last_updated, timeZone, true),
    RosterCount: rosterCount,
  };
}
