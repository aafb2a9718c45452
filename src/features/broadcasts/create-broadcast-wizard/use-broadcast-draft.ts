import { useCallback, useSyncExternalStore } from 'react';
import type { User } from '@contract/user.ts';
import { newDraft, restoreDraft, type BroadcastDraft } from './broadcast-draft.ts';

const storageKey = (userId: number) => `callboard:broadcast-draft:${userId}`;

function read(userId: number): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

// Parsed drafts by their stored text, so every render of the same text sees the same object.
const parsed = new Map<string, BroadcastDraft | null>();
function parse(text: string | null, user: User): BroadcastDraft | null {
  if (text === null) return null;
  const memoKey = `${user.UserID}\n${text}`;
  if (!parsed.has(memoKey)) {
    let saved: unknown = null;
    try {
      saved = JSON.parse(text);
    } catch {
      // Not JSON at all: nothing in it can be kept.
    }
    if (parsed.size > 20) parsed.clear();
    parsed.set(memoKey, saved === null ? null : restoreDraft(saved, newDraft(user)));
  }
  return parsed.get(memoKey) ?? null;
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changed the draft: this tab follows it (one draft per user, one send).
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('callboard:broadcast-draft:')) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function write(userId: number, draft: BroadcastDraft | null) {
  try {
    if (draft === null) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the wizard still works, the draft just does not outlive the tab.
  }
  for (const listener of listeners) listener();
}

/**
 * The user's broadcast draft, kept in this browser per user: it survives reloads and logging out and in, and a
 * second tab shares it (so a draft is sent once, whichever tab sends it).
 */
export function useBroadcastDraft(user: User) {
  const text = useSyncExternalStore(subscribe, () => read(user.UserID));
  const stored = parse(text, user);

  const update = useCallback(
    (change: (draft: BroadcastDraft) => BroadcastDraft) => {
      const current = parse(read(user.UserID), user) ?? newDraft(user);
      write(user.UserID, { ...change(current), savedAt: Date.now() });
    },
    [user],
  );
  const start = useCallback((draft: BroadcastDraft) => write(user.UserID, draft), [user]);
  const discard = useCallback(() => write(user.UserID, null), [user]);

  return { draft: stored, update, start, discard };
}
