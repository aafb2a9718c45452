import { notOfferedSentence } from '@/api/route-availability.ts';
import { dayjs } from '@/utils/dayjs.ts';
import { broadcastDraftSchema, type BroadcastDraft } from './broadcast-draft.ts';
import { LOCAL_FORMAT, toApiStartDate } from './start-date.ts';

/**
 * The undo window after Send (docs/decisions/0185-undo-window-as-a-later-start.md): a broadcast sent "now" is created
 * to start a little later, so the hold lives with the API (closing the tab neither loses nor repeats the send), and
 * Undo cancels it before it starts. This browser keeps a copy of the sent draft with the hold, so Undo brings it back.
 */

/** Whether the API's cancel route is there, as far as this page knows before sending (decision 0186). */
export type CancelAvailability = 'offered' | 'not-offered' | 'unknown';

/** Whether a send is held: only a send "now", with a window, on an API known to cancel. */
export function isHeld(options: { startMode: BroadcastDraft['schedule']['startMode']; windowSeconds: number; cancel: CancelAvailability }): boolean {
  return options.startMode === 'now' && options.windowSeconds > 0 && options.cancel === 'offered';
}

/**
 * When a held send starts: now plus the window, rounded up to the whole minute, since StartDate has no seconds
 * (`M/d/yyyy h:mmtt`): the hold is never shorter than the window, and at most a minute longer.
 */
export function heldStart(now: number, windowSeconds: number, timeZone: string): { startsAt: number; startDate: string } {
  const startsAt = Math.ceil((now + windowSeconds * 1000) / 60_000) * 60_000;
  return { startsAt, startDate: toApiStartDate(dayjs(startsAt).tz(timeZone).format(LOCAL_FORMAT)) };
}

/** Whole seconds left before a held send starts (0 once it has). */
export const secondsLeft = (startsAt: number, now: number): number => Math.max(0, Math.ceil((startsAt - now) / 1000));

/** `1:05`, `0:09`: the countdown as a clock reads. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The same in words, for screen readers and the notice: "1 minute 5 seconds". */
export function countdownInWords(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const parts = [minutes > 0 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '', rest > 0 || minutes === 0 ? `${rest} second${rest === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** What the words near Send say about undoing it; null when there is nothing to say. */
export function undoWindowSentence(startMode: BroadcastDraft['schedule']['startMode'], windowSeconds: number, cancel: CancelAvailability): string | null {
  // A scheduled broadcast is not held: its start is already later, and it can be canceled until then.
  if (startMode !== 'now' || windowSeconds === 0) return null;
  if (cancel === 'not-offered') return `${notOfferedSentence('broadcastCancel')} A sent broadcast starts at once and cannot be undone.`;
  if (cancel === 'offered') return `After you send, you have at least ${countdownInWords(windowSeconds)} to undo it before anything goes out.`;
  return null;
}

export interface SendHold {
  /** The broadcast created, then the other half of a combo when the answer names it: Undo cancels each. */
  broadcastIds: number[];
  /** When it starts (epoch ms, on the app's clock: the sandbox's in sandbox mode). */
  startsAt: number;
  name: string;
  /** The draft as it was sent, before it was marked sent. */
  draft: BroadcastDraft;
}

/** The IDs Undo cancels: the one created and, for a combo, its other half (0 or the same ID means none). */
export function heldIds(createdId: number, halves: { CallBroadcastID?: number | null; TextBroadcastID?: number | null }): number[] {
  const ids = [createdId, halves.CallBroadcastID ?? 0, halves.TextBroadcastID ?? 0].filter((id) => Number.isSafeInteger(id) && id > 0);
  return [...new Set(ids)];
}

/**
 * The draft Undo brings back: as it was sent, with a new idempotency key (the old one would replay the canceled
 * send's answer instead of sending again) and not marked sent.
 */
export function draftAfterUndo(hold: SendHold, newKey: string = crypto.randomUUID()): BroadcastDraft {
  return { ...hold.draft, sentBroadcastId: null, idempotencyKey: newKey, savedAt: Date.now() };
}

// Kept per user in this browser, like the draft: a reload or another tab of the same user finds the hold.
const storageKey = (userId: number) => `callboard:send-holds:${userId}`;
/** A hold is forgotten a while after its start: by then the broadcast runs, and nothing is left to undo. */
const FORGET_AFTER_MS = 10 * 60_000;

export function readHolds(userId: number, now: number): SendHold[] {
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(saved)) return [];
  return saved.flatMap((item: unknown): SendHold[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { broadcastIds, startsAt, name, draft } = item as Record<string, unknown>;
    if (!Array.isArray(broadcastIds) || !broadcastIds.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) return [];
    if (typeof startsAt !== 'number' || startsAt + FORGET_AFTER_MS < now || typeof name !== 'string') return [];
    const restored = broadcastDraftSchema.safeParse(draft);
    return restored.success ? [{ broadcastIds: broadcastIds as number[], startsAt, name, draft: restored.data }] : [];
  });
}

function writeHolds(userId: number, holds: SendHold[]) {
  try {
    if (holds.length === 0) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), JSON.stringify(holds));
  } catch {
    // Storage full or blocked: the broadcast is still held by the API; only the copy for Undo is lost.
  }
  for (const listener of listeners) listener();
}

export function keepHold(userId: number, hold: SendHold, now: number): void {
  writeHolds(userId, [...readHolds(userId, now).filter((kept) => !kept.broadcastIds.includes(hold.broadcastIds[0]!)), hold]);
}

export function dropHold(userId: number, broadcastId: number, now: number): void {
  writeHolds(
    userId,
    readHolds(userId, now).filter((kept) => !kept.broadcastIds.includes(broadcastId)),
  );
}

/** The hold of a broadcast (either half of a combo), if this browser sent it and it has not been forgotten. */
export function holdOf(userId: number, broadcastId: number, now: number): SendHold | null {
  return readHolds(userId, now).find((hold) => hold.broadcastIds.includes(broadcastId)) ?? null;
}

const listeners = new Set<() => void>();
/** Told when this tab changes the holds, or another tab does. */
export function subscribeHolds(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('callboard:send-holds:')) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The stored text of a user's holds: a stable snapshot for useSyncExternalStore. */
export function holdsSnapshot(userId: number): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}
