import { describe, expect, it } from 'vitest';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { DEFAULT_DASHBOARD_URL, dashboardUrlOf } from '../single-sign-on.ts';

describe('single sign-on (docs/decisions/0083-single-sign-on.md)', { timeout: 30_000 }, () => {
  it('answers a token and an absolute URL of the conversations page, or of one thread', async () => {
    const sandbox = createSandboxHarness();
    const master = await sandbox.as();
    const all = await master.json<Record<string, string>>('POST', '/v1/singlesignon/conversations', {});
    expect(Object.keys(all).sort()).toEqual(['Created', 'Expires', 'Token', 'Url']);
    expect(all.Url).toBe(`${DEFAULT_DASHBOARD_URL}/conversations`);
    expect(all.Token).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(all.Expires!.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) - Date.parse(all.Created!.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))).toBe(5 * 60_000);

    const thread = sandbox.db
      .prepare(
        `SELECT c.conversation_id AS id, tn.text_phone_number AS textNumber, c.phone_number AS phone FROM conversations c
         JOIN text_numbers tn ON tn.text_number_id = c.text_number_id WHERE c.account_id = 1 LIMIT 1`,
      )
      .get() as { id: number; textNumber: string; phone: string };
    const one = await master.json<{ Url: string }>('POST', '/v1/singlesignon/conversations', {
      TextNumber: thread.textNumber,
      PhoneNumber: thread.phone,
      Customization: { EditEnabled: false, MarkAsDoneEnabled: true },
    });
    expect(one.Url).toBe(`${DEFAULT_DASHBOARD_URL}/conversations/${thread.id}`);

    const half = await master.request('POST', '/v1/singlesignon/conversations', { body: { TextNumber: thread.textNumber } });
    expect(half.status).toBe(400);
    const none = await master.request('POST', '/v1/singlesignon/conversations', { body: { TextNumber: thread.textNumber, PhoneNumber: '2145550000' } });
    expect(none.status).toBe(404);
  });

  it("points at the dashboard's address when given one, drafts included", async () => {
    const sandbox = createSandboxHarness({ dashboardUrl: 'https://callboard.example.org/' });
    const master = await sandbox.as();
    const draft = await master.json<{ SingleSignOnUrl: string; DraftBroadcastID: number }>('POST', '/v1/draftbroadcasts', {});
    expect(draft.SingleSignOnUrl).toBe(`https://callboard.example.org/broadcasts/new?draft=${draft.DraftBroadcastID}`);
    const all = await master.json<{ Url: string }>('POST', '/v1/singlesignon/conversations', {});
    expect(all.Url).toBe('https://callboard.example.org/conversations');
    expect(dashboardUrlOf({})).toBe(DEFAULT_DASHBOARD_URL);
  });
});
