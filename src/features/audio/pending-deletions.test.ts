import { afterEach, describe, expect, it, vi } from 'vitest';
import { cancelDeletion, scheduleDeletion } from './pending-deletions.ts';

describe('pending deletions', () => {
  afterEach(() => vi.useRealTimers());

  it('deletes once the window has passed, and not at all when undone', () => {
    vi.useFakeTimers();
    const kept = vi.fn();
    const gone = vi.fn();
    scheduleDeletion('a', kept, 8000);
    scheduleDeletion('b', gone, 8000);
    vi.advanceTimersByTime(7999);
    expect(cancelDeletion('a')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(kept).not.toHaveBeenCalled();
    expect(gone).toHaveBeenCalledOnce();
    expect(cancelDeletion('b')).toBe(false);
  });
});
