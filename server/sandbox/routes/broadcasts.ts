import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { broadcastCreateInputSchema, type BroadcastCreateInput } from '../../../src/contract/broadcast.ts';
import type { BroadcastPlan } from '../../../src/contract/broadcast-plan.ts';
import { draftBroadcastInputSchema } from '../../../src/contract/draft-broadcast.ts';
import { normalizePhoneNumber, phoneProblemMessages } from '../../../src/contract/phone-number.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import { createBroadcast } from '../engine/create-broadcast.ts';
import { planBroadcast } from '../engine/plan.ts';
import { SandboxError, errors, notFound } from '../http/errors.ts';
import { parseWith, readJsonBody } from '../http/json-body.ts';
import { broadcastQueries, toApiBroadcast } from '../model/broadcasts.ts';
import { draftBroadcastQueries } from '../model/draft-broadcasts.ts';
import { dashboardUrlOf } from '../single-sign-on.ts';
import { formatApiDate, formatApiDateOrNull } from '../time.ts';

/** Creating broadcasts (§6), previewing them (ours) and drafts (§12). docs/decisions/0050-broadcast-engine.md */
export function broadcastRoutes(deps: SandboxDeps) {
  const { db, clock } = deps;
  const broadcasts = broadcastQueries(db);
  const drafts = draftBroadcastQueries(db);

  /** The body, with the fields of the draft it names filled in underneath. */
  async function readCreateBody(user: AuthUser, raw: unknown): Promise<BroadcastCreateInput> {
    if (raw === undefined) throw new SandboxError('ValidationFailed', 'The request needs a JSON body.');
    const input = parseWith(broadcastCreateInputSchema, raw);
    if (!input.DraftBroadcastID) return input;
    const draft = drafts.ownDraft(user, input.DraftBroadcastID);
    if (!draft) {
      throw new SandboxError('ValidationFailed', `DraftBroadcastID: draft ${input.DraftBroadcastID} was not found.`);
    }
    const drafted = JSON.parse(draft.body_json) as Record<string, unknown>;
    const given = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, value]) => value !== null && value !== undefined));
    return parseWith(broadcastCreateInputSchema, { ...drafted, ...given });
  }

  return new Hono<SandboxEnv>()
    .post('/broadcasts', async (c) => {
      const user = c.get('user');
      const now = clock.now();
      const input = await readCreateBody(user, await readJsonBody(c));
      const plan = planBroadcast(db, user, input, now);
      if (plan.maxCreditCost > plan.availableCredits) {
        throw new SandboxError(
          'InsufficientCredits',
          `This broadcast may cost up to ${plan.maxCreditCost} credits; the account has ${plan.availableCredits} available.`,
        );
      }
      const created = createBroadcast(db, user, plan, now);
      const row = broadcasts.byId(created.primaryId)!;
      return c.json({ ...toApiBroadcast(row, user.timeZone), FailedContacts: plan.failedContacts });
    })
    .post('/broadcasts/preview', async (c) => {
      const user = c.get('user');
      const now = clock.now();
      const plan = planBroadcast(db, user, await readCreateBody(user, await readJsonBody(c)), now, 'preview');
      const reply: BroadcastPlan = {
        PhoneNumberCount: plan.voice.length + plan.text.length,
        CallCount: plan.voice.length,
        TextCount: plan.text.length,
        Skipped: plan.skipped,
        FailedContacts: plan.failedContacts,
        MaxCreditCost: plan.maxCreditCost,
        AvailableCredits: plan.availableCredits,
        StartDate: formatApiDate(plan.startAt, user.timeZone),
        EstimatedDuration: plan.estimatedMinutes,
        EstimatedCompletion: formatApiDateOrNull(plan.estimatedCompletion, user.timeZone),
        NotEnoughTimeToComplete: plan.notEnoughTime,
        CallingWindowIgnored: plan.callingWindowIgnored,
        ExcludedDaysIgnored: plan.excludedDaysIgnored,
        StartsOutsideCallingWindow: plan.startsOutsideWindow && (plan.voice.length > 0 || plan.text.length > 0),
        MessageSeconds: plan.messageSeconds,
        TextSegments: plan.textSegments,
      };
      return c.json(reply);
    })
    .post('/draftbroadcasts', async (c) => {
      const user = c.get('user');
      const raw = (await readJsonBody(c)) ?? {};
      const { Contacts } = parseWith(draftBroadcastInputSchema, raw);
      // Other broadcast fields may come along (the usefulapi connector sends them); they are kept for the create.
      const extra = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      if (extra.BroadcastType !== undefined) parseWith(broadcastCreateInputSchema.partial(), extra);
      const accepted = [];
      const failed = [];
      for (const person of Contacts ?? []) {
        const check = normalizePhoneNumber(person.PrimaryPhone);
        if (check.ok) accepted.push({ ...person, PrimaryPhone: check.digits });
        else {
          failed.push({
            ErrorCode: errors.ValidationFailed.code,
            ErrorMessage: `${person.PrimaryPhone}: ${phoneProblemMessages[check.problem]}.`,
            Contact: person,
          });
        }
      }
      const body = { ...extra, Contacts: accepted };
      const id = drafts.insert(user, body, clock.now());
      return c.json({
        DraftBroadcastID: id,
        Contacts: accepted,
        FailedContacts: failed,
        SingleSignOnToken: randomBytes(16).toString('hex'),
        // Our dashboard is the web app that finishes a draft; the URL is absolute, as the service's are.
        SingleSignOnUrl: `${dashboardUrlOf(deps)}/broadcasts/new?draft=${id}`,
      });
    })
    .get('/draftbroadcasts/:id{[0-9]+}', (c) => {
      const user = c.get('user');
      const draft = drafts.ownDraft(user, Number(c.req.param('id')));
      if (!draft) throw notFound('Draft broadcast', c.req.param('id'));
      return c.json({ DraftBroadcastID: draft.draft_broadcast_id, ...(JSON.parse(draft.body_json) as object) });
    });
}
