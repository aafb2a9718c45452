import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useLocation, useMatch, useNavigate, useParams } from 'react-router-dom';
import type { User } from '@contract/user.ts';
import { paths } from '@/config/paths.ts';
import { newDraft, type BroadcastDraft, type ZoneSplit } from './broadcast-draft.ts';
import { concernsDrafts, deleteDraft, draftKey, duplicateDraft, listedDrafts, readDraft, readText, saveDraft, tidyDrafts } from './draft-store.ts';

/*
 * The drafts are kept in localStorage per user (decision 0193). What this tab knows of the draft it shows (the version
 * it last saved or took, and its own version while another tab's change waits for a choice, decision 0194) is kept
 * here, outside React, so every component of the tab reads the same state.
 */

interface TabCopy {
  user: User;
  draftId: string;
  /** The version this tab last saved or took; null while nothing is saved. */
  base: BroadcastDraft | null;
  /** Set when another tab changed or deleted the draft after `base`: this tab's version, kept until the user chooses. */
  mine: BroadcastDraft | null;
  /** Grows when this tab takes another version, so the step's form starts again from it. */
  revision: number;
}

const copies = new Map<string, TabCopy>();
const listeners = new Set<() => void>();
let localVersion = 0;

function storage(): Storage {
  return window.localStorage;
}

function emit() {
  localVersion += 1;
  for (const listener of listeners) listener();
}

function copyOf(user: User, draftId: string): TabCopy {
  const key = draftKey(user.UserID, draftId);
  let copy = copies.get(key);
  if (!copy) {
    copy = { user, draftId, base: readDraft(storage(), user, draftId), mine: null, revision: 0 };
    copies.set(key, copy);
  }
  copy.user = user;
  return copy;
}

/** The parts a person changes; the step shown and the save time are not worth a question. */
const contentOf = (draft: BroadcastDraft) => JSON.stringify({ ...draft, step: 0, savedAt: 0 });

/** Another tab wrote or deleted the draft: follow it when nothing of ours differs, else hold ours for a choice. */
function reconcile(copy: TabCopy) {
  const theirs = readDraft(storage(), copy.user, copy.draftId);
  if ((theirs?.savedAt ?? null) === (copy.base?.savedAt ?? null)) return;
  const ours = copy.mine ?? copy.base;
  const same = theirs !== null && ours !== null && contentOf(theirs) === contentOf(ours);
  // Sent is final (one send per draft); a tab that saved nothing, or the same content, has nothing to lose.
  if (theirs?.sentBroadcastId != null || ours === null || same) {
    if (!same) copy.revision += 1;
    copy.base = theirs;
    copy.mine = null;
    return;
  }
  copy.mine = ours;
}

function onStorage(event: StorageEvent) {
  if (event.storageArea !== storage() || !concernsDrafts(event.key)) return;
  for (const [key, copy] of copies) if (event.key === null || event.key === key) reconcile(copy);
  emit();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

const tidied = new Set<number>();
/** Moves the single draft of decision 0150 into the list and drops old sent and blank drafts, once a page load. */
function tidyOnce(user: User) {
  if (tidied.has(user.UserID)) return;
  tidied.add(user.UserID);
  tidyDrafts(storage(), user);
}

// The id of the new draft "New broadcast" opens, by history entry: every component of the page agrees on it, and a
// reload or Back to the entry opens the same one.
const newDraftIds = new Map<string, string>();
const blanks = new Map<string, BroadcastDraft>();
function blankDraft(user: User, draftId: string): BroadcastDraft {
  const key = draftKey(user.UserID, draftId);
  if (!blanks.has(key)) blanks.set(key, { ...newDraft(user), id: draftId });
  return blanks.get(key)!;
}

/** A draft `start()` was given outside the wizard (Undo of a send, on the report): the wizard opens it next. */
const startedElsewhere: { draftId: string | null } = { draftId: null };
/** The draft a visit to `/broadcasts/new` opens: one started elsewhere, once, else a new one. */
function draftForNew(): string {
  const draftId = startedElsewhere.draftId ?? crypto.randomUUID();
  startedElsewhere.draftId = null;
  return draftId;
}

/**
 * The broadcast draft the wizard works on: the one named in the address (`/broadcasts/drafts/:draftId`), or a new one
 * for `/broadcasts/new`. It is saved as it changes, survives reloads and logging out and in, and a second tab may
 * open it too: a change made in one while the other also changed it is never written over silently; `conflict`
 * then offers the choice.
 */
export function useBroadcastDraft(user: User) {
  const { draftId: routeId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const onNew = useMatch(paths.broadcasts.create.path) !== null;
  const inWizard = onNew || routeId !== undefined;
  if (routeId === undefined && !newDraftIds.has(location.key)) {
    newDraftIds.set(location.key, onNew ? draftForNew() : crypto.randomUUID());
  }
  const draftId = routeId ?? newDraftIds.get(location.key)!;
  tidyOnce(user);
  const key = draftKey(user.UserID, draftId);
  useSyncExternalStore(subscribe, () => `${localVersion}\n${readText(storage(), key) ?? ''}`);
  const copy = copyOf(user, draftId);
  const stored = readDraft(storage(), user, draftId);
  const draft = copy.mine ?? stored;

  // `/broadcasts/new` names the draft it made in the address (keeping the rest), so a reload opens it again.
  useEffect(() => {
    if (onNew) void navigate(`${paths.broadcasts.draft.href(draftId)}${location.search}`, { replace: true, state: location.state });
  }, [onNew, draftId, navigate, location.search, location.state]);

  const update = useCallback(
    (change: (draft: BroadcastDraft) => BroadcastDraft) => {
      const current = copyOf(user, draftId);
      const ours = current.mine ?? current.base ?? blankDraft(user, draftId);
      const next = { ...change(ours), id: draftId };
      const sent = next.sentBroadcastId !== null;
      if (current.mine !== null && !sent) {
        // Held in this tab until the user chooses: writing it would overwrite the other tab's change.
        current.mine = next;
        emit();
        return;
      }
      // Sent is final: it is written whatever another tab did, so no tab can send the draft again.
      const result = saveDraft(storage(), user, next, sent ? undefined : (current.base?.savedAt ?? null));
      if ('saved' in result) {
        current.base = result.saved;
        current.mine = null;
      } else if (result.conflict?.sentBroadcastId != null) {
        current.base = result.conflict;
        current.revision += 1;
      } else {
        current.mine = next;
      }
      emit();
    },
    [user, draftId],
  );

  /**
   * Records a send's progress one time zone at a time (decision 0198) on the stored draft and on this tab's, whatever
   * another tab changed meanwhile: the parts made and the refusals are facts every tab must see.
   */
  const recordSplit = useCallback(
    (change: (split: ZoneSplit) => ZoneSplit) => {
      const current = copyOf(user, draftId);
      const withChange = (draft: BroadcastDraft) => (draft.zoneSplit ? { ...draft, zoneSplit: change(draft.zoneSplit) } : draft);
      const stored = readDraft(storage(), user, draftId);
      if (stored?.zoneSplit) {
        const result = saveDraft(storage(), user, withChange(stored));
        if ('saved' in result && current.mine === null) current.base = result.saved;
      }
      if (current.mine) current.mine = withChange(current.mine);
      emit();
    },
    [user, draftId],
  );

  const start = useCallback(
    (next: BroadcastDraft) => {
      const result = saveDraft(storage(), user, next);
      if ('saved' in result) {
        const started = copyOf(user, next.id);
        started.base = result.saved;
        started.mine = null;
        started.revision += 1;
      }
      emit();
      // In the wizard it replaces the entry (a discarded or sent draft is not worth going back to); elsewhere the
      // caller goes to the wizard (`/broadcasts/new`), which opens it.
      if (inWizard) void navigate(paths.broadcasts.draft.href(next.id), { replace: true });
      else startedElsewhere.draftId = next.id;
    },
    [user, navigate, inWizard],
  );

  const discard = useCallback(() => {
    deleteDraft(storage(), user, draftId);
    const current = copyOf(user, draftId);
    current.base = null;
    current.mine = null;
    emit();
  }, [user, draftId]);

  const keepMine = useCallback(() => {
    const current = copyOf(user, draftId);
    if (current.mine === null) return;
    const result = saveDraft(storage(), user, current.mine);
    if ('saved' in result) current.base = result.saved;
    current.mine = null;
    emit();
  }, [user, draftId]);

  const takeTheirs = useCallback(() => {
    const current = copyOf(user, draftId);
    current.base = readDraft(storage(), user, draftId);
    current.mine = null;
    current.revision += 1;
    emit();
  }, [user, draftId]);

  /** Both kept: ours becomes a draft of its own (listed in Drafts), and this tab takes theirs. */
  const keepBoth = useCallback(() => {
    const current = copyOf(user, draftId);
    if (current.mine === null) return;
    saveDraft(storage(), user, {
      ...duplicateDraft(current.mine),
      type: { ...current.mine.type, name: `${current.mine.type.name.trim() || 'Untitled broadcast'} (my version)` },
    });
    takeTheirs();
  }, [user, draftId, takeTheirs]);

  return {
    draft,
    update,
    recordSplit,
    start,
    discard,
    /** The draft's id, in its address. */
    draftId,
    /** False on `/broadcasts/new` until the address names the draft: the step is set in the address after that. */
    addressed: !onNew,
    /** The address of a step of this draft. */
    stepHref: useCallback((step: string) => paths.broadcasts.draft.href(draftId, { step }), [draftId]),
    /** Set while another tab's change (or deletion) waits for this tab's choice. */
    conflict: copy.mine === null ? null : { theirs: stored },
    keepMine,
    takeTheirs,
    keepBoth,
    /** Changes when this tab takes another version of the draft: the step's form is keyed on it. */
    revision: copy.revision,
  };
}

/** The user's drafts as the Drafts tab lists them, following every change, in this tab or another. */
export function useDraftList(user: User) {
  tidyOnce(user);
  // The ids of the listed drafts with their save times: a new string only when the list changed.
  const snapshot = useSyncExternalStore(subscribe, () =>
    listedDrafts(storage(), user)
      .map((draft) => `${draft.id} ${draft.savedAt}`)
      .join('\n'),
  );
  const drafts = useMemo(
    () => (snapshot === '' ? [] : snapshot.split('\n').flatMap((entry) => readDraft(storage(), user, entry.split(' ')[0]!) ?? [])),
    [snapshot, user],
  );

  const remove = useCallback(
    (draft: BroadcastDraft) => {
      deleteDraft(storage(), user, draft.id);
      emit();
    },
    [user],
  );
  /** Puts a deleted draft back as it was (Undo). */
  const restore = useCallback(
    (draft: BroadcastDraft) => {
      saveDraft(storage(), user, draft, undefined, draft.savedAt);
      emit();
    },
    [user],
  );
  const duplicate = useCallback(
    (draft: BroadcastDraft) => {
      const copy = duplicateDraft(draft);
      saveDraft(storage(), user, copy);
      emit();
      return copy;
    },
    [user],
  );
  return { drafts, remove, restore, duplicate };
}
