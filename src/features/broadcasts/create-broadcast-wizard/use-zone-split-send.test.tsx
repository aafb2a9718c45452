import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error.ts';
import { newDraft, type BroadcastDraft } from './broadcast-draft.ts';
import { testUser } from './test-user.ts';
import { useZoneSplitSend } from './use-zone-split-send.ts';
import { withZoneSplit } from './zone-split.ts';

const calls = vi.hoisted(() => ({
  creates: [] as Array<{ name: string; key: string }>,
  answers: [] as Array<() => Promise<unknown>>,
  groups: [] as unknown[],
}));
vi.mock('@/api/resources/broadcasts/broadcast-mutations.ts', () => ({
  useCreateBroadcast: () => ({
    mutateAsync: ({ input, idempotencyKey }: { input: { BroadcastName: string }; idempotencyKey: string }) => {
      calls.creates.push({ name: input.BroadcastName, key: idempotencyKey });
      const answer = calls.answers.shift();
      return answer ? answer() : Promise.resolve({ BroadcastID: 100 + calls.creates.length });
    },
  }),
}));
vi.mock('@/api/broadcast-groups.ts', () => ({
  broadcastGroupQueries: { all: () => ['broadcast-groups'] },
  putBroadcastGroup: (_groupId: string, input: unknown) => {
    calls.groups.push(input);
    return Promise.resolve(input);
  },
}));

const CENTRAL = 'America/Chicago';
const hours = { start: { Hour: 8, Minute: 0 }, end: { Hour: 21, Minute: 0 } };

/** A text to New York, Dallas and Honolulu, scheduled far ahead, split at 8:00 AM their time. */
function splitDraft(): BroadcastDraft {
  const draft = newDraft(testUser);
  return withZoneSplit(
    {
      ...draft,
      type: { ...draft.type, name: 'Snow day', channel: 'text' },
      recipients: { ...draft.recipients, pasted: '2125550101, 2145550102, 8085550104' },
      message: { ...draft.message, textMessage: 'Closed today.', needs: { voice: false, text: true, survey: false } },
      schedule: { ...draft.schedule, startMode: 'later', startLocal: '2030-12-24T07:00' },
    },
    { localStart: { Hour: 8, Minute: 0 } },
  );
}

/** The hook over a draft whose split records land in it, as the draft store would keep them. */
function renderSend(initial: BroadcastDraft) {
  let draft = initial;
  const recordSplit = (change: (split: NonNullable<BroadcastDraft['zoneSplit']>) => NonNullable<BroadcastDraft['zoneSplit']>) => {
    draft = { ...draft, zoneSplit: change(draft.zoneSplit!) };
  };
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const hook = renderHook(({ current }) => useZoneSplitSend({ draft: current, recordSplit, userZone: CENTRAL, durationMinutes: 0, hours }), {
    wrapper,
    initialProps: { current: draft },
  });
  const send = async () => {
    hook.rerender({ current: draft });
    return act(() => hook.result.current.send.mutateAsync().catch((error: unknown) => error));
  };
  return { send, draft: () => draft };
}

beforeEach(() => {
  calls.creates = [];
  calls.answers = [];
  calls.groups = [];
});

describe('sending one broadcast a time zone', () => {
  it('makes one part a clock, each named for its zone, and links them all', async () => {
    const { send, draft } = renderSend(splitDraft());
    expect(await send()).toMatchObject({ parts: 3, firstId: 101 });
    expect(calls.creates.map((call) => call.name)).toEqual(['Snow day (Eastern Time)', 'Snow day (Central Time)', 'Snow day (Hawaii-Aleutian Standard Time)']);
    expect(new Set(calls.creates.map((call) => call.key)).size).toBe(3);
    expect(calls.groups.at(-1)).toMatchObject({ Name: 'Snow day', Parts: [{ BroadcastID: 101 }, { BroadcastID: 102 }, { BroadcastID: 103 }] });
    expect(draft().zoneSplit?.fixedDay).toBe('2030-12-24');
  });

  it('after a failure halfway, a second Send makes only the missing parts, with the same keys', async () => {
    const { send, draft } = renderSend(splitDraft());
    calls.answers.push(
      () => Promise.resolve({ BroadcastID: 7 }),
      () => Promise.reject(new ApiError('The API did not answer.', { status: 504 })),
    );
    const failure = await send();
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('The Central Time part was not sent');
    expect((failure as Error).message).toContain('1 of 3 parts are scheduled');
    const firstKeys = calls.creates.map((call) => call.key);

    calls.creates = [];
    expect(await send()).toMatchObject({ parts: 3, firstId: 7 });
    // Eastern is not made again; Central goes again with its key (the first try may have been made).
    expect(calls.creates.map((call) => call.name)).toEqual(['Snow day (Central Time)', 'Snow day (Hawaii-Aleutian Standard Time)']);
    expect(calls.creates[0]!.key).toBe(firstKeys[1]);
    expect(Object.keys(draft().zoneSplit!.sent)).toHaveLength(3);
  });

  it('after a refusal, the next try of that part has a key of its own', async () => {
    const { send } = renderSend(splitDraft());
    calls.answers.push(() => Promise.reject(new ApiError('Refused.', { status: 400, errorName: 'InvalidRequest' })));
    await send();
    const refusedKey = calls.creates[0]!.key;
    calls.creates = [];
    await send();
    expect(calls.creates[0]!.name).toBe('Snow day (Eastern Time)');
    expect(calls.creates[0]!.key).not.toBe(refusedKey);
  });

  it('counts a part our server says was made (its answer no longer kept) as made, never making it again', async () => {
    const { send, draft } = renderSend(splitDraft());
    calls.answers.push(() => Promise.reject(new ApiError('Already carried out.', { status: 409, errorName: 'AnswerNotKept' })));
    expect(await send()).toMatchObject({ parts: 3, firstId: 101 + 1 });
    expect(Object.keys(draft().zoneSplit!.sent)).toHaveLength(3);
    calls.creates = [];
    await send();
    expect(calls.creates).toEqual([]);
  });
});
