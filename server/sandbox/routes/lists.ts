import { Hono } from 'hono';
import { listInputSchema, listUpdateInputSchema, SYSTEM_LIST_IDS, type ListDeleteResult } from '../../../src/contract/list.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError } from '../http/errors.ts';
import { readBody, readJsonBody } from '../http/json-body.ts';
import { parseListQuery } from '../http/list-query.ts';
import { addToList, purgeContacts, removeFromList, resolveBatchTargets, restoreFromDeletedFolder } from '../model/contact-batches.ts';
import { contactFeedSpec, countContactsInLists, folderOfList, queryContactFeed } from '../model/contacts.ts';
import {
  createList,
  deleteList,
  isSystemList,
  listFeedSpec,
  parseListParam,
  queryListFeed,
  requireVisibleList,
  toApiList,
  updateList,
  type ListRow,
} from '../model/lists.ts';

const systemListRefused = (what: string) => new SandboxError('PermissionDenied', `System lists cannot be ${what}.`);

/** Everyone and Unfiled are worked out from the contacts: their members change only through the contacts. */
const computedMembership = (listId: number) =>
  new SandboxError(
    'MethodNotAllowed',
    listId === SYSTEM_LIST_IDS.Everyone
      ? 'Everyone holds every contact: delete contacts with DELETE /v1/contacts; restore them by adding them to Everyone.'
      : 'Unfiled holds the contacts in no list: add them to a list, or delete them with DELETE /v1/contacts.',
  );

/** Contact lists and membership (§16, §17; docs/decisions/0019-contact-lists.md). */
export function listRoutes({ db, clock }: SandboxDeps) {
  const listReply = (user: AuthUser, row: ListRow) => toApiList(row, countContactsInLists(db, user, [row.list_id]).get(row.list_id) ?? 0, user.timeZone);

  const userList = (user: AuthUser, param: string, what: string) => {
    const listId = parseListParam(param);
    if (isSystemList(listId)) throw systemListRefused(what);
    return requireVisibleList(db, user, listId);
  };

  return new Hono<SandboxEnv>()
    .get('/lists', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const feed = queryListFeed(db, user, url, parseListQuery(url, listFeedSpec, user.timeZone));
      const counts = countContactsInLists(
        db,
        user,
        feed.Items.map((row) => row.list_id),
      );
      return c.json({ ...feed, Items: feed.Items.map((row) => toApiList(row, counts.get(row.list_id) ?? 0, user.timeZone)) });
    })
    .get('/lists/:id', (c) => {
      const user = c.get('user');
      return c.json(listReply(user, requireVisibleList(db, user, parseListParam(c.req.param('id')))));
    })
    .post('/lists', async (c) => {
      const user = c.get('user');
      const input = await readBody(c, listInputSchema);
      const listId = createList(db, user, input, clock.now());
      return c.json(listReply(user, requireVisibleList(db, user, listId)));
    })
    .put('/lists/:id', async (c) => {
      const user = c.get('user');
      const list = userList(user, c.req.param('id'), 'renamed or changed');
      const input = await readBody(c, listUpdateInputSchema);
      updateList(db, user, list.list_id, input, clock.now());
      return c.json(listReply(user, requireVisibleList(db, user, list.list_id)));
    })
    .delete('/lists/:id', (c) => {
      const user = c.get('user');
      const list = userList(user, c.req.param('id'), 'deleted');
      // Members leave with the list; the contacts stay.
      deleteList(db, list.list_id);
      const result: ListDeleteResult = { ListID: list.list_id, Deleted: true };
      return c.json(result);
    })
    .get('/lists/:id/contacts', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const list = requireVisibleList(db, user, parseListParam(c.req.param('id')));
      return c.json(queryContactFeed(db, user, url, parseListQuery(url, contactFeedSpec, user.timeZone), folderOfList(list.list_id)));
    })
    .post('/lists/:id/contacts', async (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const list = requireVisibleList(db, user, parseListParam(c.req.param('id')));
      if (list.list_id === SYSTEM_LIST_IDS.Deleted) {
        throw new SandboxError('MethodNotAllowed', 'Move contacts to the Deleted folder with DELETE /v1/contacts?MoveToDeleted=true.');
      }
      if (list.list_id === SYSTEM_LIST_IDS.Unfiled) throw computedMembership(list.list_id);
      const body = await readJsonBody(c);
      if (body === undefined) throw new SandboxError('ValidationFailed', 'Name the contacts to add: [{"PersonID": 4947403}].');
      const targets = resolveBatchTargets(db, user, body, folderOfList(list.list_id), parseListQuery(url, contactFeedSpec, user.timeZone));
      // Adding to Everyone is how contacts come back from the Deleted folder (decision 0012).
      return c.json(
        list.list_id === SYSTEM_LIST_IDS.Everyone ? restoreFromDeletedFolder(db, user, targets) : addToList(db, list.list_id, targets, clock.now()),
      );
    })
    .delete('/lists/:id/contacts/:contactId{[0-9]+}', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const list = requireVisibleList(db, user, parseListParam(c.req.param('id')));
      if (list.list_id === SYSTEM_LIST_IDS.Everyone || list.list_id === SYSTEM_LIST_IDS.Unfiled) throw computedMembership(list.list_id);
      const targets = resolveBatchTargets(
        db,
        user,
        [{ PersonID: Number(c.req.param('contactId')) }],
        folderOfList(list.list_id),
        parseListQuery(url, contactFeedSpec, user.timeZone),
      );
      return c.json(
        list.list_id === SYSTEM_LIST_IDS.Deleted
          ? purgeContacts(
              db,
              targets.filter((target) => target.deleted),
            )
          : removeFromList(db, list.list_id, targets),
      );
    })
    .delete('/lists/:id/contacts', async (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const list = requireVisibleList(db, user, parseListParam(c.req.param('id')));
      if (list.list_id === SYSTEM_LIST_IDS.Everyone || list.list_id === SYSTEM_LIST_IDS.Unfiled) throw computedMembership(list.list_id);
      const query = parseListQuery(url, contactFeedSpec, user.timeZone);
      const targets = resolveBatchTargets(db, user, await readJsonBody(c), folderOfList(list.list_id), query);
      return c.json(
        list.list_id === SYSTEM_LIST_IDS.Deleted
          ? purgeContacts(
              db,
              targets.filter((target) => target.deleted),
            )
          : removeFromList(db, list.list_id, targets),
      );
    });
}
