import { Hono } from 'hono';
import type { BroadcastStatus } from '../../../src/contract/broadcast.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError, notFound } from '../http/errors.ts';
import { parseListQuery } from '../http/list-query.ts';
import { broadcastFeedSpec, queryBroadcastDetailFeed, queryBroadcastFeed, recipientFeedSpecs } from '../model/broadcast-reports.ts';
import { SCHEDULED, broadcastQueries, broadcastStatusChanges, toApiBroadcast, type BroadcastRowWithJoins } from '../model/broadcasts.ts';

/** Which statuses each action may start from (decision 0010). */
const allowedFrom = {
  pause: [SCHEDULED, 'InProgress'],
  resume: ['Paused'],
  cancel: [SCHEDULED, 'InProgress', 'Paused'],
  delete: [SCHEDULED, 'Complete', 'Canceled', 'Expired'],
} as const satisfies Record<string, readonly BroadcastStatus[]>;
type Action = keyof typeof allowedFrom;

const pastTense: Record<Action, string> = { pause: 'paused', resume: 'resumed', cancel: 'canceled', delete: 'deleted' };

const statusWords: Record<BroadcastStatus, string> = {
  AuthorizationApproved: 'scheduled',
  InProgress: 'in progress',
  Paused: 'paused',
  Complete: 'complete',
  Canceled: 'canceled',
  Expired: 'expired',
};

function refuseTransition(action: Action, row: BroadcastRowWithJoins, blocking: BroadcastRowWithJoins): SandboxError {
  const allowed = allowedFrom[action].map((status) => statusWords[status]).join(', ');
  const which = blocking.broadcast_id === row.broadcast_id ? 'it' : `its other half (${blocking.broadcast_id})`;
  return new SandboxError(
    'InvalidStateTransition',
    `Broadcast ${row.broadcast_id} cannot be ${pastTense[action]}: ${which} is ${statusWords[blocking.broadcast_status]}. ` +
      `Only a broadcast that is ${allowed} can be.`,
  );
}

/** Reading broadcasts and their per-number results, and pausing, resuming, canceling and deleting them (§6, §7). */
export function broadcastReportRoutes({ db, clock }: SandboxDeps) {
  const broadcasts = broadcastQueries(db);
  const statusChanges = broadcastStatusChanges(db);

  const findVisible = (user: AuthUser, id: number): BroadcastRowWithJoins => {
    const row = broadcasts.visibleById(user, id);
    if (!row) throw notFound('Broadcast', id);
    return row;
  };

  /** Applies an action to every half that can take it; refuses when none can, or, to delete, when any cannot (decision 0023). */
  const act = (user: AuthUser, id: number, action: Action) => {
    const row = findVisible(user, id);
    const halves = broadcasts.halvesOf(row);
    const can = (half: BroadcastRowWithJoins) => (allowedFrom[action] as readonly BroadcastStatus[]).includes(half.broadcast_status);
    const movable = halves.filter(can);
    if (action === 'delete') {
      const blocking = halves.find((half) => !can(half));
      if (blocking) throw refuseTransition(action, row, blocking);
    } else if (movable.length === 0) {
      throw refuseTransition(action, row, row);
    }
    statusChanges[action](movable, clock.now());
    return row;
  };

  const answer = (user: AuthUser, id: number) => toApiBroadcast(findVisible(user, id), user.timeZone);

  return new Hono<SandboxEnv>()
    .get('/broadcasts', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, broadcastFeedSpec, user.timeZone);
      return c.json(queryBroadcastFeed(db, user, url, query));
    })
    .get('/broadcasts/:id{[0-9]+}', (c) => {
      const user = c.get('user');
      return c.json(answer(user, Number(c.req.param('id'))));
    })
    .get('/broadcasts/:id{[0-9]+}/details', (c) => {
      const user = c.get('user');
      const broadcast = findVisible(user, Number(c.req.param('id')));
      const url = new URL(c.req.url);
      const query = parseListQuery(url, recipientFeedSpecs[broadcast.channel], user.timeZone);
      return c.json(queryBroadcastDetailFeed(db, user, broadcast, url, query));
    })
    .post('/broadcasts/:id{[0-9]+}/pause', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'pause');
      return c.json(answer(user, id));
    })
    .post('/broadcasts/:id{[0-9]+}/resume', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'resume');
      return c.json(answer(user, id));
    })
    .post('/broadcasts/:id{[0-9]+}/cancel', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'cancel');
      return c.json(answer(user, id));
    })
    .delete('/broadcasts/:id{[0-9]+}', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'delete');
      return c.json({ BroadcastID: id, Deleted: true as const });
    });
}
