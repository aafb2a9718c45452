import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import GroupRemoveOutlined from '@mui/icons-material/GroupRemoveOutlined';
import PersonRemoveOutlined from '@mui/icons-material/PersonRemoveOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '@/api/api-error.ts';
import { feedParamsOf } from '@/api/list-params.ts';
import { contactQueries } from '@/api/resources/contacts/contact-queries.ts';
import type { ContactSelection } from '@/api/resources/contacts/contact-requests.ts';
import { useAddListMembers, useDeleteList, useRemoveListMembers } from '@/api/resources/lists/list-mutations.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import { contactIdOf, contactNameOf, type Contact } from '@contract/contact.ts';
import { isUserList, SYSTEM_LIST_IDS, type ContactList } from '@contract/list.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { SelectionToolbar } from '@/components/data-table/selection-toolbar.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { useRowSelection } from '@/hooks/use-row-selection.ts';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatCountOf } from '@/utils/format-number.ts';
import { BackToLists } from '../components/back-to-lists.tsx';
import { ContactPicker } from '../components/contact-picker.tsx';
import { ListFormDialog } from '../components/list-form-dialog.tsx';
import { memberColumns } from '../components/member-columns.tsx';
import { contactsCsv } from '@/api/resources/contacts/contacts-csv.ts';
import { ExportCsvButton } from '@/components/data-table/export-csv-button.tsx';
import { DeletedFolderPage } from './deleted-folder-page.tsx';
import { textOr } from '@/utils/missing.ts';
import { useNotOfferedSentence } from '@/api/route-availability.ts';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';

const membersLabel = (count: number) => formatCountOf(count, 'contact', 'contacts');
/** A list's name as a file name: letters and digits, the rest as dashes. */
const csvFileStem = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'list';

const computedListNotes: Record<number, string> = {
  [SYSTEM_LIST_IDS.Everyone]: 'Every contact is in Everyone. Add or delete contacts on the Contacts page.',
  [SYSTEM_LIST_IDS.Unfiled]: 'Contacts in none of your lists. Add them to a list from their own page or from a list.',
};

function ListMembers({ list }: { list: ContactList }) {
  const listId = list.ListID;
  const editable = isUserList(list);
  const state = useListSearchParams();
  const members = useQuery(contactQueries.list({ listId, ...feedParamsOf(state) }));
  const rows = members.data?.Items ?? [];
  const total = members.data?.Size ?? 0;
  const selection = useRowSelection(
    state.search,
    rows.map((row) => contactIdOf(row)!),
  );
  const confirm = useConfirm();
  const notify = useNotify();
  const remove = useRemoveListMembers();
  const add = useAddListMembers();

  /** Removing is undone by adding the same contacts back. */
  const removeMembers = async (target: ContactSelection, count: number, ask: boolean) => {
    if (
      ask &&
      !(await confirm({
        title: `Remove ${membersLabel(count)} from ${textOr(list.ListName)}?`,
        message: 'They stay in your contacts and in their other lists.',
        confirmLabel: `Remove ${membersLabel(count)}`,
        destructive: true,
      }))
    ) {
      return;
    }
    remove.mutate(
      { listId, selection: target },
      {
        onSuccess: (result) => {
          selection.clear();
          notify({
            message: `${membersLabel(result.Count)} removed from ${textOr(list.ListName)}.`,
            action: result.Count > 0 ? { label: 'Undo', onClick: () => add.mutate({ listId, personIds: result.PersonIDs }) } : undefined,
          });
        },
      },
    );
  };

  const columns: GridColDef<Contact>[] = editable
    ? [
        ...memberColumns,
        {
          field: 'remove',
          headerName: 'Remove',
          width: 90,
          sortable: false,
          align: 'right',
          headerAlign: 'right',
          renderCell: ({ row }) => (
            <IconButton
              size="small"
              aria-label={`Remove ${contactNameOf(row)} from the list`.replace(/\s+/g, ' ')}
              onClick={() => void removeMembers({ personIds: [contactIdOf(row)!] }, 1, false)}
            >
              <PersonRemoveOutlined fontSize="small" />
            </IconButton>
          ),
        },
      ]
    : memberColumns;

  return (
    <Stack spacing={2}>
      {editable ? (
        <Card>
          <CardContent>
            <ContactPicker listId={listId} listName={textOr(list.ListName)} />
          </CardContent>
        </Card>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {computedListNotes[listId]}
        </Typography>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <DebouncedSearchField value={state.search} onChange={state.setSearch} label="Search members" placeholder="Name or phone number" />
        <ExportCsvButton
          // The members the page shows: all of them, or those the search matches.
          build={(onProgress, signal) => {
            const params = feedParamsOf(state);
            return contactsCsv({ listId, search: params.search, sort: params.sort }, onProgress, signal);
          }}
          fileName={`${csvFileStem(textOr(list.ListName))}${state.search ? '-search' : ''}-${new Date().toISOString().slice(0, 10)}.csv`}
          noun="contacts"
          disabled={!members.data || total === 0}
        />
        {editable && list.RosterCount > 0 && (
          <Button
            color="error"
            startIcon={<GroupRemoveOutlined />}
            sx={{ ml: { sm: 'auto !important' } }}
            onClick={() => void removeMembers({ matching: {} }, list.RosterCount, true)}
          >
            Remove all
          </Button>
        )}
      </Stack>
      {members.isError && <QueryErrorAlert title="The members could not be loaded." error={members.error} onRetry={() => void members.refetch()} />}
      {editable && (
        <SelectionToolbar selection={selection} total={total} pageCount={rows.length} noun={{ one: 'contact', many: 'contacts' }}>
          <Button
            color="error"
            variant="outlined"
            size="small"
            startIcon={<PersonRemoveOutlined />}
            loading={remove.isPending}
            onClick={() =>
              void removeMembers(selection.allMatching ? { matching: { search: state.search } } : { personIds: selection.ids }, selection.count(total), true)
            }
          >
            Remove from list
          </Button>
        </SelectionToolbar>
      )}
      <ServerDataGrid
        label={`Members of ${textOr(list.ListName)}`}
        list={state}
        rows={rows}
        rowCount={total}
        columns={columns}
        getRowId={(row) => contactIdOf(row)!}
        loading={members.isFetching}
        selection={editable ? selection : undefined}
        disableColumnMenu
        autoHeight
        localeText={{ noRowsLabel: state.search ? `No member matches “${state.search}”.` : 'No one in this list yet.' }}
      />
    </Stack>
  );
}

function ListPage({ listId }: { listId: number }) {
  const navigate = useNavigate();
  const confirm = useConfirm();
  const notify = useNotify();
  const list = useQuery(listQueries.detail(listId));
  const deleteList = useDeleteList();
  const [renaming, setRenaming] = useState(false);
  const renameNotOffered = useNotOfferedSentence('listUpdate');

  if (list.isError) {
    const missing = isApiError(list.error) && list.error.status === 404;
    return (
      <PageContainer title={missing ? 'List not found' : 'List'} eyebrow={<BackToLists />}>
        {missing ? (
          <EmptyState title="There is no such list." description="It may have been deleted, or belong to someone else." />
        ) : (
          <QueryErrorAlert title="The list could not be loaded." error={list.error} onRetry={() => void list.refetch()} />
        )}
      </PageContainer>
    );
  }
  const data = list.data;
  const remove = async () => {
    if (!data) return;
    const confirmed = await confirm({
      title: `Delete the list “${textOr(data.ListName)}”?`,
      message: `Its ${membersLabel(data.RosterCount)} stay in your contacts; only the list goes.`,
      confirmLabel: 'Delete list',
      destructive: true,
    });
    if (!confirmed) return;
    deleteList.mutate(listId, {
      onSuccess: () => {
        notify({ message: `List “${textOr(data.ListName)}” deleted.` });
        void navigate(paths.lists.list.href());
      },
    });
  };

  return (
    <PageContainer
      title={data?.ListName ?? 'List'}
      eyebrow={<BackToLists />}
      description={
        data && (
          <>
            {data.ListDescription && (
              <Box component="span" sx={{ display: 'block' }}>
                {data.ListDescription}
              </Box>
            )}
            {membersLabel(data.RosterCount)}
          </>
        )
      }
      actions={
        data &&
        isUserList(data) && (
          <>
            <Button component={RouterLink} to={paths.contacts.import.href({ list: listId })} startIcon={<UploadFileOutlined />}>
              Import into list
            </Button>
            {renameNotOffered ? (
              <NotOfferedNote sentence={renameNotOffered} />
            ) : (
              <Button startIcon={<EditOutlined />} onClick={() => setRenaming(true)}>
                Rename
              </Button>
            )}
            <Button color="error" startIcon={<DeleteOutlined />} onClick={() => void remove()}>
              Delete list
            </Button>
          </>
        )
      }
    >
      {data && <ListMembers list={data} />}
      {data && <ListFormDialog open={renaming} list={data} onClose={() => setRenaming(false)} />}
    </PageContainer>
  );
}

export function ListDetailPage() {
  const param = useParams().listId ?? '';
  if (param === 'deleted' || Number(param) === SYSTEM_LIST_IDS.Deleted) return <DeletedFolderPage />;
  const listId = /^-?\d+$/.test(param) ? Number(param) : NaN;
  if (Number.isNaN(listId)) {
    return (
      <PageContainer title="List not found" eyebrow={<BackToLists />}>
        <EmptyState title="There is no such list." />
      </PageContainer>
    );
  }
  return <ListPage key={listId} listId={listId} />;
}
