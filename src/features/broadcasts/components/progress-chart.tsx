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
import { progressSeries } from '../progress-series.ts';
import { reportFigures } from '../report-figures.ts';

const SLOW_REFRESH = 30_000;
const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' });
const dayAndTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });

/** The newest completions, as many as one page holds: the whole curve in one request (decision 0021). */
const latestCompletions: ListParams = {
  page: 1,
  pageSize: 1000,
  filters: [{ field: 'CallStatus', op: 'eq', value: 'Completed' }],
  sort: [{ field: 'LastCallTime', desc: true }],
};

/**
 * Numbers completed over time (docs/decisions/0021-report-figures-and-progress.md): the API keeps no history, but each
 * number's last call time is when it finished, so one page of the latest completions draws the curve.
 */
export function ProgressChart({ broadcast, running }: { broadcast: Broadcast; running: boolean }) {
  const broadcastId = broadcastIdOf(broadcast)!;
  const figures = reportFigures(broadcast);
  // Live like the cards: each time the broadcast's completed count moves, the chart asks again.
  const completions = useQuery({
    ...broadcastQueries.results(broadcastId, latestCompletions),
    refetchInterval: running ? SLOW_REFRESH : false,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
  });
  const refetch = completions.refetch;
  useEffect(() => {
    if (running) void refetch();
  }, [figures.completed, running, refetch]);

  const series = useMemo(() => {
    const startedAt = parseApiDate(broadcast.StartDate)?.instant;
    if (!startedAt || !completions.data) return null;
    const latest = completions.data.Items.flatMap((item) => parseApiDate(item.LastCallTime)?.instant ?? []);
    return progressSeries(startedAt, latest, completions.data.Size);
  }, [broadcast.StartDate, completions.data]);
  const start = parseApiDate(broadcast.StartDate);

  if (completions.isPending) return <Skeleton variant="rounded" height={240} aria-label="Loading the progress chart" />;
  if (!series || !start) {
    return (
      <Box sx={{ height: 240, display: 'grid', placeItems: 'center', color: 'text.secondary' }}>
        <Typography variant="body2">{completions.isError ? 'The progress could not be loaded.' : 'No calls have been made yet.'}</Typography>
      </Box>
    );
  }
  const wallClock = (instant: Date) => new Date(instant.getTime() + start.offsetMinutes * 60_000);
  const checkpoints = series.at.map(wallClock);
  const multiDay = checkpoints.at(-1)!.getTime() - checkpoints[0]!.getTime() > 20 * 3_600_000;
  // Every number completed by now had its last call by the last moment: the line ends on the Completed card's figure.
  const completed = [...series.completed.slice(0, -1), figures.completed];
  const format = multiDay ? dayAndTime : time;
  return (
    <figure style={{ margin: 0 }}>
      <LineChart
        height={240}
        skipAnimation
        hideLegend
        margin={{ left: 8, right: 32, top: 16, bottom: 8 }}
        xAxis={[
          {
            data: checkpoints,
            scaleType: 'time',
            valueFormatter: (value: Date) => format.format(value),
            tickNumber: 5,
          },
        ]}
        yAxis={[{ min: 0, max: Math.max(broadcast.PhoneNumberCount, 1), valueFormatter: (value: number) => formatCount(value), width: 52 }]}
        series={[
          {
            data: completed,
            connectNulls: true,
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
        {formatCount(figures.completed)} of {formatCount(figures.recipients)} numbers completed by {format.format(checkpoints.at(-1)!)}, counted from each
        number&rsquo;s last call.
        {series.joinedBefore &&
          ` Before ${format.format(wallClock(series.joinedBefore))} the line is drawn straight: only the latest ${formatCount(latestCompletions.pageSize!)} are read.`}
      </Typography>
    </figure>
  );
}
