import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { LineChart } from '@mui/x-charts/LineChart';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import type { ListParams } from '@/api/list-params.ts';
import { broadcastIdOf, type Broadcast } from '@contract/broadcast.ts';
import { parseApiDate } from '@/utils/format-date.ts';
import { formatCount } from '@/utils/format-number.ts';
import { reportFigures } from '../report-figures.ts';

const CHECKPOINTS = 16;
const SLOW_REFRESH = 30_000;
const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' });
const dayAndTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });

const latestFirst: ListParams = { page: 1, pageSize: 1, sort: [{ field: 'LastCallTime', desc: true }] };

/**
 * Numbers completed over time (docs/decisions/0021-report-figures-and-progress.md): the API keeps no history, but each
 * number's last call time is when it finished, so "completed by t" is the count of completed numbers whose last call
 * was at or before t, asked of the details feed for a few moments between the start and the last call.
 */
export function ProgressChart({ broadcast, running }: { broadcast: Broadcast; running: boolean }) {
  const broadcastId = broadcastIdOf(broadcast)!;
  const figures = reportFigures(broadcast);
  // Live like the cards: each time the broadcast's completed count moves, the chart asks again.
  const latest = useQuery({
    ...broadcastQueries.results(broadcastId, latestFirst),
    refetchInterval: running ? SLOW_REFRESH : false,
    refetchIntervalInBackground: false,
  });
  const refetchLatest = latest.refetch;
  useEffect(() => {
    if (running) void refetchLatest();
  }, [figures.completed, running, refetchLatest]);
  const lastCallTime = latest.data?.Items[0]?.LastCallTime ?? null;

  const checkpoints = useMemo(() => {
    const start = parseApiDate(broadcast.StartDate);
    const end = parseApiDate(lastCallTime);
    if (!start || !end || end.instant <= start.instant) return [];
    const from = start.instant.getTime();
    // The API writes whole seconds: the last call happened somewhere within its second.
    const span = end.instant.getTime() + 999 - from;
    return Array.from({ length: CHECKPOINTS + 1 }, (_, index) => {
      const at = new Date(Math.floor(from + (span * index) / CHECKPOINTS));
      return { instant: at, wallClock: new Date(at.getTime() + start.offsetMinutes * 60_000) };
    });
  }, [broadcast.StartDate, lastCallTime]);

  const queries: ListParams[] = checkpoints.map(({ instant }) => ({
    filters: [
      { field: 'CallStatus', op: 'eq', value: 'Completed' },
      { field: 'LastCallTime', op: 'lte', value: instant.toISOString() },
    ],
  }));
  const counts = useQuery({
    ...broadcastQueries.resultCounts(broadcastId, queries),
    enabled: queries.length > 0,
    placeholderData: keepPreviousData,
  });

  if (latest.isPending || (queries.length > 0 && counts.isPending)) {
    return <Skeleton variant="rounded" height={240} aria-label="Loading the progress chart" />;
  }
  if (queries.length === 0 || !counts.data || counts.data.length !== checkpoints.length) {
    return (
      <Box sx={{ height: 240, display: 'grid', placeItems: 'center', color: 'text.secondary' }}>
        <Typography variant="body2">{queries.length === 0 ? 'No calls have been made yet.' : 'Updating…'}</Typography>
      </Box>
    );
  }
  const multiDay = checkpoints.at(-1)!.instant.getTime() - checkpoints[0]!.instant.getTime() > 20 * 3_600_000;
  // Every number completed by now had its last call by the last checkpoint: the line ends on the Completed card's figure.
  const series = [...counts.data.slice(0, -1), figures.completed];
  return (
    <figure style={{ margin: 0 }}>
      <LineChart
        height={240}
        skipAnimation
        hideLegend
        margin={{ left: 8, right: 32, top: 16, bottom: 8 }}
        xAxis={[
          {
            data: checkpoints.map((point) => point.wallClock),
            scaleType: 'time',
            valueFormatter: (value: Date) => (multiDay ? dayAndTime : time).format(value),
            tickNumber: 5,
          },
        ]}
        yAxis={[{ min: 0, max: Math.max(broadcast.PhoneNumberCount, 1), valueFormatter: (value: number) => formatCount(value), width: 52 }]}
        series={[
          {
            data: series,
            label: 'Numbers completed',
            area: true,
            showMark: false,
            curve: 'monotoneX',
            color: 'var(--mui-palette-primary-main)',
            valueFormatter: (value) => (value === null ? '' : formatCount(value)),
          },
        ]}
        grid={{ horizontal: true }}
        sx={{ '& .MuiLineChart-area': { fillOpacity: 0.16 } }}
      />
      <Typography component="figcaption" variant="body2" color="textSecondary">
        {formatCount(figures.completed)} of {formatCount(figures.recipients)} numbers completed by{' '}
        {(multiDay ? dayAndTime : time).format(checkpoints.at(-1)!.wallClock)}, counted from each number&rsquo;s last call.
      </Typography>
    </figure>
  );
}
