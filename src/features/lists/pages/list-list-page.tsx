import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { feedParamsOf } from '@/api/list-params.ts';
import { useDeleteList } from '@/api/resources/lists/list-mutations.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import { isUserList, SYSTEM_LIST_IDS, type ContactList } from '@contract/list.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatApiDay } from '@/utils/format-date.ts';
import { formatCount } from '@/utils/format-number.ts';
import { ListFormDialog } from '../components/list-form-dialog.tsx';
import { listHref } from '../list-paths.ts';
import { textOr } from '@/utils/missing.ts';

const systemListHelp: Record<number, string> = {
  [SYSTEM_LIST_IDS.Everyone]: 'Every contact',
  [SYSTEM_LIST_IDS.Unfiled]: 'Contacts in no list',
  [SYSTEM_LIST_IDS.Deleted]: 'Deleted contacts, waiting to be restored or purged',
};

export function ListListPage() {
  const list = useListSearchParams();
  const lists = useQuery(listQueries.list(feedParamsOf(list)));
  const confirm = useConfirm();
  const notify = useNotify();
  const remove = useDeleteList();
  const [editing, setEditing] = useState<ContactList | null>(null);
  const [creating, setCreating] = useState(false);

  const deleteList = async (target: ContactList) => {
    const confirmed = await confirm({
      title: `Delete the list “${textOr(target.ListName)}”?`,
      message: `Its ${formatCount(target.RosterCount)} members stay in your contacts; only the list goes.`,
      confirmLabel: 'Delete list',
      destructive: true,
    });
    if (confirmed) remove.mutate(target.ListID, { onSuccess: () => notify({ message: `List “${textOr(target.ListName)}” deleted.` }) });
  };

  const columns: GridColDef<ContactList>[] = [
    {
      field: 'ListName',
      headerName: 'List',
      flex: 1.5,
      minWidth: 240,
      renderCell: ({ row }) => (
        <Box sx={{ py: 1, lineHeight: 1.4 }}>
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <Link component={RouterLink} to={listHref(row)} underline="hover" sx={{ fontWeight: 500 }}>
              {row.ListName}
            </Link>
            {row.ListType === 'System' && (
              <Tooltip title="A system list: it cannot be renamed or deleted">
                <LockOutlined sx={{ fontSize: 15, color: 'text.secondary' }} aria-label="System list" />
              </Tooltip>
            )}
          </Stack>
          <Typography variant="caption" color="textSecondary" component="div" noWrap>
            {row.ListType === 'System' ? systemListHelp[row.ListID] : row.ListDescription}
          </Typography>
        </Box>
      ),
    },
    {
      field: 'RosterCount',
      headerName: 'Members',
      type: 'number',
      width: 120,
      sortable: false,
      valueFormatter: (value: number) => formatCount(value),
    },
    { field: 'LastUpdated', headerName: 'Last changed', width: 150, valueFormatter: (value: string) => formatApiDay(value) },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 110,
      sortable: false,
      align: 'right',
      headerAlign: 'right',
      renderCell: ({ row }) =>
        isUserList(row) ? (
          <Stack direction="row" sx={{ justifyContent: 'flex-end', alignItems: 'center', height: '100%' }}>
            <IconButton size="small" aria-label={`Rename ${textOr(row.ListName)}`} onClick={() => setEditing(row)}>
              <EditOutlined fontSize="small" />
            </IconButton>
            <IconButton size="small" aria-label={`Delete ${textOr(row.ListName)}`} onClick={() => void deleteList(row)}>
              <DeleteOutlined fontSize="small" />
            </IconButton>
          </Stack>
        ) : null,
    },
  ];

  return (
    <PageContainer
      {...pageIntros.lists}
      actions={
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
          New list
        </Button>
      }
    >
      <Box sx={{ mb: 2 }}>
        <DebouncedSearchField value={list.search} onChange={list.setSearch} label="Search lists" placeholder="List name" />
      </Box>
      {lists.isError && (
        <Box sx={{ mb: 2 }}>
          <QueryErrorAlert title="The lists could not be loaded." error={lists.error} onRetry={() => void lists.refetch()} />
        </Box>
      )}
      <ServerDataGrid
        label="Lists"
        list={list}
        rows={lists.data?.Items ?? []}
        rowCount={lists.data?.Size ?? 0}
        columns={columns}
        getRowId={(row) => row.ListID}
        getRowHeight={() => 'auto'}
        sx={{ '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } }}
        loading={lists.isFetching}
        disableColumnMenu
        autoHeight
        localeText={{ noRowsLabel: list.search ? `No list matches “${list.search}”.` : 'No lists yet.' }}
      />
      <ListFormDialog open={creating} onClose={() => setCreating(false)} />
      <ListFormDialog open={editing !== null} list={editing ?? undefined} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
