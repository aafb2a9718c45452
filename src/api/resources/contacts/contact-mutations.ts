import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContactImportInput } from '@contract/contact-import.ts';
import type { ContactInput, ContactUpdateInput } from '@contract/contact.ts';
import { listQueries } from '../lists/list-queries.ts';
import { contactQueries } from './contact-queries.ts';
import { createContact, deleteContacts, importContacts, updateContact, type ContactSelection } from './contact-requests.ts';

/** Contacts show in lists' counts and lists in contacts: a change to one refreshes both. */
export function useInvalidateRoster() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: contactQueries.all() }), queryClient.invalidateQueries({ queryKey: listQueries.all() })]);
}

export function useCreateContact() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (input: ContactInput) => createContact(input),
    // The form shows the error beside the field it concerns.
    meta: { handlesErrors: true },
    onSuccess: invalidate,
  });
}

export function useUpdateContact() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: ({ personId, input }: { personId: number; input: ContactUpdateInput }) => updateContact(personId, input),
    meta: { handlesErrors: true },
    onSuccess: invalidate,
  });
}

/** Moves contacts to the Deleted folder. */
export function useDeleteContacts() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (selection: ContactSelection) => deleteContacts(selection),
    onSuccess: invalidate,
  });
}

/** The dry run changes nothing, so it refreshes nothing. */
export function useImportDryRun() {
  return useMutation({
    mutationFn: (input: Omit<ContactImportInput, 'DryRun'>) => importContacts({ ...input, DryRun: true }),
    meta: { handlesErrors: true },
  });
}

export function useImportContacts() {
  const invalidate = useInvalidateRoster();
  return useMutation({
    mutationFn: (input: Omit<ContactImportInput, 'DryRun'>) => importContacts({ ...input, DryRun: false }),
    meta: { handlesErrors: true },
    // The answer is the summary the page shows: it need not wait for the lists and contacts to be read again.
    onSuccess: () => void invalidate(),
  });
}
