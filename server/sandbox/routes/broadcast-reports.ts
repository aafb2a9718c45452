import { Hono } from 'hono';
import { broadcastStatusCategories, broadcastStatuses, broadcastTypes, type BroadcastStatus } from '../../../src/contract/broadcast.ts';
import { callResultCategories, callStatuses, textResultCategories, textStatuses } from '../../../src/contract/broadcast-detail.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { SandboxError, notFound } from '../http/errors.ts';
import { escapeLike, parseListQuery, prepareCached, queryFeed, type FieldSpec, type ListSpec } from '../http/list-query.ts';
import {
  BROADCAST_FROM,
  BROADCAST_SELECT,
  broadcastScope,
  toApiBroadcast,
  toApiBroadcastDetail,
  type BroadcastRowWithJoins,
  type RecipientRow,
} from '../model/broadcasts.ts';

const STATUS_CATEGORY_SQL = `CASE b.broadcast_status WHEN 'AuthorizationApproved' THEN 'Scheduled' WHEN 'Complete' THEN 'Completed'
  ELSE b.broadcast_status END`;

/** GET /v1/broadcasts (docs/decisions/0020-broadcast-queries.md). */
const broadcastListSpec: ListSpec = {
  fields: {
    BroadcastID: { sql: 'b.broadcast_id', type: 'integer' },
    BroadcastName: { sql: 'b.broadcast_name', type: 'string' },
    BroadcastType: { sql: 'b.broadcast_type', type: 'string', values: broadcastTypes },
    // The seed's own query filters on `Completed` (the category's spelling) and gets `Complete` back (decision 0010).
    BroadcastStatus: { sql: 'b.broadcast_status', type: 'string', values: broadcastStatuses, aliases: { Completed: 'Complete' } },
    BroadcastStatusCategory: { sql: STATUS_CATEGORY_SQL, type: 'string', values: broadcastStatusCategories },
    CreatedDate: { sql: 'b.created_at', type: 'date' },
    StartDate: { sql: 'b.start_at', type: 'date' },
    CompletedDate: { sql: 'b.completed_at', type: 'date' },
    CallerID: { sql: 'b.caller_id', type: 'string' },
    CreditsUsed: { sql: 'b.credits_used', type: 'number' },
    PhoneNumberCount: { sql: 'b.phone_number_count', type: 'integer' },
    TotalCompleted: { sql: 'b.total_completed', type: 'integer' },
    TextNumberID: { sql: 'b.text_number_id', type: 'integer' },
    HasCustomField: { sql: 'b.has_custom_field', type: 'boolean' },
    CallBroadcastID: { sql: 'COALESCE(b.call_broadcast_id, 0)', type: 'integer' },
    TextBroadcastID: { sql: 'COALESCE(b.text_broadcast_id, 0)', type: 'integer' },
  },
  defaultSort: 'b.start_at DESC',
  tieBreaker: 'b.broadcast_id DESC',
  search: (term) => ({ sql: "b.broadcast_name LIKE ? ESCAPE '\\'", params: [`%${escapeLike(term)}%`] }),
};

/** `search` on details: a name, or (when it has two digits or more) a part of the phone number. */
function searchRecipients(term: string) {
  const name = `%${escapeLike(term)}%`;
  const digits = term.replace(/\D/g, '');
  const conditions = ["(r.first_name || ' ' || r.last_name) LIKE ? ESCAPE '\\'"];
  const params: unknown[] = [name];
  if (digits.length >= 2) {
    conditions.push("r.phone_number LIKE ? ESCAPE '\\'");
    params.push(`%${digits}%`);
  }
  return { sql: conditions.join(' OR '), params };
}

const contactFields: Record<string, FieldSpec> = {
  PhoneNumber: { sql: 'r.phone_number', type: 'string' },
  FirstName: { sql: 'r.first_name', type: 'string' },
  LastName: { sql: 'r.last_name', type: 'string' },
  Notes: { sql: 'r.notes', type: 'string' },
  IntegrationData: { sql: 'r.integration_data', type: 'string' },
};

// A result is "" before the first attempt (decision 0011), so "" is a value one may filter on.
const resultField = (values: readonly string[]): FieldSpec => ({
  sql: "COALESCE(r.result_category, '')",
  type: 'string',
  values: [...values, ''],
});

/** GET /v1/broadcasts/{id}/details: each channel filters on its own fields, as its items carry them. */
const detailSpecs: Record<'Call' | 'Text', ListSpec> = {
  Call: {
    fields: {
      ...contactFields,
      NumberOfAttempts: { sql: 'r.attempts', type: 'integer' },
      LastCallTime: { sql: 'r.last_attempt_at', type: 'date' },
      SurveyResult: { sql: 'r.survey_result', type: 'string' },
      CallResultCategory: resultField(callResultCategories),
      CallStatus: { sql: 'r.status', type: 'string', values: callStatuses },
      TransferDuration: { sql: 'r.transfer_duration', type: 'integer' },
      IsTransferInitiated: { sql: 'r.is_transfer_initiated', type: 'boolean' },
    },
    defaultSort: 'r.seq ASC',
    tieBreaker: 'r.seq ASC',
    search: searchRecipients,
  },
  Text: {
    fields: {
      ...contactFields,
      TextResultCategory: resultField(textResultCategories),
      TextStatus: { sql: 'r.status', type: 'string', values: textStatuses },
      MessageText: { sql: 'r.message_text', type: 'string', sortable: false },
    },
    defaultSort: 'r.seq ASC',
    tieBreaker: 'r.seq ASC',
    search: searchRecipients,
  },
};

const SCHEDULED: BroadcastStatus = 'AuthorizationApproved';

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
  const findVisible = (user: AuthUser, id: number): BroadcastRowWithJoins => {
    const scope = broadcastScope(user);
    const row = prepareCached(db, `SELECT ${BROADCAST_SELECT} FROM ${BROADCAST_FROM} WHERE b.broadcast_id = ? AND ${scope.sql}`).get(id, ...scope.params) as
      BroadcastRowWithJoins | undefined;
    if (!row) throw notFound('Broadcast', id);
    return row;
  };

  /** The broadcast and, for a combo, its other half: acting on one acts on both. */
  const halvesOf = (row: BroadcastRowWithJoins): BroadcastRowWithJoins[] => {
    const ids = [row.call_broadcast_id, row.text_broadcast_id].filter((id): id is number => !!id && id !== row.broadcast_id);
    if (ids.length === 0) return [row];
    const others = db
      .prepare<unknown[], BroadcastRowWithJoins>(
        `SELECT ${BROADCAST_SELECT} FROM ${BROADCAST_FROM} WHERE b.broadcast_id IN (${ids.map(() => '?').join(',')})
           AND b.account_id = ? AND b.deleted_at IS NULL`,
      )
      .all(...ids, row.account_id);
    return [row, ...others];
  };

  const setStatus = db.prepare<[BroadcastStatus, number | null, number]>('UPDATE broadcasts SET broadcast_status = ?, paused_at = ? WHERE broadcast_id = ?');
  const shiftEstimate = db.prepare<[number, number]>(
    'UPDATE broadcasts SET estimated_completion = estimated_completion + ? WHERE broadcast_id = ? AND estimated_completion IS NOT NULL',
  );
  const cancelRow = db.prepare<[number, number]>(
    `UPDATE broadcasts SET broadcast_status = 'Canceled', paused_at = NULL, completed_at = ?, estimated_completion = NULL
     WHERE broadcast_id = ?`,
  );
  const cancelRecipients = db.prepare<[number]>(
    `UPDATE broadcast_recipients SET status = 'Canceled', next_attempt_at = NULL
     WHERE broadcast_id = ? AND status IN ('Pending', 'In Progress', 'Retry Pending')`,
  );
  const markDeleted = db.prepare<[number, number]>('UPDATE broadcasts SET deleted_at = ? WHERE broadcast_id = ?');

  /** Applies an action to every half that can take it; refuses when none can, or, to delete, when any cannot (decision 0023). */
  const act = (user: AuthUser, id: number, action: Action, apply: (half: BroadcastRowWithJoins, now: number) => void) => {
    const row = findVisible(user, id);
    const halves = halvesOf(row);
    const can = (half: BroadcastRowWithJoins) => (allowedFrom[action] as readonly BroadcastStatus[]).includes(half.broadcast_status);
    const movable = halves.filter(can);
    if (action === 'delete') {
      const blocking = halves.find((half) => !can(half));
      if (blocking) throw refuseTransition(action, row, blocking);
    } else if (movable.length === 0) {
      throw refuseTransition(action, row, row);
    }
    const now = clock.now();
    db.transaction(() => movable.forEach((half) => apply(half, now)))();
    return row;
  };

  const cancel = (half: BroadcastRowWithJoins, now: number) => {
    cancelRow.run(now, half.broadcast_id);
    cancelRecipients.run(half.broadcast_id);
  };

  const answer = (user: AuthUser, id: number) => toApiBroadcast(findVisible(user, id), user.timeZone);

  return new Hono<SandboxEnv>()
    .get('/broadcasts', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, broadcastListSpec, user.timeZone);
      const scope = broadcastScope(user);
      const feed = queryFeed(
        db,
        url,
        { select: BROADCAST_SELECT, from: BROADCAST_FROM, where: [scope.sql], params: scope.params },
        query,
        (row: BroadcastRowWithJoins) => toApiBroadcast(row, user.timeZone),
      );
      return c.json(feed);
    })
    .get('/broadcasts/:id{[0-9]+}', (c) => {
      const user = c.get('user');
      return c.json(answer(user, Number(c.req.param('id'))));
    })
    .get('/broadcasts/:id{[0-9]+}/details', (c) => {
      const user = c.get('user');
      const broadcast = findVisible(user, Number(c.req.param('id')));
      const url = new URL(c.req.url);
      const query = parseListQuery(url, detailSpecs[broadcast.channel], user.timeZone);
      const feed = queryFeed(
        db,
        url,
        { select: 'r.*', from: 'broadcast_recipients r', where: ['r.broadcast_id = ?'], params: [broadcast.broadcast_id] },
        query,
        (row: RecipientRow) => toApiBroadcastDetail(row, broadcast.channel, user.timeZone),
        // Every number of the broadcast has one row, written once when it was created: unfiltered, the count is known.
        { total: query.filtered || query.search !== null ? undefined : broadcast.phone_number_count },
      );
      return c.json(feed);
    })
    .post('/broadcasts/:id{[0-9]+}/pause', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'pause', (half, now) => setStatus.run('Paused', now, half.broadcast_id));
      return c.json(answer(user, id));
    })
    .post('/broadcasts/:id{[0-9]+}/resume', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'resume', (half, now) => {
        // A broadcast paused before its start waits for it again.
        setStatus.run(half.start_at > now ? SCHEDULED : 'InProgress', null, half.broadcast_id);
        if (half.paused_at !== null) shiftEstimate.run(now - half.paused_at, half.broadcast_id);
      });
      return c.json(answer(user, id));
    })
    .post('/broadcasts/:id{[0-9]+}/cancel', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'cancel', cancel);
      return c.json(answer(user, id));
    })
    .delete('/broadcasts/:id{[0-9]+}', (c) => {
      const user = c.get('user');
      const id = Number(c.req.param('id'));
      act(user, id, 'delete', (half, now) => {
        if (half.broadcast_status === SCHEDULED) cancel(half, now);
        markDeleted.run(now, half.broadcast_id);
      });
      return c.json({ BroadcastID: id, Deleted: true as const });
    });
}
