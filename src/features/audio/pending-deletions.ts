import { useSyncExternalStore } from 'react';

/**
 * Deletions waiting out their undo window (docs/decisions/0143-audio-delete-undo.md). Kept outside the page so a
 * deletion still happens when the user leaves the page before the window ends, and the item stays hidden if they
 * come back meanwhile.
 */
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const listeners = new Set<() => void>();
let snapshot: ReadonlySet<string> = new Set();

function changed() {
  snapshot = new Set(timers.keys());
  for (const listener of listeners) listener();
}

/** Runs `remove` after `delayMs` unless cancelled first. */
export function scheduleDeletion(audioId: string, remove: () => void, delayMs: number): void {
  clearTimeout(timers.get(audioId));
  timers.set(
    audioId,
    setTimeout(() => {
      timers.delete(audioId);
      remove();
      changed();
    }, delayMs),
  );
  changed();
}

/** Undo: the deletion does not happen. True when there was one to cancel. */
export function cancelDeletion(audioId: string): boolean {
  const timer = timers.get(audioId);
  if (timer === undefined) return false;
  clearTimeout(timer);
  timers.delete(audioId);
  changed();
  return true;
}

/** The IDs whose deletion is waiting, for hiding them meanwhile. */
export function usePendingDeletions(): ReadonlySet<string> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}
