import { describe, expect, it } from 'vitest';
import { undoWindowSentence } from './send-hold.ts';

describe('the sentence near Send', () => {
  it('says how long there is to undo a send now', () => {
    expect(undoWindowSentence('now', 60, 'offered')).toBe('After you send, you have at least 1 minute to undo it before anything goes out.');
  });

  it('says plainly when the API cannot cancel, so nothing can be undone', () => {
    expect(undoWindowSentence('now', 60, 'not-offered')).toBe('Canceling is not offered by this API. A sent broadcast starts at once and cannot be undone.');
  });

  it('says nothing for a scheduled broadcast, with the window off, or while it is not known', () => {
    expect(undoWindowSentence('later', 60, 'offered')).toBeNull();
    expect(undoWindowSentence('later', 60, 'not-offered')).toBeNull();
    expect(undoWindowSentence('now', 0, 'not-offered')).toBeNull();
    expect(undoWindowSentence('now', 60, 'unknown')).toBeNull();
  });
});
