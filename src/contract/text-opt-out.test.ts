import { describe, expect, it } from 'vitest';
import { countSegments } from './sms-segments.ts';
import { isStopReply, mayAskToStop, withOptOutNotice } from './text-opt-out.ts';

describe('text opt-outs', () => {
  it('acts only on a whole-text keyword', () => {
    for (const reply of ['STOP', 'stop.', ' Stop all! ', 'unsubscribe', 'Quit']) expect(isStopReply(reply), reply).toBe(true);
    for (const reply of ['stop please', 'please STOP', 'STOP texting me']) expect(isStopReply(reply), reply).toBe(false);
  });

  it('flags longer replies that may ask to stop, and nothing else', () => {
    for (const reply of [
      'stop please',
      'Please STOP',
      'Can you unsubscribe me?',
      'Take me off your list',
      'Don’t text me again',
      'I want to opt out',
      'no more texts',
    ]) {
      expect(mayAskToStop(reply), reply).toBe(true);
    }
    for (const reply of ['STOP', 'What time does it start?', 'Thanks!', 'the bus stopped late', 'UNSTOP', 'I can’t stand the rain']) {
      expect(mayAskToStop(reply), reply).toBe(false);
    }
  });

  it('counts the notice a first text carries', () => {
    const text = 'School is closed tomorrow because of snow.';
    expect(countSegments(text).characters).toBe(42);
    expect(countSegments(withOptOutNotice(text)).characters).toBe(66);
  });
});
