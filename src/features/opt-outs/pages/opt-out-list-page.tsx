import AddOutlined from '@mui/icons-material/AddOutlined';
import DoNotDisturbOnOutlined from '@mui/icons-material/DoNotDisturbOnOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GridColDef } from '@mui/x-data-grid';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { optOutQueries } from '@/api/resources/opt-outs/opt-out-queries.ts';
import { walkOptOuts } from '@/api/resources/opt-outs/opt-out-requests.ts';
import { csvDocument } from '@contract/csv.ts';
import type { OptOut } from '@contract/opt-out.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';
import { useNotOfferedSentence } from '@/api/route-availability.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { paths } from '@/config/paths.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { downloadCsv } from '@/utils/download-csv.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { formatCount } from '@/utils/format-number.ts';
import { AddOptOutDialog } from '../components/add-opt-out-dialog.tsx';
import { RemoveOptOutDialog, type RemovableOptOut } from '../components/remove-opt-out-dialog.tsx';
import { OPT_OUT_LIST_STATE, optOutDateFrom, optOutFilterParams } from '../opt-out-list-state.ts';

const DayPickerField = lazy(() => import('@/components/form/day-picker-field.tsx').then((module) => ({ default: module.DayPickerField })));

const channelFilters = [
  { value: '', label: 'Calls or texts' },
  { value: 'call', label: 'Calls' },
  { value: 'text', label: 'Texts' },
] as const;

/** The opted-out numbers: searchable, from a date on, exportable; add one, or opt one back in with consent. */
export function OptOutListPage() {
  const list = useListSearchParams(OPT_OUT_LIST_STATE);
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  // Adding and lifting opt-outs are [inferred] routes: once the API is known to lack one, its sentence shows instead.
  const addNotOffered = useNotOfferedSentence('optOutAdd');
  const removeNotOffered = useNotOfferedSentence('optOutRemove');
  const [removing, setRemoving] = useState<RemovableOptOut | null>(null);
  const [exported, setExported] = useState<{ received: number; total: number } | null>(null);
  const exportAbort = useRef<AbortController | null>(null);
  useEffect(() => () => exportAbort.current?.abort(), []);

  const dateFrom = optOutDateFrom(list);
  const filterParams = optOutFilterParams(list);
  const optOuts = useQuery({
    ...optOutQueries.list({ ...filterParams, page: list.page, pageSize: list.pageSize }),
    placeholderData: keepPreviousData,
  });

  const exportCsv = async () => {
    const controller = new AbortController();
    exportAbort.current = controller;
    const rows: OptOut[] = [];
    setExported({ received: 0, total: optOuts.data?.Size ?? 0 });
    try {
      for await (const page of walkOptOuts({ ...filterParams, pageSize: 1000 }, controller.signal)) {
        rows.push(...page.items);
        setExported({ received: page.received, total: page.total });
      }
      downloadCsv(
        `opt-outs-${new Date().toISOString().slice(0, 10)}.csv`,
        csvDocument(
          ['Phone number', 'First name', 'Last name', 'Calls', 'Texts', 'Global', 'Notes', 'Opted out'],
          rows.map((row) => [
            row.PhoneNumber,
            row.FirstName,
            row.LastName,
            row.DoNotCall ? 'Opted out' : '',
            row.DoNotText ? 'Opted out' : '',
            row.GlobalOptOut ? 'Yes' : '',
            row.Notes,
            row.OptOutDate,
          ]),
        ),
      );
      notify({ message: `Exported ${formatCount(rows.length)} opt-outs.` });
    } catch (error) {
      if (!controller.signal.aborted) notify({ severity: 'error', message: `The export failed: ${(error as Error).message}` });
    } finally {
      setExported(null);
    }
  };

  const columns: GridColDef<OptOut>[] = [
    {
      field: 'PhoneNumber',
      headerName: 'Phone number',
      width: 160,
      renderCell: ({ row }) => (
        <Link component={RouterLink} to={paths.phoneNumbers.history.href(row.PhoneNumber)}>
          {formatPhoneNumber(row.PhoneNumber)}
        </Link>
      ),
    },
    {
      field: 'LastName',
      headerName: 'Name',
      flex: 1,
      minWidth: 160,
      valueGetter: (_value, row) => `${row.FirstName ?? ''} ${row.LastName ?? ''}`.trim() || '—',
    },
    {
      field: 'DoNotText',
      headerName: 'Opted out of',
      width: 190,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
          {row.DoNotCall && <Chip size="small" label="Calls" />}
          {row.DoNotText && <Chip size="small" label="Texts" />}
          {row.GlobalOptOut && <Chip size="small" color="error" variant="outlined" label="Every sender" />}
        </Stack>
      ),
    },
    { field: 'Notes', headerName: 'Reason', flex: 1, minWidth: 160, sortable: true },
    { field: 'OptOutDate', headerName: 'Opted out', width: 190, valueFormatter: (value: string) => formatApiDateTime(value) },
    {
      field: 'actions',
      headerName: '',
      width: 140,
      sortable: false,
      align: 'right',
      renderCell: ({ row }) =>
        row.GlobalOptOut || removeNotOffered ? null : (
          <Button size="small" onClick={() => setRemoving(row)} aria-label={`Opt ${formatPhoneNumber(row.PhoneNumber)} back in`}>
            Opt back in
          </Button>
        ),
    },
  ];

  const filtered = list.search !== '' || dateFrom !== '' || list.filters.channel !== '';
  return (
    <PageContainer
      {...pageIntros.optOuts}
      actions={
        <>
          <Button
            startIcon={<FileDownloadOutlined />}
            onClick={() => void exportCsv()}
            loading={exported !== null}
            loadingPosition="start"
            disabled={!optOuts.data || optOuts.data.Size === 0}
          >
            {exported ? `Exporting ${formatCount(exported.received)} of ${formatCount(exported.total)}` : 'Export CSV'}
          </Button>
          {removeNotOffered && <NotOfferedNote sentence={removeNotOffered} />}
          {addNotOffered ? (
            <NotOfferedNote sentence={addNotOffered} />
          ) : (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setAdding(true)}>
              Add opt-out
            </Button>
          )}
        </>
      }
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <DebouncedSearchField value={list.search} onChange={list.setSearch} label="Search" placeholder="Name or phone number" />
        {/* The date picker every list uses; its code arrives just after the page's. */}
        <Suspense fallback={<TextField size="small" label="Opted out on or after" value={dateFrom} disabled sx={{ maxWidth: { sm: 220 } }} />}>
          <DayPickerField label="Opted out on or after" day={dateFrom} onDayChange={(day) => list.setFilter('from', day)} />
        </Suspense>
        <TextField
          select
          size="small"
          label="Channel"
          value={list.filters.channel}
          onChange={(event) => list.setFilter('channel', event.target.value || null)}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ maxWidth: 180 }}
        >
          {channelFilters.map((choice) => (
            <MenuItem key={choice.value} value={choice.value}>
              {choice.label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {optOuts.isError ? (
        <QueryErrorAlert title="The opt-outs could not be loaded." error={optOuts.error} onRetry={() => void optOuts.refetch()} />
      ) : (
        <ServerDataGrid
          label="Opt-outs"
          list={list}
          rows={optOuts.data?.Items ?? []}
          rowCount={optOuts.data?.Size ?? 0}
          loading={optOuts.isFetching && !optOuts.data}
          columns={columns}
          getRowId={(row) => row.PhoneNumber}
          autoHeight
          slots={{
            noRowsOverlay: () => (
              <EmptyState
                icon={<DoNotDisturbOnOutlined />}
                title={filtered ? 'No opt-outs match.' : 'No opt-outs yet.'}
                description={filtered ? 'Try another name, number or date.' : 'Numbers that reply STOP, or that you add here, appear in this list.'}
              />
            ),
          }}
        />
      )}
      <AddOptOutDialog open={adding} onClose={() => setAdding(false)} />
      <RemoveOptOutDialog optOut={removing} onClose={() => setRemoving(null)} />
    </PageContainer>
  );
}
