import { Hono } from 'hono';
import { broadcastGroupInputSchema, broadcastGroupSchema, type BroadcastGroup } from '../../src/contract/broadcast-group.ts';
import type { SessionUser } from '../../src/contract/user.ts';
import { z } from '../../src/contract/zod.ts';
import { accountScope, fileRecords, memoryRecords, parsedOrNull, readBody, sharedRecords, type AccountScope, type RecordStore } from './account-records.ts';
import { errorResponse } from './errors.ts';
import { currentUserReader } from './session-routes.ts';
import type { Sessions } from './sessions.ts';
import type { SharedStore } from './shared-store.ts';
import type { Upstream } from './upstream.ts';

/**
 * Broadcasts sent "in each zone at a local time" (docs/decisions/0196-broadcast-groups-on-our-server.md): the API
 * links nothing, so our server keeps each group per API account, with a pointer from each of its broadcasts.
 */
export interface BroadcastGroupStore {
  read(accountId: number, groupId: string): Promise<BroadcastGroup | null>;
  /** The group that holds the broadcast, or null. */
  groupOf(accountId: number, broadcastId: number): Promise<BroadcastGroup | null>;
  /** Keeps the group whole, points each of its broadcasts at it, and forgets the broadcasts it no longer holds. */
  write(accountId: number, group: BroadcastGroup): Promise<void>;
}

const groupKey = (accountId: number, groupId: string) => `${accountId}:group:${groupId}`;
const broadcastKey = (accountId: number, broadcastId: number) => `${accountId}:broadcast:${broadcastId}`;

function broadcastGroupsIn(records: RecordStore): BroadcastGroupStore {
  const read = async (accountId: number, groupId: string) => parsedOrNull(broadcastGroupSchema, await records.get(groupKey(accountId, groupId)));
  return {
    read,
    groupOf: async (accountId, broadcastId) => {
      const groupId = await records.get(broadcastKey(accountId, broadcastId));
      if (typeof groupId !== 'string') return null;
      const group = await read(accountId, groupId);
      // A pointer left behind (a part since moved out) does not count: the group itself says what it holds.
      return group?.Parts.some((part) => part.BroadcastID === broadcastId) ? group : null;
    },
    write: async (accountId, group) => {
      const previous = await read(accountId, group.GroupID);
      const held = new Set(group.Parts.map((part) => part.BroadcastID));
      const dropped = (previous?.Parts ?? []).filter((part) => !held.has(part.BroadcastID));
      await records.write({
        set: {
          [groupKey(accountId, group.GroupID)]: group,
          ...Object.fromEntries(group.Parts.map((part) => [broadcastKey(accountId, part.BroadcastID), group.GroupID])),
        },
        remove: dropped.map((part) => broadcastKey(accountId, part.BroadcastID)),
      });
    },
  };
}

export const memoryBroadcastGroups = () => broadcastGroupsIn(memoryRecords());
export const fileBroadcastGroups = (file: string) => broadcastGroupsIn(fileRecords(file));
export const sharedBroadcastGroups = (store: SharedStore) => broadcastGroupsIn(sharedRecords(store, 'broadcast-groups'));

/** The user as the API names them: FirstName LastName, else the UserName (the session always knows that one). */
function nameOf({ FirstName, LastName, UserName }: SessionUser): string {
  return [FirstName, LastName].filter(Boolean).join(' ').trim() || (UserName ?? '');
}

const groupIdSchema = z.uuid();
const broadcastIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number);

/** /api/broadcast-groups: any signed-in user of the account reads (by broadcast) and writes (by group) its groups. */
export function broadcastGroupRoutes({
  upstream,
  sessions,
  store,
  withAccount = accountScope({ upstream, sessions }),
  now = Date.now,
}: {
  upstream: Upstream;
  sessions: Sessions;
  store: BroadcastGroupStore;
  withAccount?: AccountScope;
  now?: () => number;
}) {
  const currentUser = currentUserReader({ upstream, sessions });

  return new Hono()
    .get('/', (c) =>
      withAccount(c, async (accountId) => {
        const broadcastId = broadcastIdSchema.safeParse(c.req.query('broadcastId'));
        if (!broadcastId.success) return errorResponse(c, 'ValidationFailed', 'broadcastId: Send the ID of a broadcast (a whole number above 0).');
        const group = await store.groupOf(accountId, broadcastId.data);
        return group ? c.json(group) : errorResponse(c, 'NotFound', `Broadcast ${broadcastId.data} is in no group.`);
      }),
    )
    .put('/:groupId', (c) =>
      withAccount(c, async (accountId) => {
        const groupId = groupIdSchema.safeParse(c.req.param('groupId'));
        if (!groupId.success) return errorResponse(c, 'ValidationFailed', 'GroupID: Expected a UUID.');
        // One group, however the browser spelled its id.
        const GroupID = groupId.data.toLowerCase();
        const input = await readBody(c, broadcastGroupInputSchema);
        if ('problem' in input) return errorResponse(c, 'ValidationFailed', input.problem || 'Send Name, LocalStart and Parts.');
        for (const part of input.data.Parts) {
          const other = await store.groupOf(accountId, part.BroadcastID);
          if (other && other.GroupID !== GroupID) {
            return errorResponse(c, 'BroadcastInAnotherGroup', `Broadcast ${part.BroadcastID} is already part of the group "${other.Name}".`);
          }
        }
        const previous = await store.read(accountId, GroupID);
        let createdBy = previous?.CreatedBy;
        if (createdBy === undefined) {
          const current = await currentUser(c);
          if ('signedOut' in current) return errorResponse(c, 'NotLoggedIn', current.signedOut);
          createdBy = nameOf(current.user);
        }
        // Kept from the first write: the wizard writes the group again after each part it creates.
        const group: BroadcastGroup = { ...input.data, GroupID, CreatedAt: previous?.CreatedAt ?? new Date(now()).toISOString(), CreatedBy: createdBy };
        await store.write(accountId, group);
        return c.json(group);
      }),
    );
}
