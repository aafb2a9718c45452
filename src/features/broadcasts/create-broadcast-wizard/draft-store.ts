import type { User } from '@contract/user.ts';
import { newDraft, parsePastedNumbers, restoreDraft, type BroadcastDraft } from './broadcast-draft.ts';

/*
 * The user's broadcast drafts, kept in this browser (decision 0193): the API documents only
 * POST /v1/draftbroadcasts, which stages a draft, and no route to list or delete drafts.
 * Each draft has a key of its own, so a write to one never touches another, and another tab's storage event names
 * the draft it changed. Functions take the Storage so tests can hand them one.
 */

const PREFIX = 'callboard:broadcast-drafts:';
/** Where the single draft of decision 0150 was kept; read once and moved into the list. */
const singleDraftKey = (userId: number) => `callboard:broadcast-draft:${userId}`;
const userPrefix = (userId: number) => `${PREFIX}${userId}:`;
export const draftKey = (userId: number, draftId: string) => `${userPrefix(userId)}${draftId}`;
/** Whether a storage event (its key; null when the whole storage was cleared) may concern the drafts. */
export const concernsDrafts = (key: string | null) => key === null || key.startsWith(PREFIX) || key.startsWith('callboard:broadcast-draft:');

/** Sent drafts are kept a while (another tab may still show that it was sent), then dropped. */
export const SENT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
/** A draft nothing was typed into is dropped once this old: opening the wizard makes one. */
export const BLANK_KEPT_MS = 24 * 60 * 60 * 1000;

export function readText(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

// Parsed drafts by their stored text, so every read of the same text gives the same object (React snapshots).
const parsed = new Map<string, BroadcastDraft | null>();
export function parseDraft(text: string | null, user: User, draftId: string): BroadcastDraft | null {
  if (text === null) return null;
  const memoKey = `${user.UserID}\n${draftId}\n${text}`;
  if (!parsed.has(memoKey)) {
    let saved: unknown = null;
    try {
      saved = JSON.parse(text);
    } catch {
      // Not JSON at all: nothing in it can be kept.
    }
    if (parsed.size > 200) parsed.clear();
    // The key names the draft, whatever id the text holds.
    parsed.set(memoKey, saved === null ? null : { ...restoreDraft(saved, newDraft(user)), id: draftId });
  }
  return parsed.get(memoKey) ?? null;
}

export function readDraft(storage: Storage, user: User, draftId: string): BroadcastDraft | null {
  return parseDraft(readText(storage, draftKey(user.UserID, draftId)), user, draftId);
}

/** Nothing typed or chosen yet: such a draft is not listed. */
export function isBlankDraft(draft: BroadcastDraft): boolean {
  const { recipients, message } = draft;
  return (
    draft.type.name.trim() === '' &&
    recipients.lists.length + recipients.contacts.length + recipients.files.length === 0 &&
    recipients.carried === null &&
    parsePastedNumbers(recipients.pasted).valid.length === 0 &&
    message.audio === null &&
    message.textMessage.trim() === ''
  );
}

function keysOf(storage: Storage, userId: number): string[] {
  const keys: string[] = [];
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(userPrefix(userId))) keys.push(key);
    }
  } catch {
    // Storage blocked: no drafts to list.
  }
  return keys;
}

/** Every draft of the user kept here, sent ones included, the latest change first. */
export function allDrafts(storage: Storage, user: User): BroadcastDraft[] {
  return keysOf(storage, user.UserID)
    .flatMap((key) => {
      const draft = parseDraft(readText(storage, key), user, key.slice(userPrefix(user.UserID).length));
      return draft ? [draft] : [];
    })
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** The drafts the Drafts tab lists: not sent, something typed. */
export function listedDrafts(storage: Storage, user: User): BroadcastDraft[] {
  return allDrafts(storage, user).filter((draft) => draft.sentBroadcastId === null && !isBlankDraft(draft));
}

export type SaveResult = { saved: BroadcastDraft } | { conflict: BroadcastDraft | null };

/**
 * Writes a draft. With `basedOn` (the `savedAt` of the version the change was made to; null for a draft not saved
 * yet), a draft changed or deleted since by another tab is not overwritten: the answer carries theirs instead.
 * `savedAt` always grows, so it tells every version apart.
 */
export function saveDraft(storage: Storage, user: User, draft: BroadcastDraft, basedOn?: number | null, now: number = Date.now()): SaveResult {
  const current = readDraft(storage, user, draft.id);
  if (basedOn !== undefined && (current?.savedAt ?? null) !== basedOn) return { conflict: current };
  const saved = { ...draft, savedAt: Math.max(now, (current?.savedAt ?? 0) + 1) };
  try {
    storage.setItem(draftKey(user.UserID, draft.id), JSON.stringify(saved));
  } catch {
    // Storage full or blocked: the wizard still works, the draft just does not outlive the tab.
  }
  return { saved };
}

export function deleteDraft(storage: Storage, user: User, draftId: string) {
  try {
    storage.removeItem(draftKey(user.UserID, draftId));
  } catch {
    // Blocked storage holds nothing to delete.
  }
}

/** A copy to work on separately: its own id and send key, never sent, named as a copy. */
export function duplicateDraft(draft: BroadcastDraft, now: number = Date.now()): BroadcastDraft {
  const name = draft.type.name.trim();
  return {
    ...structuredClone(draft),
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    type: { ...draft.type, name: name === '' ? '' : `Copy of ${name}` },
    // A copy's split is a new group: its parts are sent afresh.
    zoneSplit: null,
    sentBroadcastId: null,
    savedAt: now,
  };
}

/**
 * Moves the single draft of decision 0150 into the list (unless it was sent), once; drops sent drafts after
 * SENT_KEPT_MS and blank ones after BLANK_KEPT_MS, so the browser's storage does not fill up.
 */
export function tidyDrafts(storage: Storage, user: User, now: number = Date.now()) {
  const single = readText(storage, singleDraftKey(user.UserID));
  if (single !== null) {
    const draft = parseDraft(single, user, crypto.randomUUID());
    if (draft && draft.sentBroadcastId === null && !isBlankDraft(draft)) saveDraft(storage, user, draft, undefined, draft.savedAt);
    try {
      storage.removeItem(singleDraftKey(user.UserID));
    } catch {
      // Blocked storage could not have kept the draft either.
    }
  }
  for (const draft of allDrafts(storage, user)) {
    const age = now - draft.savedAt;
    if ((draft.sentBroadcastId !== null && age > SENT_KEPT_MS) || (isBlankDraft(draft) && age > BLANK_KEPT_MS)) deleteDraft(storage, user, draft.id);
  }
}
