import { describe, expect, it } from 'vitest';
import { callOutcome, isLandline, textOutcome } from './outcomes.ts';

const phones = Array.from({ length: 20_000 }, (_, index) => String(2145550000 + index * 37));
const share = (predicate: (phone: string) => boolean) => phones.filter(predicate).length / phones.length;
const context = { broadcastId: 7, attempt: 1, messageSeconds: 30, surveyKeys: [], transferDigit: null };

describe('simulated outcomes', () => {
  it('are the same every time for a number, broadcast and attempt', () => {
    expect(phones.slice(0, 50).map((phone) => callOutcome(phone, context))).toEqual(phones.slice(0, 50).map((phone) => callOutcome(phone, context)));
    expect(textOutcome('2145551234', 9)).toEqual(textOutcome('2145551234', 9));
  });

  it('differ between broadcasts and between attempts', () => {
    const first = phones.map((phone) => callOutcome(phone, context).result);
    const retried = phones.map((phone) => callOutcome(phone, { ...context, attempt: 2 }).result);
    expect(first.filter((result, index) => result !== retried[index]).length).toBeGreaterThan(phones.length / 4);
  });

  it('follow a believable mix', () => {
    expect(share(isLandline)).toBeCloseTo(0.25, 1);
    expect(share((phone) => callOutcome(phone, context).result === 'Live Answer')).toBeCloseTo(0.47, 1);
    expect(share((phone) => callOutcome(phone, context).result === 'Answering Machine')).toBeCloseTo(0.29, 1);
    expect(share((phone) => callOutcome(phone, context).result === 'Busy/No Answer')).toBeCloseTo(0.22, 1);
    expect(share((phone) => textOutcome(phone, 7).reply !== null)).toBeCloseTo(0.07, 1);
  });

  it('bill connected calls for the message they played, and busy ones not at all', () => {
    const outcomes = phones.slice(0, 200).map((phone) => callOutcome(phone, context));
    for (const outcome of outcomes) {
      expect(outcome.playedSeconds).toBe(outcome.result === 'Live Answer' || outcome.result === 'Answering Machine' ? 30 : 0);
    }
  });

  it('answer surveys with the offered keys only, earlier keys more often', () => {
    const answers = phones.map((phone) => callOutcome(phone, { ...context, surveyKeys: ['1', '2', '3'] }).surveyKey).filter((key) => key !== null);
    expect(new Set(answers)).toEqual(new Set(['1', '2', '3']));
    const count = (key: string) => answers.filter((answer) => answer === key).length;
    expect(count('1')).toBeGreaterThan(count('2'));
    expect(count('2')).toBeGreaterThan(count('3'));
  });
});
