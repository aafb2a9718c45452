import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import type { ListParams } from '@/api/list-params.ts';
import type { Broadcast } from '@contract/broadcast.ts';
import type { BroadcastDetail } from '@contract/broadcast-detail.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { paths } from '@/config/paths.ts';
import type { ListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { formatCount } from '@/utils/format-number.ts';
import { NO_RESULT, statusesOf, surveyAnswerText, surveyLabelsOf, type Channel, type ResultFilter, type ResultGroup } from '../broadcast-display.ts';
import { exportFileName, resultColumns } from '../results-csv.ts';
import { ExportResultsButton } from './export-results-button.tsx';

type ResultRow = BroadcastDetail & { id: number };

function ResultCell({ value, groups }: { value: string | undefined; groups: ResultGroup[] }) {
  const group = groups.find((candidate) => candidate.value === (value ?? ''));
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Box aria-hidden sx={{ width: 10, height: 10, borderRadius: '3px', bgcolor: group?.color ?? 'grey.400', flexShrink: 0 }} />
      <span>
        {value || (
          <Typography component="span" variant="body2" color="textSecondary">
            No result yet
          </Typography>
        )}
      </span>
    </Box>
  );
}

function columnsFor(
  channel: Channel,
  groups: ResultGroup[],
  options: { survey: boolean; surveyLabels: ReadonlyMap<string, string>; messageText: boolean },
): GridColDef<ResultRow>[] {
  const contact: GridColDef<ResultRow>[] = [
    { field: 'PhoneNumber', headerName: 'Phone number', width: 160, valueFormatter: (value: string) => formatPhoneNumber(value) },
    {
      field: 'LastName',
      headerName: 'Name',
      flex: 1,
      minWidth: 160,
      valueGetter: (_value, row) => [row.FirstName, row.LastName].filter(Boolean).join(' '),
    },
  ];
  if (channel === 'Text') {
    return [
      ...contact,
      { field: 'TextResultCategory', headerName: 'Result', width: 190, renderCell: ({ value }) => <ResultCell value={value as string} groups={groups} /> },
      { field: 'TextStatus', headerName: 'Status', width: 130 },
      ...(options.messageText
        ? [{ field: 'MessageText', headerName: 'Message sent', flex: 2, minWidth: 260, sortable: false } satisfies GridColDef<ResultRow>]
        : []),
    ];
  }
  return [
    ...contact,
    { field: 'CallResultCategory', headerName: 'Result', width: 190, renderCell: ({ value }) => <ResultCell value={value as string} groups={groups} /> },
    { field: 'CallStatus', headerName: 'Status', width: 130 },
    { field: 'NumberOfAttempts', headerName: 'Attempts', type: 'number', width: 124 },
    { field: 'LastCallTime', headerName: 'Last call', width: 200, valueFormatter: (value: string | null) => formatApiDateTime(value) },
    ...(options.survey
      ? [
          {
            field: 'SurveyResult',
            headerName: 'Answer',
            width: 170,
            valueFormatter: (value: string | null) => (value ? surveyAnswerText(value, options.surveyLabels) : ''),
          } satisfies GridColDef<ResultRow>,
        ]
      : []),
  ];
}

export interface BroadcastResultsGridProps {
  broadcast: Broadcast;
  broadcastId: number;
  channel: Channel;
  groups: ResultGroup[];
  list: ListSearchParams<ResultFilter>;
  params: ListParams;
  /** Poll while the broadcast runs. */
  refetchInterval: number | false;
}

/** Every number of the broadcast and its result, filtered and sorted on the server; the filters live in the URL. */
export function BroadcastResultsGrid({ broadcast, broadcastId, channel, groups, list, params, refetchInterval }: BroadcastResultsGridProps) {
  const results = useQuery({
    ...broadcastQueries.results(broadcastId, params),
    placeholderData: keepPreviousData,
    refetchInterval,
    refetchIntervalInBackground: false,
  });
  const survey = broadcast.SurveyResponses !== undefined && broadcast.SurveyResponses !== null;
  const surveyLabels = surveyLabelsOf(broadcast);
  const messageText = channel === 'Text' && broadcast.HasCustomField === true;
  const rows: ResultRow[] = (results.data?.Items ?? []).map((item, index) => ({ ...item, id: (list.page - 1) * list.pageSize + index }));
  const matching = results.data?.Size ?? 0;
  const { result, status, answer } = list.filters;
  const filtered = Boolean(result || status || answer || list.search);

  const resultLabel = groups.find((group) => (group.value || NO_RESULT) === result)?.label;
  const fileWords = [resultLabel ?? '', status, answer ? surveyAnswerText(answer, surveyLabels) : '', list.search ? 'search' : ''];
  // Nothing was sent yet to a scheduled broadcast, so there is no group to send again to.
  const started = broadcast.BroadcastStatus !== 'AuthorizationApproved';
  // The wizard rebuilds the group from the report's own filter: a result, a status, or both.
  const sendAgainHref =
    result === NO_RESULT || answer || list.search
      ? null
      : paths.broadcasts.create.href({ from: broadcastId, resultCategory: result || undefined, status: status || undefined });

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={1.5} sx={{ alignItems: { lg: 'center' } }}>
        <TextField
          select
          size="small"
          label="Result"
          value={result}
          onChange={(event) => list.setFilters({ result: event.target.value || null })}
          sx={{ maxWidth: { lg: 230 } }}
        >
          <MenuItem value="">All results</MenuItem>
          {groups.map((group) => (
            <MenuItem key={group.value || NO_RESULT} value={group.value || NO_RESULT}>
              {group.label} ({formatCount(group.count)})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Status"
          value={status}
          onChange={(event) => list.setFilters({ status: event.target.value || null })}
          sx={{ maxWidth: { lg: 190 } }}
        >
          <MenuItem value="">All statuses</MenuItem>
          {statusesOf(channel).map((value) => (
            <MenuItem key={value} value={value}>
              {value}
            </MenuItem>
          ))}
        </TextField>
        <DebouncedSearchField label="Search by name or phone" value={list.search} onChange={list.setSearch} />
        <Box sx={{ flexGrow: 1 }} />
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
          {started && (
            <Tooltip
              title={sendAgainHref ? 'Opens a new broadcast with exactly these numbers' : 'Choose a result or a status (no search) to send to that group'}
            >
              <span>
                <Button
                  variant="outlined"
                  startIcon={<ReplayOutlined />}
                  component={RouterLink}
                  to={sendAgainHref ?? ''}
                  disabled={!sendAgainHref || matching === 0}
                >
                  Send again to {filtered ? 'this group' : 'everyone'}
                </Button>
              </span>
            </Tooltip>
          )}
          <ExportResultsButton
            broadcastId={broadcastId}
            params={params}
            columns={resultColumns(channel, { survey, surveyLabels, messageText })}
            fileName={exportFileName(broadcastId, fileWords)}
            matching={matching}
          />
        </Stack>
      </Stack>
      {results.isError && <QueryErrorAlert title="The results could not be loaded." error={results.error} onRetry={() => void results.refetch()} />}
      <ServerDataGrid
        label="Results by number"
        list={list}
        rows={rows}
        rowCount={matching}
        columns={columnsFor(channel, groups, { survey, surveyLabels, messageText })}
        loading={results.isPending}
        autoHeight
        getRowHeight={() => (messageText ? 'auto' : null)}
        sx={{ '& .MuiDataGrid-cell': { py: messageText ? 1 : 0 } }}
        slots={{
          noRowsOverlay: () => (
            <EmptyState
              icon={<SearchOffOutlined />}
              title={filtered ? 'No number matches these filters' : 'No numbers yet'}
              description={filtered ? 'Choose another result or status, or clear the search.' : undefined}
            />
          ),
        }}
      />
    </Stack>
  );
}
