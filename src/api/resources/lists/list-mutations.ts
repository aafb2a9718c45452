import { useMutation } from '@tanstack/react-query';
import type { ListInput, ListUpdateInput } from '@contract/list.ts';
import { useInvalidateRoster } from '../contacts/contact-mutations.ts';
import type { ContactSelection } from '../contacts/contact-requests.ts';
import { addListMembers, createList, deleteList, removeListMembers, restoreContacts, updateList } from './list-requests.ts';

export function useCreateList() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (input: ListInput) => createList(input),
    meta: { handlesErrors: true },
    onSuccess: invalidate,
  });
}

export function useUpdateList() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: ({ listId, input }: { listId: number; input: ListUpdateInput }) => updateList(listId, input),
    meta: { handlesErrors: true },
    onSuccess: invalidate,
  });
}

export function useDeleteList() {
  const invalidate = useInvalidateRoster();
  return useMutation({ mutationFn: (listId: number) => deleteList(listId), onSuccess: invalidate });
}

export function useAddListMembers() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: ({ listId, personIds }: { listId: number; personIds: readonly number[] }) => addListMembers(listId, personIds),
    onSuccess: invalidate,
  });
}

export function useRemoveListMembers() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: ({ listId, selection }: { listId: number; selection: ContactSelection }) => removeListMembers(listId, selection),
    onSuccess: invalidate,
  });
}

export function useRestoreContacts() {
  const invalidate = useInvalidateRoster();
  return useMutation({ mutationFn: (personIds: readonly number[]) => restoreContacts(personIds), onSuccess: invalidate });
}

/** Deletes contacts of the Deleted folder for good. */
export function usePurgeContacts() {
  const invalidate = useInvalidateRoster();
  return useMutation({ mutationFn: (selection: ContactSelection) => removeListMembers('deleted', selection), onSuccess: invalidate });
}
