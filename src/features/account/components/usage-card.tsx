import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { accountQueries } from '@/api/resources/account/account-queries.ts';
import type { AccountUsage } from '@contract/account.ts';
import { timeZoneForState } from '@contract/common.ts';
import { csvDocument } from '@contract/csv.ts';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { downloadCsv } from '@/utils/download-csv.ts';
import { formatCredits } from '@/utils/format-number.ts';
import { rangeEndingToday } from '../usage-range.ts';
import { MISSING } from '@/utils/missing.ts';

const RANGES = [7, 30, 90] as const;
type RangeDays = (typeof RANGES)[number];

/** What was spent, with the colour each kind keeps in both charts. */
const SPENDING = [
  { kind: 'Call', label: 'Calls', color: 'var(--mui-palette-primary-main)' },
  { kind: 'Text', label: 'Texts', color: 'var(--mui-palette-secondary-main)' },
  { kind: 'Transfer', label: 'Transfers', color: 'var(--mui-palette-warning-main)' },
] as const;

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const formatDay = (date: string | null) => (date ? dayLabel.format(new Date(`${date}T00:00:00Z`)) : MISSING);

function downloadUsage(usage: AccountUsage) {
  downloadCsv(
    `credit-usage-${usage.DateFrom}-to-${usage.DateTo}.csv`,
    csvDocument(
      ['Date', 'Calls', 'Texts', 'Transfers', 'Purchased'],
      usage.Days.map((day) => [day.Date, day.Call, day.Text, day.Transfer, day.Purchase]),
    ),
  );
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="overline" color="textSecondary" component="p">
        {label}
      </Typography>
      <Typography variant="h2" component="p">
        {value}
      </Typography>
    </Box>
  );
}

/** Credits by day and by kind for the last 7, 30 or 90 days (docs/decisions/0041-account-usage.md). */
export function UsageCard({ state }: { state: string }) {
  const [days, setDays] = useState<RangeDays>(30);
  // A phone's chart has room for about four day labels, a wide one for ten.
  const labels = useMediaQuery((theme) => theme.breakpoints.down('sm')) ? 4 : 10;
  const usage = useQuery(accountQueries.usage(rangeEndingToday(days, timeZoneForState(state))));
  const data = usage.data;
  const spentSomething = data ? data.CreditsUsed > 0 : false;

  return (
    <Card component="section" aria-labelledby="usage-title">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', mb: 2 }}>
          <Box>
            <Typography id="usage-title" variant="h3" component="h2">
              Credit usage
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {data ? `${formatDay(data.DateFrom)} – ${formatDay(data.DateTo)}` : 'Credits spent by day and by kind'}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <ToggleButtonGroup exclusive size="small" aria-label="Period" value={days} onChange={(_event, value: RangeDays | null) => value && setDays(value)}>
              {RANGES.map((range) => (
                <ToggleButton key={range} value={range} aria-label={`Last ${range} days`}>
                  {range} days
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Button size="small" startIcon={<DownloadOutlined />} disabled={!data} onClick={() => data && downloadUsage(data)}>
              CSV
            </Button>
          </Stack>
        </Stack>

        {usage.isError && <QueryErrorAlert title="The usage could not be loaded." error={usage.error} onRetry={() => void usage.refetch()} />}
        {usage.isPending && <Skeleton variant="rounded" height={300} aria-label="Loading the usage" />}
        {data && (
          <Stack spacing={2}>
            {data.Scope === 'OwnBroadcasts' && (
              <Alert severity="info" variant="outlined">
                Only your own broadcasts are counted; purchases are the account&apos;s.
              </Alert>
            )}
            <Stack direction="row" useFlexGap role="status" aria-live="polite" sx={{ flexWrap: 'wrap', columnGap: 4, rowGap: 1.5 }}>
              <Total label="Credits used" value={formatCredits(data.CreditsUsed)} />
              {SPENDING.map(({ kind, label }) => (
                <Total key={kind} label={label} value={formatCredits(data.Totals?.[kind])} />
              ))}
              <Total label="Purchased" value={formatCredits(data.CreditsPurchased)} />
            </Stack>
            {spentSomething ? (
              <Grid container spacing={2}>
                <Grid size={{ xs: 12, md: 8 }}>
                  <Typography variant="subtitle2" component="h3">
                    By day
                  </Typography>
                  <BarChart
                    height={280}
                    dataset={data.Days}
                    xAxis={[
                      {
                        scaleType: 'band',
                        dataKey: 'Date',
                        valueFormatter: (value: string) => formatDay(value),
                        tickLabelInterval: (_value, index) => data.Days.length <= labels || index % Math.ceil(data.Days.length / labels) === 0,
                      },
                    ]}
                    yAxis={[{ width: 48 }]}
                    series={SPENDING.map(({ kind, label, color }) => ({
                      dataKey: kind,
                      label,
                      color,
                      stack: 'credits',
                      valueFormatter: (value: number | null) => `${formatCredits(value ?? 0)} credits`,
                    }))}
                    margin={{ left: 0, right: 8 }}
                  />
                </Grid>
                <Grid size={{ xs: 12, md: 4 }}>
                  <Typography variant="subtitle2" component="h3">
                    By kind
                  </Typography>
                  <PieChart
                    height={280}
                    series={[
                      {
                        innerRadius: 60,
                        paddingAngle: 2,
                        cornerRadius: 4,
                        data: SPENDING.filter(({ kind }) => (data.Totals?.[kind] ?? 0) > 0).map(({ kind, label, color }) => ({
                          id: kind,
                          label,
                          color,
                          value: data.Totals?.[kind] ?? 0,
                        })),
                        valueFormatter: ({ value }) => `${formatCredits(value)} credits`,
                      },
                    ]}
                  />
                </Grid>
              </Grid>
            ) : (
              <EmptyState title="No credits spent in these days" description="Calls, texts and transfers show here as broadcasts run." />
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
