import DeleteForeverOutlined from '@mui/icons-material/DeleteForeverOutlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { feedParamsOf } from '@/api/list-params.ts';
import { useDeleteContacts } from '@/api/resources/contacts/contact-mutations.ts';
import { contactQueries } from '@/api/resources/contacts/contact-queries.ts';
import { collectContactIds, type ContactSelection } from '@/api/resources/contacts/contact-requests.ts';
import { usePurgeContacts, useRestoreContacts } from '@/api/resources/lists/list-mutations.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import type { GridColDef } from '@mui/x-data-grid';
import { contactIdOf, type Contact } from '@contract/contact.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { SelectionToolbar } from '@/components/data-table/selection-toolbar.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { useRowSelection } from '@/hooks/use-row-selection.ts';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { formatCountOf } from '@/utils/format-number.ts';
import { BackToLists } from '../components/back-to-lists.tsx';
import { memberColumns } from '../components/member-columns.tsx';

const contactsLabel = (count: number) => formatCountOf(count, 'contact', 'contacts');

/** The members' columns, with when each was deleted in place of when it last changed. */
const deletedColumns: GridColDef<Contact>[] = [
  ...memberColumns.filter((column) => column.field !== 'LastUpdated'),
  {
    field: 'DeletedDate',
    headerName: 'Deleted',
    width: 190,
    valueFormatter: (value: string | undefined) => (value ? formatApiDateTime(value) : '—'),
  },
];

/** Deleted contacts wait here: restore them into their lists, or delete them for good. */
export function DeletedFolderPage() {
  // Latest deletion first: what was just deleted is what is most often restored (decision 0145).
  const state = useListSearchParams({ defaultSort: { field: 'DeletedDate', desc: true } });
  const folder = useQuery(listQueries.detail('deleted'));
  const contacts = useQuery(contactQueries.list({ listId: 'deleted', ...feedParamsOf(state) }));
  const rows = contacts.data?.Items ?? [];
  const total = contacts.data?.Size ?? 0;
  const inFolder = folder.data?.RosterCount ?? 0;
  const selection = useRowSelection(
    state.search,
    rows.map((row) => contactIdOf(row)!),
  );
  const confirm = useConfirm();
  const notify = useNotify();
  const restore = useRestoreContacts();
  const purge = usePurgeContacts();
  const moveBack = useDeleteContacts();
  const [collecting, setCollecting] = useState(false);

  const restoreSelected = async () => {
    let personIds = selection.ids;
    if (selection.allMatching) {
      setCollecting(true);
      try {
        personIds = await collectContactIds({ listId: 'deleted', search: state.search });
      } catch (error) {
        // Nothing was restored; the selection stays for another try.
        notify({ message: `The contacts to restore could not be gathered: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
        return;
      } finally {
        setCollecting(false);
      }
    }
    restore.mutate(personIds, {
      onSuccess: (result) => {
        selection.clear();
        notify({
          message: `${contactsLabel(result.Count)} restored to their lists.`,
          action: { label: 'Undo', onClick: () => moveBack.mutate({ personIds: result.PersonIDs }) },
        });
      },
    });
  };

  const purgeContacts = async (target: ContactSelection, count: number, typeToConfirm?: string) => {
    const confirmed = await confirm({
      title: `Delete ${contactsLabel(count)} forever?`,
      message: 'They are removed for good and cannot be restored. Their opt-outs are kept.',
      confirmLabel: `Delete ${contactsLabel(count)} forever`,
      destructive: true,
      typeToConfirm,
    });
    if (!confirmed) return;
    purge.mutate(target, {
      onSuccess: (result) => {
        selection.clear();
        notify({ message: `${contactsLabel(result.Count)} deleted forever.` });
      },
    });
  };

  return (
    <PageContainer
      title="Deleted folder"
      eyebrow={<BackToLists />}
      description="Deleted contacts wait here with their list memberships until you restore them or delete them for good."
      actions={
        inFolder > 0 && (
          <Button
            color="error"
            variant="outlined"
            startIcon={<DeleteForeverOutlined />}
            onClick={() => void purgeContacts({ matching: {} }, inFolder, String(inFolder))}
          >
            Empty folder
          </Button>
        )
      }
    >
      {folder.isSuccess && inFolder === 0 ? (
        <EmptyState
          icon={<RestoreFromTrashOutlined />}
          title="The Deleted folder is empty"
          description="Contacts you delete wait here until you restore them or empty the folder."
        />
      ) : (
        <>
          <Box sx={{ mb: 2 }}>
            <DebouncedSearchField value={state.search} onChange={state.setSearch} label="Search deleted contacts" placeholder="Name or phone number" />
          </Box>
          {contacts.isError && (
            <Box sx={{ mb: 2 }}>
              <QueryErrorAlert title="The Deleted folder could not be loaded." error={contacts.error} onRetry={() => void contacts.refetch()} />
            </Box>
          )}
          <SelectionToolbar selection={selection} total={total} pageCount={rows.length} noun={{ one: 'contact', many: 'contacts' }}>
            <Button
              variant="contained"
              size="small"
              startIcon={<RestoreFromTrashOutlined />}
              loading={restore.isPending || collecting}
              onClick={() => void restoreSelected()}
            >
              Restore
            </Button>
            <Button
              color="error"
              variant="outlined"
              size="small"
              startIcon={<DeleteForeverOutlined />}
              loading={purge.isPending}
              onClick={() =>
                void purgeContacts(selection.allMatching ? { matching: { search: state.search } } : { personIds: selection.ids }, selection.count(total))
              }
            >
              Delete forever
            </Button>
          </SelectionToolbar>
          <ServerDataGrid
            label="Deleted contacts"
            list={state}
            rows={rows}
            rowCount={total}
            columns={deletedColumns}
            getRowId={(row) => contactIdOf(row)!}
            loading={contacts.isFetching}
            selection={selection}
            disableColumnMenu
            autoHeight
            localeText={{ noRowsLabel: state.search ? `No deleted contact matches “${state.search}”.` : 'Nothing here.' }}
          />
        </>
      )}
    </PageContainer>
  );
}
