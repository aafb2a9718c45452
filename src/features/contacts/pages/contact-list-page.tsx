import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { feedParamsOf } from '@/api/list-params.ts';
import { contactQueries } from '@/api/resources/contacts/contact-queries.ts';
import { contactsCsv } from '@/api/resources/contacts/contacts-csv.ts';
import { contactIdOf, contactNameOf, type Contact } from '@contract/contact.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { ExportCsvButton } from '@/components/data-table/export-csv-button.tsx';
import { LinkCell } from '@/components/data-table/link-cell.tsx';
import { SelectionToolbar } from '@/components/data-table/selection-toolbar.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { useRowSelection } from '@/hooks/use-row-selection.ts';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { paths } from '@/config/paths.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatApiDateTime, formatApiRelative } from '@/utils/format-date.ts';
import { ContactFlags } from '../components/contact-flags.tsx';
import { CONTACT_LIST_STATE } from '../contact-list-state.ts';
import { useMoveToDeleted } from '../hooks/use-move-to-deleted.ts';
import { textOr } from '@/utils/missing.ts';

// The form's code, with the phone-number library, loads when a contact is first created here, not with the list.
const ContactFormDialog = lazy(() => import('../components/contact-form-dialog.tsx').then((module) => ({ default: module.ContactFormDialog })));

const columns: GridColDef<Contact>[] = [
  {
    field: 'LastName',
    headerName: 'Name',
    flex: 1.2,
    minWidth: 180,
    renderCell: ({ row }) => <LinkCell to={paths.contacts.detail.href(contactIdOf(row)!)} label={contactNameOf(row)} emptyLabel="No name" />,
  },
  {
    field: 'PrimaryPhone',
    headerName: 'Phone',
    width: 180,
    renderCell: ({ row }) => {
      const more = [row.SecondaryPhone, row.TertiaryPhone].filter(Boolean).length;
      return (
        <span className="cell-line">
          <span>{formatPhoneNumber(row.PrimaryPhone)}</span>
          {more > 0 && <span className="cell-more">+{more}</span>}
        </span>
      );
    },
  },
  { field: 'Notes', headerName: 'Notes', flex: 1, minWidth: 140 },
  {
    field: 'flags',
    headerName: 'Opt-out / DNC',
    width: 190,
    sortable: false,
    renderCell: ({ row }) => <ContactFlags contact={row} />,
  },
  {
    field: 'Lists',
    headerName: 'Lists',
    flex: 1,
    minWidth: 170,
    sortable: false,
    renderCell: ({ row }) => {
      const lists = row.Lists ?? [];
      return (
        <span className="cell-line">
          {lists.slice(0, 2).map((list) => (
            <Chip key={list.ListID} size="small" label={textOr(list.ListName)} title={textOr(list.ListName)} sx={{ maxWidth: 120 }} />
          ))}
          {lists.length > 2 && <Chip size="small" variant="outlined" label={`+${lists.length - 2}`} />}
        </span>
      );
    },
  },
  {
    field: 'LastUpdated',
    headerName: 'Last updated',
    width: 150,
    renderCell: ({ row }) => <span title={formatApiDateTime(row.LastUpdated)}>{formatApiRelative(row.LastUpdated)}</span>,
  },
];

export function ContactListPage() {
  const list = useListSearchParams(CONTACT_LIST_STATE);
  const params = feedParamsOf(list);
  const contacts = useQuery(contactQueries.list(params));
  const rows = contacts.data?.Items ?? [];
  const total = contacts.data?.Size ?? 0;
  const selection = useRowSelection(
    list.search,
    rows.map((row) => contactIdOf(row)!),
  );
  const { moveToDeleted, isPending: deleting } = useMoveToDeleted();
  const [creating, setCreating] = useState(false);
  // Once shown, the form stays mounted so it can animate closed.
  const [formShown, setFormShown] = useState(false);

  const deleteSelected = async () => {
    const count = selection.count(total);
    const moved = await moveToDeleted(selection.allMatching ? { matching: { search: list.search } } : { personIds: selection.ids }, count);
    if (moved) selection.clear();
  };

  const noContactsAtAll = contacts.isSuccess && total === 0 && !list.search;
  return (
    <PageContainer
      {...pageIntros.contacts}
      actions={
        <>
          <ExportCsvButton
            // What the page shows: every contact, or every one the search matches, in its order.
            build={(onProgress, signal) => contactsCsv({ search: params.search, sort: params.sort }, onProgress, signal)}
            fileName={`contacts${list.search ? '-search' : ''}-${new Date().toISOString().slice(0, 10)}.csv`}
            noun="contacts"
            disabled={!contacts.data || total === 0}
          />
          <Button component={RouterLink} to={paths.contacts.import.href()} startIcon={<UploadFileOutlined />}>
            Import
          </Button>
          <Button
            variant="contained"
            startIcon={<AddOutlined />}
            onClick={() => {
              setCreating(true);
              setFormShown(true);
            }}
          >
            New contact
          </Button>
        </>
      }
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <DebouncedSearchField value={list.search} onChange={list.setSearch} label="Search contacts" placeholder="Name or phone number" />
        {contacts.isSuccess && (
          <Typography variant="body2" color="textSecondary" role="status" aria-live="polite">
            {list.search ? `${total.toLocaleString('en-US')} matching` : `${total.toLocaleString('en-US')} contacts`}
          </Typography>
        )}
      </Stack>
      {contacts.isError && (
        <Box sx={{ mb: 2 }}>
          <QueryErrorAlert title="The contacts could not be loaded." error={contacts.error} onRetry={() => void contacts.refetch()} />
        </Box>
      )}
      <SelectionToolbar selection={selection} total={total} pageCount={rows.length} noun={{ one: 'contact', many: 'contacts' }}>
        <Button color="error" variant="outlined" size="small" startIcon={<DeleteOutlined />} onClick={() => void deleteSelected()} loading={deleting}>
          Delete
        </Button>
      </SelectionToolbar>
      {noContactsAtAll ? (
        <EmptyState
          icon={<PeopleOutlined />}
          title="No contacts yet"
          description="Add people one at a time, or import a spreadsheet of names and numbers."
          action={
            <Button variant="contained" component={RouterLink} to={paths.contacts.import.href()}>
              Import contacts
            </Button>
          }
        />
      ) : (
        <ServerDataGrid
          label="Contacts"
          list={list}
          rows={rows}
          rowCount={total}
          columns={columns}
          getRowId={(row) => contactIdOf(row)!}
          loading={contacts.isFetching}
          selection={selection}
          disableColumnMenu
          autoHeight
          // Cells lay out with two classes styled once here, not a styled component in every cell.
          sx={{
            '& .cell-line': { display: 'flex', alignItems: 'center', gap: 0.75, height: '100%', overflow: 'hidden' },
            '& .cell-more': { typography: 'caption', color: 'text.secondary' },
          }}
          localeText={{ noRowsLabel: list.search ? `No contact matches “${list.search}”.` : 'No contacts.' }}
        />
      )}
      {formShown && (
        <Suspense fallback={null}>
          <ContactFormDialog open={creating} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </PageContainer>
  );
}
