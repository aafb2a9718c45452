import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@contract/user.ts';
import { newDraft, type BroadcastDraft } from './broadcast-draft.ts';
import { draftKey, listedDrafts, readDraft } from './draft-store.ts';
import { useBroadcastDraft } from './use-broadcast-draft.ts';
import { testUser } from './test-user.ts';

const user = { ...testUser, UserID: 9, FirstName: 'Han', ContinueOnNextDay: false } satisfies User;

// The hook's latest answer, for the test to call (set after each render, as a ref would be).
const latest: { current: ReturnType<typeof useBroadcastDraft> | null } = { current: null };
function Probe() {
  const hook = useBroadcastDraft(user);
  useEffect(() => {
    latest.current = hook;
  });
  return (
    <p>{`name=${hook.draft?.type.name ?? '(none)'} conflict=${hook.conflict ? (hook.conflict.theirs?.type.name ?? 'deleted') : 'no'} revision=${hook.revision}`}</p>
  );
}

function openWizard(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/broadcasts/new', element: <Probe /> },
      { path: '/broadcasts/drafts/:draftId', element: <Probe /> },
      { path: '/broadcasts/:broadcastId', element: <Probe /> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const rename = (name: string) => (draft: BroadcastDraft) => ({ ...draft, type: { ...draft.type, name } });

/** Another tab writes (or deletes) the draft: the browser tells this one with a storage event. */
function otherTabWrites(draftId: string, draft: BroadcastDraft | null) {
  const key = draftKey(user.UserID, draftId);
  act(() => {
    if (draft) localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: Date.now() + 10_000 }));
    else localStorage.removeItem(key);
    window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }));
  });
}

describe('useBroadcastDraft', () => {
  beforeEach(() => localStorage.clear());

  it('opens a new draft for /broadcasts/new, names it in the address, and saves it as it changes', async () => {
    const router = openWizard('/broadcasts/new?step=type');
    expect(await screen.findByText(/name=\(none\)/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/broadcasts/drafts/${latest.current!.draftId}`);
    expect(router.state.location.search).toBe('?step=type');
    act(() => latest.current!.update(rename('Snow day')));
    expect(screen.getByText(/name=Snow day/)).toBeInTheDocument();
    expect(readDraft(localStorage, user, latest.current!.draftId)).toMatchObject({ id: latest.current!.draftId, type: { name: 'Snow day' } });
  });

  it('start() saves the draft given (a new one, or one brought back) and opens it', async () => {
    const router = openWizard('/broadcasts/drafts/first');
    await screen.findByText(/name=/);
    act(() => latest.current!.update(rename('First')));
    const again = { ...newDraft(user), id: 'brought-back', type: { ...newDraft(user).type, name: 'Brought back' } };
    act(() => latest.current!.start(again));
    expect(await screen.findByText(/name=Brought back/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/broadcasts/drafts/brought-back');
    expect(
      listedDrafts(localStorage, user)
        .map((draft) => draft.type.name)
        .sort(),
    ).toEqual(['Brought back', 'First']);
  });

  it('start() outside the wizard (Undo on a report) leaves the page, and the wizard opens that draft next', async () => {
    const router = openWizard('/broadcasts/42');
    await screen.findByText(/name=/);
    expect(router.state.location.pathname).toBe('/broadcasts/42');
    const undone = { ...newDraft(user), id: 'undone', type: { ...newDraft(user).type, name: 'Undone send' } };
    act(() => latest.current!.start(undone));
    expect(router.state.location.pathname).toBe('/broadcasts/42');
    await act(() => router.navigate('/broadcasts/new?step=review'));
    expect(router.state.location.pathname).toBe('/broadcasts/drafts/undone');
    expect(router.state.location.search).toBe('?step=review');
    expect(screen.getByText(/name=Undone send/)).toBeInTheDocument();
    // Once: the next "New broadcast" is a new draft.
    await act(() => router.navigate('/broadcasts/new'));
    expect(router.state.location.pathname).not.toBe('/broadcasts/drafts/undone');
  });

  it('holds its own version when another tab changed the draft too, and saves nothing until the user chooses', async () => {
    openWizard('/broadcasts/drafts/shared-1');
    await screen.findByText(/name=/);
    act(() => latest.current!.update(rename('Mine')));
    const base = readDraft(localStorage, user, 'shared-1')!;
    otherTabWrites('shared-1', rename('Theirs')(base));
    expect(screen.getByText('name=Mine conflict=Theirs revision=0')).toBeInTheDocument();

    // Typing goes on in this tab, and is not written over theirs.
    act(() => latest.current!.update(rename('Mine, more')));
    expect(screen.getByText(/name=Mine, more conflict=Theirs/)).toBeInTheDocument();
    expect(readDraft(localStorage, user, 'shared-1')?.type.name).toBe('Theirs');

    act(() => latest.current!.keepMine());
    expect(screen.getByText('name=Mine, more conflict=no revision=0')).toBeInTheDocument();
    expect(readDraft(localStorage, user, 'shared-1')?.type.name).toBe('Mine, more');
  });

  it('takes their version when asked, starting the step form again from it', async () => {
    openWizard('/broadcasts/drafts/shared-2');
    await screen.findByText(/name=/);
    act(() => latest.current!.update(rename('Mine')));
    otherTabWrites('shared-2', rename('Theirs')(readDraft(localStorage, user, 'shared-2')!));
    act(() => latest.current!.takeTheirs());
    expect(screen.getByText('name=Theirs conflict=no revision=1')).toBeInTheDocument();
    act(() => latest.current!.update(rename('Theirs, then mine')));
    expect(readDraft(localStorage, user, 'shared-2')?.type.name).toBe('Theirs, then mine');
  });

  it('keeps both when asked: its own version becomes a draft of its own', async () => {
    openWizard('/broadcasts/drafts/shared-3');
    await screen.findByText(/name=/);
    act(() => latest.current!.update(rename('Mine')));
    otherTabWrites('shared-3', rename('Theirs')(readDraft(localStorage, user, 'shared-3')!));
    act(() => latest.current!.keepBoth());
    expect(screen.getByText(/name=Theirs conflict=no/)).toBeInTheDocument();
    expect(
      listedDrafts(localStorage, user)
        .map((draft) => draft.type.name)
        .sort(),
    ).toEqual(['Mine (my version)', 'Theirs']);
  });

  it('notices a change another tab made before its storage event arrived, when it writes', async () => {
    openWizard('/broadcasts/drafts/shared-4');
    await screen.findByText(/name=/);
    act(() => latest.current!.update(rename('Mine')));
    const base = readDraft(localStorage, user, 'shared-4')!;
    localStorage.setItem(draftKey(user.UserID, 'shared-4'), JSON.stringify({ ...rename('Theirs')(base), savedAt: base.savedAt + 5 }));
    act(() => latest.current!.update(rename('Mine again')));
    expect(screen.getByText(/name=Mine again conflict=Theirs/)).toBeInTheDocument();
    expect(readDraft(localStorage, user, 'shared-4')?.type.name).toBe('Theirs');
  });

  it('says so when another tab deleted the draft, and can keep it', async () => {
    openWizard('/broadcasts/drafts/shared-5');
    await screen.findByText(/name=/);
    act(() => latest.current!.update(rename('Mine')));
    otherTabWrites('shared-5', null);
    expect(screen.getByText(/name=Mine conflict=deleted/)).toBeInTheDocument();
    act(() => latest.current!.keepMine());
    expect(readDraft(localStorage, user, 'shared-5')?.type.name).toBe('Mine');
  });

  it('follows without a question a send, a change of step only, or a change while it saved nothing', async () => {
    openWizard('/broadcasts/drafts/shared-6');
    await screen.findByText(/name=/);
    act(() => latest.current!.update(rename('Mine')));
    const base = readDraft(localStorage, user, 'shared-6')!;
    otherTabWrites('shared-6', { ...base, step: 3 });
    expect(screen.getByText('name=Mine conflict=no revision=0')).toBeInTheDocument();
    otherTabWrites('shared-6', { ...base, sentBroadcastId: 77 });
    expect(screen.getByText('name=Mine conflict=no revision=1')).toBeInTheDocument();
    expect(latest.current!.draft?.sentBroadcastId).toBe(77);
    // This tab's own send after theirs is written too (the same broadcast): the draft stays sent.
    act(() => latest.current!.update((draft) => ({ ...draft, sentBroadcastId: 77 })));
    expect(readDraft(localStorage, user, 'shared-6')?.sentBroadcastId).toBe(77);

    openWizard('/broadcasts/drafts/unsaved');
    otherTabWrites('unsaved', { ...base, id: 'unsaved', type: { ...base.type, name: 'Saved there first' } });
    expect(screen.getByText(/name=Saved there first conflict=no/)).toBeInTheDocument();
  });
});
