import { describe, expect, it } from 'vitest';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';

describe('the demo inbox', () => {
  const { db } = createSandboxHarness();
  const count = (sql: string) => (db.prepare(`SELECT COUNT(*) AS n FROM conversations c WHERE ${sql}`).get() as { n: number }).n;

  it('holds about forty conversations on both text numbers, unread, open and done ones, and a few STOPs', () => {
    expect(count('1')).toBeGreaterThanOrEqual(38);
    expect(count('text_number_id = 98615')).toBeGreaterThan(10);
    expect(count('text_number_id = 98616')).toBeGreaterThan(5);
    expect(count('unread_count > 0')).toBeGreaterThan(8);
    expect(count('is_done = 1')).toBeGreaterThan(8);
    expect(count('is_done = 0 AND unread_count = 0')).toBeGreaterThan(5);
    // Three STOPs in the demo inbox itself; replies to the demo broadcasts bring more.
    const stops = count('is_auto_opt_out = 1');
    expect(stops).toBeGreaterThanOrEqual(3);
    // Each STOP made an opt-out, exactly as a live reply would.
    const stopped = db
      .prepare(
        `SELECT COUNT(*) AS n FROM conversations c JOIN opt_outs o ON o.account_id = c.account_id AND o.phone_number = c.phone_number
         WHERE c.is_auto_opt_out = 1 AND o.do_not_text = 1 AND o.source = 'TextReply'`,
      )
      .get() as { n: number };
    expect(stopped.n).toBe(stops);
  });

  it('keeps every text in the past and every thread in order', () => {
    const future = db.prepare('SELECT COUNT(*) AS n FROM text_messages WHERE created_at > ?').get(Date.now() + 60_000) as { n: number };
    expect(future.n).toBe(0);
    const stale = db
      .prepare(
        `SELECT COUNT(*) AS n FROM conversations c
         WHERE c.last_message_at <> (SELECT MAX(created_at) FROM text_messages m WHERE m.conversation_id = c.conversation_id)`,
      )
      .get() as { n: number };
    expect(stale.n).toBe(0);
  });
});
