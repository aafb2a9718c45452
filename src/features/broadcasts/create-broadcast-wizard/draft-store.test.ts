import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@contract/user.ts';
import { newDraft, type BroadcastDraft } from './broadcast-draft.ts';
import { testUser } from './test-user.ts';
import {
  allDrafts,
  BLANK_KEPT_MS,
  deleteDraft,
  draftKey,
  duplicateDraft,
  isBlankDraft,
  listedDrafts,
  readDraft,
  saveDraft,
  SENT_KEPT_MS,
  tidyDrafts,
} from './draft-store.ts';

const user = { ...testUser, UserID: 7, FirstName: 'Leia', ContinueOnNextDay: false } satisfies User;
const other = { ...user, UserID: 8 };

const named = (name: string, savedAt = 1000): BroadcastDraft => {
  const draft = newDraft(user, savedAt);
  return { ...draft, type: { ...draft.type, name } };
};
const saved = (result: ReturnType<typeof saveDraft>) => {
  if (!('saved' in result)) throw new Error('expected the draft to be saved');
  return result.saved;
};

describe('the drafts kept in this browser', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = window.localStorage;
    storage.clear();
  });

  it('creates drafts under keys of their own and lists those with something in them, the latest change first', () => {
    const first = saved(saveDraft(storage, user, named('Snow day'), undefined, 1000));
    const second = saved(saveDraft(storage, user, named('Bus late'), undefined, 2000));
    saveDraft(storage, user, newDraft(user), undefined, 3000);
    saveDraft(storage, other, { ...named('Someone else’s'), id: 'theirs' }, undefined, 4000);
    expect(storage.getItem(draftKey(7, first.id))).not.toBeNull();
    expect(listedDrafts(storage, user).map((draft) => draft.type.name)).toEqual(['Bus late', 'Snow day']);
    expect(allDrafts(storage, user)).toHaveLength(3);
    expect(readDraft(storage, user, second.id)?.type.name).toBe('Bus late');
  });

  it('leaves sent drafts out of the list', () => {
    saveDraft(storage, user, { ...named('Sent one'), sentBroadcastId: 41 });
    saveDraft(storage, user, named('Unsent'));
    expect(listedDrafts(storage, user).map((draft) => draft.type.name)).toEqual(['Unsent']);
  });

  it('updates a draft changed by nobody else, and its save time always grows', () => {
    const draft = saved(saveDraft(storage, user, named('Snow day'), null, 5000));
    // Same millisecond: still a newer version.
    const updated = saved(saveDraft(storage, user, { ...draft, type: { ...draft.type, name: 'Snow day 2' } }, draft.savedAt, 5000));
    expect(updated.savedAt).toBe(5001);
    expect(readDraft(storage, user, draft.id)?.type.name).toBe('Snow day 2');
  });

  it('refuses a change made to a version another tab has since replaced or deleted, and hands back theirs', () => {
    const base = saved(saveDraft(storage, user, named('Snow day'), null, 1000));
    const theirs = saved(saveDraft(storage, user, { ...base, type: { ...base.type, name: 'Theirs' } }, base.savedAt, 2000));
    const mine = { ...base, type: { ...base.type, name: 'Mine' } };
    expect(saveDraft(storage, user, mine, base.savedAt, 3000)).toEqual({ conflict: theirs });
    expect(readDraft(storage, user, base.id)?.type.name).toBe('Theirs');

    deleteDraft(storage, user, base.id);
    expect(saveDraft(storage, user, mine, theirs.savedAt, 4000)).toEqual({ conflict: null });
    expect(readDraft(storage, user, base.id)).toBeNull();
    // A draft saved by another tab first, while this one had not saved it yet.
    const fresh = named('Fresh');
    saveDraft(storage, user, fresh, null, 5000);
    expect(saveDraft(storage, user, { ...fresh, type: { ...fresh.type, name: 'Also fresh' } }, null, 6000)).toMatchObject({ conflict: { id: fresh.id } });
  });

  it('deletes a draft and restores it as it was', () => {
    const draft = saved(saveDraft(storage, user, named('Snow day'), undefined, 1000));
    deleteDraft(storage, user, draft.id);
    expect(listedDrafts(storage, user)).toEqual([]);
    saveDraft(storage, user, draft, undefined, draft.savedAt);
    expect(readDraft(storage, user, draft.id)).toEqual(draft);
  });

  it('duplicates a draft with its own id and send key, named as a copy and never sent', () => {
    const draft = { ...named('Snow day'), sentBroadcastId: 12 };
    draft.recipients.lists = [{ id: 1, name: 'Parents', count: 3 }];
    const copy = duplicateDraft(draft, 9000);
    expect(copy).toMatchObject({ type: { name: 'Copy of Snow day' }, sentBroadcastId: null, savedAt: 9000, recipients: { lists: [{ id: 1 }] } });
    expect(copy.id).not.toBe(draft.id);
    expect(copy.idempotencyKey).not.toBe(draft.idempotencyKey);
    copy.recipients.lists.push({ id: 2, name: 'Staff', count: 1 });
    expect(draft.recipients.lists).toHaveLength(1);
  });

  it('moves the single draft of decision 0150 into the list once, keeping everything in it', () => {
    const single = named('Before drafts were listed', 1234);
    const { id: _none, ...withoutId } = single;
    single.recipients.pasted = '2145550143';
    storage.setItem('callboard:broadcast-draft:7', JSON.stringify({ ...withoutId, recipients: single.recipients }));
    tidyDrafts(storage, user, 2000);
    tidyDrafts(storage, user, 2000);
    const [moved, ...more] = listedDrafts(storage, user);
    expect(more).toEqual([]);
    expect(moved).toMatchObject({
      type: { name: 'Before drafts were listed' },
      recipients: { pasted: '2145550143' },
      idempotencyKey: single.idempotencyKey,
      savedAt: 1234,
    });
    expect(storage.getItem('callboard:broadcast-draft:7')).toBeNull();
  });

  it('does not move a single draft that was sent', () => {
    storage.setItem('callboard:broadcast-draft:7', JSON.stringify({ ...named('Sent'), sentBroadcastId: 5 }));
    tidyDrafts(storage, user, 2000);
    expect(allDrafts(storage, user)).toEqual([]);
    expect(storage.getItem('callboard:broadcast-draft:7')).toBeNull();
  });

  it('drops sent drafts and blank ones once they are old, and keeps every unsent draft', () => {
    const now = 100 * SENT_KEPT_MS;
    saveDraft(storage, user, { ...named('Old sent'), sentBroadcastId: 3 }, undefined, now - SENT_KEPT_MS - 1);
    saveDraft(storage, user, { ...named('New sent'), sentBroadcastId: 4 }, undefined, now - 1000);
    saveDraft(storage, user, newDraft(user), undefined, now - BLANK_KEPT_MS - 1);
    saveDraft(storage, user, named('Old unsent'), undefined, now - 50 * SENT_KEPT_MS);
    tidyDrafts(storage, user, now);
    expect(allDrafts(storage, user).map((draft) => draft.type.name)).toEqual(['New sent', 'Old unsent']);
  });

  it('calls a draft blank until something is typed or chosen', () => {
    const draft = newDraft(user);
    expect(isBlankDraft(draft)).toBe(true);
    expect(isBlankDraft({ ...draft, recipients: { ...draft.recipients, pasted: '2145550143' } })).toBe(false);
    expect(isBlankDraft({ ...draft, message: { ...draft.message, textMessage: 'Hi' } })).toBe(false);
    expect(isBlankDraft({ ...draft, type: { ...draft.type, name: ' ' } })).toBe(true);
  });
});
