import Alert from '@mui/material/Alert';
import AddOutlined from '@mui/icons-material/AddOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { isApiError } from '@/api/api-error.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { broadcastIdOf, type Broadcast } from '@contract/broadcast.ts';
import { ServerTable, type TableColumn } from '@/components/data-table/server-table.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { paths } from '@/config/paths.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatApiDateTime, formatApiRelative } from '@/utils/format-date.ts';
import { formatCount, formatCredits } from '@/utils/format-number.ts';
import {
  categoryOf,
  channelLabels,
  channelOf,
  completedPercent,
  isCombo,
  liveRefreshInterval,
  typeLabels,
  type BroadcastListFilter,
} from '../broadcast-display.ts';
import { BROADCAST_LIST_STATE, broadcastListParams } from '../broadcast-list-state.ts';
import { BroadcastListFilters } from '../components/broadcast-list-filters.tsx';
import { BroadcastStatusChip } from '../components/broadcast-status-chip.tsx';
import { BroadcastTabs } from '../components/broadcast-tabs.tsx';
import { MISSING } from '@/utils/missing.ts';

function ProgressCell({ broadcast }: { broadcast: Broadcast }) {
  const percent = completedPercent(broadcast);
  const category = categoryOf(broadcast);
  const label = `${formatCount(broadcast.TotalCompleted)} of ${formatCount(broadcast.PhoneNumberCount)} done`;
  if (category === 'InProgress' || category === 'Paused') {
    return (
      <Box sx={{ width: '100%', display: 'flex', alignItems: 'center', gap: 1 }}>
        <LinearProgress
          variant="determinate"
          value={percent}
          color={category === 'Paused' ? 'warning' : 'primary'}
          aria-label={label}
          sx={{ flexGrow: 1, height: 6, borderRadius: 3 }}
        />
        <Typography variant="body2" sx={{ minWidth: 40, textAlign: 'right' }}>
          {Math.floor(percent)}%
        </Typography>
      </Box>
    );
  }
  if (category === 'Scheduled') return <span className="cell-quiet">Not started</span>;
  return <span title={label}>{Math.floor(percent)}%</span>;
}

const columns: TableColumn<Broadcast>[] = [
  {
    field: 'BroadcastName',
    header: 'Broadcast',
    render: (row) => (
      <>
        <RouterLink className="cell-link" to={paths.broadcasts.report.href(broadcastIdOf(row)!)}>
          {row.BroadcastName}
        </RouterLink>
        {isCombo(row) && <span className="cell-caption">{channelLabels[channelOf(row)]} of a combined broadcast</span>}
      </>
    ),
  },
  { field: 'BroadcastStatus', header: 'Status', width: 136, phoneWidth: 120, render: (row) => <BroadcastStatusChip category={categoryOf(row)} /> },
  { field: 'BroadcastType', header: 'Type', width: 130, hideOnPhone: true, render: (row) => (row.BroadcastType ? typeLabels[row.BroadcastType] : MISSING) },
  {
    field: 'StartDate',
    header: 'Start',
    hideOnPhone: true,
    width: 190,
    render: (row) => (
      <>
        {formatApiDateTime(row.StartDate)}
        <span className="cell-caption">{formatApiRelative(row.StartDate)}</span>
      </>
    ),
  },
  { field: 'PhoneNumberCount', header: 'Recipients', width: 110, hideOnPhone: true, align: 'right', render: (row) => formatCount(row.PhoneNumberCount) },
  { field: 'TotalCompleted', header: 'Completed', width: 150, phoneWidth: 100, render: (row) => <ProgressCell broadcast={row} /> },
  { field: 'CreditsUsed', header: 'Credits', width: 112, hideOnPhone: true, align: 'right', render: (row) => formatCredits(row.CreditsUsed ?? 0) },
];

export function BroadcastListPage() {
  const navigate = useNavigate();
  const list = useListSearchParams<BroadcastListFilter>(BROADCAST_LIST_STATE);
  const params = broadcastListParams(list);
  const broadcasts = useQuery({
    ...broadcastQueries.list(params),
    placeholderData: keepPreviousData,
    // While anything on the page runs, it refreshes itself; never in a hidden tab.
    refetchInterval: (query) => liveRefreshInterval(query.state.data?.Items ?? []),
    refetchIntervalInBackground: false,
  });
  const filtered = Object.values(list.filters).some(Boolean) || list.search !== '';

  return (
    <PageContainer
      {...pageIntros.broadcasts}
      actions={
        <Button variant="contained" startIcon={<AddOutlined />} component={RouterLink} to={paths.broadcasts.create.href()}>
          New broadcast
        </Button>
      }
    >
      <BroadcastTabs current="broadcasts" />
      <BroadcastListFilters filters={list.filters} search={list.search} onFiltersChange={list.setFilters} onSearchChange={list.setSearch} />
      {/* A failure replaces the table: its empty state ("No broadcasts yet") would say something false. */}
      {broadcasts.isError && isApiError(broadcasts.error) && broadcasts.error.status === 400 ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => void navigate(paths.broadcasts.list.href())}>
              Clear filters
            </Button>
          }
        >
          These filters cannot be used: a date or choice in the address is not one this page knows. Clear them to see your broadcasts.
        </Alert>
      ) : broadcasts.isError ? (
        <QueryErrorAlert title="The broadcasts could not be loaded." error={broadcasts.error} onRetry={() => void broadcasts.refetch()} />
      ) : (
        <ServerTable
          label="Broadcasts"
          list={list}
          rows={broadcasts.data?.Items ?? []}
          rowCount={broadcasts.data?.Size ?? 0}
          columns={columns}
          getRowId={(row) => broadcastIdOf(row)!}
          loading={broadcasts.isPending}
          // Two lines a row at most.
          rowHeight={64}
          onRowClick={(row) => void navigate(paths.broadcasts.report.href(broadcastIdOf(row)!))}
          empty={
            <EmptyState
              icon={<CampaignOutlined />}
              title={filtered ? 'No broadcast matches these filters' : 'No broadcasts yet'}
              description={filtered ? 'Try another status, type or date range.' : 'Send your first call or text to a list of contacts.'}
              action={
                filtered ? (
                  <Button onClick={() => void navigate(paths.broadcasts.list.href())}>Clear filters</Button>
                ) : (
                  <Button variant="contained" component={RouterLink} to={paths.broadcasts.create.href()}>
                    New broadcast
                  </Button>
                )
              }
            />
          }
        />
      )}
    </PageContainer>
  );
}
