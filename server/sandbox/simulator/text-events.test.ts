import { describe, expect, it } from 'vitest';
import { fnv1a, simulatedReply } from './text-events.ts';

describe('simulated replies', () => {
  it('answer the same text from the same number the same way every time', () => {
    expect(simulatedReply('4695550134', 'Picture day is Tuesday.')).toEqual(simulatedReply('4695550134', 'Picture day is Tuesday.'));
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('answer about half the time, some with a STOP word, within 1 to 15 minutes', () => {
    const replies = Array.from({ length: 2000 }, (_, index) => simulatedReply(`21455${String(index).padStart(5, '0')}`, 'Hello'));
    const answered = replies.filter((reply) => reply !== null);
    const stops = answered.filter((reply) => /^(stop|stop all|unsubscribe|quit|cancel|end)$/i.test(reply.body));
    expect(answered.length / replies.length).toBeGreaterThan(0.5);
    expect(answered.length / replies.length).toBeLessThan(0.7);
    expect(stops.length / replies.length).toBeGreaterThan(0.08);
    expect(stops.length / replies.length).toBeLessThan(0.16);
    expect(answered.every((reply) => reply.delayMs >= 60_000 && reply.delayMs <= 15 * 60_000)).toBe(true);
  });
});
