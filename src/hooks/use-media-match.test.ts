import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useMediaMatch } from './use-media-match.ts';

describe('useMediaMatch', () => {
  it('says whether the query matches, and follows the window as it changes', () => {
    let width = 1200;
    const listeners = new Set<() => void>();
    const asked: string[] = [];
    vi.stubGlobal('matchMedia', (query: string) => {
      asked.push(query);
      return {
        // Live, as a browser's MediaQueryList is.
        get matches() {
          return width >= 900;
        },
        addEventListener: (_: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
      };
    });

    const { result, unmount } = renderHook(() => useMediaMatch('@media (min-width:900px)'));
    expect(result.current).toBe(true);
    expect(asked.every((query) => query === '(min-width:900px)')).toBe(true);

    width = 600;
    act(() => listeners.forEach((listener) => listener()));
    expect(result.current).toBe(false);

    unmount();
    expect(listeners.size).toBe(0);
  });
});
