import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { answerMismatchRoute } from './answer-mismatches.ts';
import type { Sessions } from './sessions.ts';

function setup(signedIn = true) {
  const lines: string[] = [];
  const sessions = { read: () => (signedIn ? { token: 't' } : null) } as unknown as Sessions;
  const app = new Hono().post(
    '/api/answer-mismatches',
    answerMismatchRoute(sessions, (line) => lines.push(line)),
  );
  const report = (body: unknown) =>
    app.request('/api/answer-mismatches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { lines, report };
}

const one = { Method: 'GET', Route: '/v1/broadcasts/:id', Fields: [{ Field: 'User.FirstName', Expected: 'string' }] };

describe('POST /api/answer-mismatches', () => {
  it('logs each route and field once', async () => {
    const { lines, report } = setup();
    expect((await report(one)).status).toBe(204);
    expect((await report(one)).status).toBe(204);
    await report({ ...one, Fields: [{ Field: 'Items[].CreditsUsed', Expected: 'number' }] });
    expect(lines).toEqual([
      '[answers] GET /v1/broadcasts/:id: User.FirstName was not the expected string; shown as missing.',
      '[answers] GET /v1/broadcasts/:id: Items[].CreditsUsed was not the expected number; shown as missing.',
    ]);
  });

  it('refuses values, unknown keys, raw IDs in the route and anyone signed out', async () => {
    const { lines, report } = setup();
    expect((await report({ ...one, Value: 'Ann' })).status).toBe(400);
    expect((await report({ ...one, Fields: [{ Field: 'Name', Expected: 'string', Value: 'Ann' }] })).status).toBe(400);
    expect((await report({ ...one, Route: '/v1/contacts/5551234567' })).status).toBe(400);
    expect((await report({ ...one, Fields: [{ Field: 'Notes', Expected: 'Ann Smith' }] })).status).toBe(400);
    expect((await setup(false).report(one)).status).toBe(401);
    expect(lines).toEqual([]);
  });

  it('goes quiet after a bounded number of fields', async () => {
    const { lines, report } = setup();
    for (let batch = 0; batch < 12; batch++) {
      await report({ ...one, Fields: Array.from({ length: 50 }, (_, index) => ({ Field: `F${batch}x${index}`, Expected: 'string' })) });
    }
    expect(lines).toHaveLength(501);
    expect(lines.at(-1)).toContain('further ones are not');
  });
});
