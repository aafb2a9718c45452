import { useDeleteContacts } from '@/api/resources/contacts/contact-mutations.ts';
import type { ContactSelection } from '@/api/resources/contacts/contact-requests.ts';
import { useRestoreContacts } from '@/api/resources/lists/list-mutations.ts';
import { MAX_BULK_CONTACTS } from '@contract/contact.ts';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { formatCountOf } from '@/utils/format-number.ts';

const contactsLabel = (count: number) => formatCountOf(count, 'contact', 'contacts');

/**
 * Deleting contacts as the dashboard does it: confirm with the count, move them to the Deleted folder, and offer
 * to undo (a restore of exactly the contacts that moved). Resolves true when they were moved.
 */
export function useMoveToDeleted() {
  const confirm = useConfirm();
  const notify = useNotify();
  const remove = useDeleteContacts();
  const restore = useRestoreContacts();

  const moveToDeleted = async (selection: ContactSelection, count: number): Promise<boolean> => {
    const confirmed = await confirm({
      title: count === 1 ? 'Delete this contact?' : `Delete ${contactsLabel(count)}?`,
      message: 'They move to the Deleted folder and leave their lists. You can restore them from there until the folder is emptied.',
      confirmLabel: `Delete ${contactsLabel(count)}`,
      destructive: true,
    });
    if (!confirmed) return false;
    try {
      const result = await remove.mutateAsync(selection);
      notify({
        message: `${contactsLabel(result.Count)} moved to the Deleted folder.`,
        action:
          result.Count > 0 && result.Count <= MAX_BULK_CONTACTS
            ? {
                label: 'Undo',
                onClick: () =>
                  restore.mutate(result.PersonIDs, {
                    onSuccess: (restored) => notify({ message: `${contactsLabel(restored.Count)} restored.` }),
                  }),
              }
            : undefined,
      });
      return true;
    } catch {
      // The app-wide handler has shown the error; nothing moved.
      return false;
    }
  };
  return { moveToDeleted, isPending: remove.isPending };
}
