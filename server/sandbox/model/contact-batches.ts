import { personRefsInputSchema, type ContactBatchResult } from '../../../src/contract/contact.ts';
import { formatPhoneNumber } from '../../../src/contract/phone-format.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { parseWith } from '../http/json-body.ts';
import { prepareCached, type ListQuery } from '../http/list-query.ts';
import { contactConditions, contactScope, type ContactFolder } from './contacts.ts';

/**
 * Bulk changes to contacts (docs/decisions/0013-bulk-contact-bodies.md): a body `[{PersonID}]` names the contacts;
 * no body means every contact of the folder that matches the request's search and filters. Each change is one
 * transaction and answers who changed.
 */

/** What a bulk change needs to know of each contact it names. */
export interface BatchTarget {
  person_id: number;
  deleted: number;
  primary_phone: string;
}

const TARGET_COLUMNS = 'c.person_id, c.deleted_at IS NOT NULL AS deleted, c.primary_phone';

const describeIds = (ids: readonly number[]) => (ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', '));

/**
 * The contacts a request names, each visible to the user (else 404 and nothing changes), or, with no body, every
 * contact of `folder` matching `query`.
 */
export function resolveBatchTargets(db: SandboxDatabase, user: AuthUser, body: unknown, folder: ContactFolder, query: ListQuery): BatchTarget[] {
  if (body === undefined) {
    const { where, params } = contactConditions(user, folder);
    const conditions = [...where, ...query.where].map((condition) => `(${condition})`).join(' AND ');
    return prepareCached(db, `SELECT ${TARGET_COLUMNS} FROM contacts c WHERE ${conditions} ORDER BY c.person_id`).all(
      ...params,
      ...query.params,
    ) as BatchTarget[];
  }
  if (query.where.length > 0) {
    throw new SandboxError('InvalidQueryParameter', 'A body names the contacts itself: send search and filters only without one.');
  }
  const ids = [...new Set(parseWith(personRefsInputSchema, body).map((ref) => ref.PersonID))];
  const scope = contactScope(user);
  const found = prepareCached(
    db,
    `SELECT ${TARGET_COLUMNS} FROM contacts c WHERE ${scope.sql} AND c.person_id IN (SELECT value FROM json_each(?))
     ORDER BY c.person_id`,
  ).all(...scope.params, JSON.stringify(ids)) as BatchTarget[];
  if (found.length !== ids.length) {
    const known = new Set(found.map((target) => target.person_id));
    const missing = ids.filter((id) => !known.has(id));
    throw new SandboxError('ResourceNotFound', `No contact was changed: contacts ${describeIds(missing)} were not found.`);
  }
  return found;
}

const result = (ids: readonly number[]): ContactBatchResult => ({ Count: ids.length, PersonIDs: [...ids] });
const idsOf = (rows: unknown[]) => (rows as Array<{ person_id: number }>).map((row) => row.person_id);

/** Moves active contacts to the Deleted folder; their list memberships wait there for a restore. */
export function moveToDeletedFolder(db: SandboxDatabase, targets: readonly BatchTarget[], now: number): ContactBatchResult {
  const ids = targets.filter((target) => !target.deleted).map((target) => target.person_id);
  db.prepare('UPDATE contacts SET deleted_at = ? WHERE person_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').run(now, JSON.stringify(ids));
  return result(ids);
}

/**
 * Brings contacts back from the Deleted folder, into the lists they left. Refused (409, nothing restored) when a
 * restored number is already the primary number of an active contact, or of two restored ones.
 */
export function restoreFromDeletedFolder(db: SandboxDatabase, user: AuthUser, targets: readonly BatchTarget[]): ContactBatchResult {
  return db.transaction(() => {
    const restoring = targets.filter((target) => target.deleted);
    const byPhone = new Map<string, number>();
    for (const target of restoring) {
      const other = byPhone.get(target.primary_phone);
      if (other !== undefined) {
        throw new SandboxError(
          'DuplicateContact',
          `Contacts ${other} and ${target.person_id} have the same phone number ${formatPhoneNumber(target.primary_phone)}; restore one of them.`,
        );
      }
      byPhone.set(target.primary_phone, target.person_id);
    }
    const scope = contactScope(user);
    const clash = prepareCached(
      db,
      `SELECT c.person_id, c.primary_phone FROM contacts c
       WHERE ${scope.sql} AND c.deleted_at IS NULL AND c.primary_phone IN (SELECT value FROM json_each(?)) LIMIT 1`,
    ).get(...scope.params, JSON.stringify([...byPhone.keys()])) as { person_id: number; primary_phone: string } | undefined;
    if (clash) {
      throw new SandboxError(
        'DuplicateContact',
        `Contact ${byPhone.get(clash.primary_phone)} cannot be restored: contact ${clash.person_id} already has the phone number ${formatPhoneNumber(clash.primary_phone)}.`,
      );
    }
    const ids = restoring.map((target) => target.person_id);
    db.prepare('UPDATE contacts SET deleted_at = NULL WHERE person_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
    return result(ids);
  })();
}

/** Deletes contacts for good; list memberships go with them. */
export function purgeContacts(db: SandboxDatabase, targets: readonly BatchTarget[]): ContactBatchResult {
  return db.transaction(() =>
    result(
      idsOf(
        db
          .prepare('DELETE FROM contacts WHERE person_id IN (SELECT value FROM json_each(?)) RETURNING person_id')
          .all(JSON.stringify(targets.map((target) => target.person_id))),
      ),
    ),
  )();
}

/** Adds active contacts to a user list; members already in it are not counted again. */
export function addToList(db: SandboxDatabase, listId: number, targets: readonly BatchTarget[], now: number): ContactBatchResult {
  const deleted = targets.filter((target) => target.deleted).map((target) => target.person_id);
  if (deleted.length > 0) {
    throw new SandboxError('Conflict', `Contacts ${describeIds(deleted)} are in the Deleted folder; restore them first.`);
  }
  return db.transaction(() =>
    result(
      idsOf(
        db
          .prepare(
            `INSERT INTO list_members (list_id, person_id, added_at) SELECT ?, value, ? FROM json_each(?) WHERE 1
             ON CONFLICT (list_id, person_id) DO NOTHING RETURNING person_id`,
          )
          .all(listId, now, JSON.stringify(targets.map((target) => target.person_id))),
      ),
    ),
  )();
}

/** Takes contacts out of a user list; the contacts themselves stay. */
export function removeFromList(db: SandboxDatabase, listId: number, targets: readonly BatchTarget[]): ContactBatchResult {
  return db.transaction(() =>
    result(
      idsOf(
        db
          .prepare('DELETE FROM list_members WHERE list_id = ? AND person_id IN (SELECT value FROM json_each(?)) RETURNING person_id')
          .all(listId, JSON.stringify(targets.map((target) => target.person_id))),
      ),
    ),
  )();
}
