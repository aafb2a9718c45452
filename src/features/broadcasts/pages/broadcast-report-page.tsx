import SearchOffOutlined from '@mui/icons-material/SearchOffOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { isApiError } from '@/api/api-error.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import type { Filter, ListParams } from '@/api/list-params.ts';
import type { Broadcast } from '@contract/broadcast.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { StatCard } from '@/components/data-display/stat-card.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { LiveRegion } from '@/components/feedback/live-region.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { useListSearchParams, type ListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatApiDateTime, formatApiRelative, parseApiDate } from '@/utils/format-date.ts';
import { formatCount, formatCredits } from '@/utils/format-number.ts';
import {
  NO_RESULT,
  categoryOf,
  channelLabels,
  channelOf,
  isCombo,
  liveRefreshInterval,
  resultFieldOf,
  resultGroupsOf,
  statusFieldOf,
  typeLabels,
  resultFilters,
  surveyLabelsOf,
  type Channel,
  type ResultFilter,
} from '../broadcast-display.ts';
import { BroadcastActions } from '../components/broadcast-actions.tsx';
import { BroadcastResultsGrid } from '../components/broadcast-results-grid.tsx';
import { BroadcastStatusChip } from '../components/broadcast-status-chip.tsx';
import { ProgressChart } from '../components/progress-chart.tsx';
import { RecordingInstruction } from '../components/recording-instruction.tsx';
import { ResultBreakdown } from '../components/result-breakdown.tsx';
import { SurveyAnswersChart } from '../components/survey-answers-chart.tsx';
import { UndoSendBanner } from '../components/undo-send-banner.tsx';
import { ZoneGroupCard } from '../components/zone-group-card.tsx';
import { progressStep, reportFigures, type ReportFigures } from '../report-figures.ts';
import { SectionCard } from '@/components/layout/section-card.tsx';
import { BackLink } from '@/components/layout/back-link.tsx';
import { MISSING, textOr } from '@/utils/missing.ts';
import { whenIdle } from '@/utils/when-idle.ts';

function resultParams(list: ListSearchParams<ResultFilter>, channel: Channel): ListParams {
  const filters: Filter[] = [];
  const { result, status, answer } = list.filters;
  if (result) filters.push({ field: resultFieldOf(channel), op: 'eq', value: result === NO_RESULT ? '' : result });
  if (status) filters.push({ field: statusFieldOf(channel), op: 'eq', value: status });
  if (answer) filters.push({ field: 'SurveyResult', op: 'eq', value: answer });
  return { page: list.page, pageSize: list.pageSize, sort: list.sort ? [list.sort] : undefined, search: list.search, filters };
}

function minutesBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  const start = parseApiDate(from);
  const end = parseApiDate(to);
  return start && end ? Math.max(0, Math.round((end.instant.getTime() - start.instant.getTime()) / 60_000)) : null;
}

function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** The fourth headline figure: when it starts, when it should finish, or when it finished. */
function TimingCard({ broadcast }: { broadcast: Broadcast }) {
  const category = categoryOf(broadcast);
  if (category === 'Scheduled') {
    return <StatCard dense label="Starts" value={formatApiDateTime(broadcast.StartDate)} hint={formatApiRelative(broadcast.StartDate)} />;
  }
  if (category === 'Paused') {
    return <StatCard dense label="Paused" value="Waiting to resume" hint={`Started ${formatApiDateTime(broadcast.StartDate)}`} />;
  }
  if (category === 'InProgress') {
    return (
      <StatCard
        dense
        label="Estimated finish"
        value={broadcast.EstimatedCompletion ? formatApiDateTime(broadcast.EstimatedCompletion) : 'Working it out…'}
        hint={`Started ${formatApiDateTime(broadcast.StartDate)}`}
      />
    );
  }
  const took = minutesBetween(broadcast.StartDate, broadcast.CompletedDate);
  // Canceled (or expired) before its start: it has a start date but never started.
  const start = parseApiDate(broadcast.StartDate);
  const end = parseApiDate(broadcast.CompletedDate);
  const neverStarted = category !== 'Completed' && broadcast.TotalCompleted === 0 && (!start || !end || start.instant.getTime() >= end.instant.getTime());
  return (
    <StatCard
      dense
      label={category === 'Completed' ? 'Finished' : category === 'Canceled' ? 'Canceled' : 'Expired'}
      value={formatApiDateTime(broadcast.CompletedDate) || '—'}
      hint={
        neverStarted
          ? `Never started (it was to start ${formatApiDateTime(broadcast.StartDate)})`
          : `Started ${formatApiDateTime(broadcast.StartDate)}${took !== null ? ` · took ${durationText(took)}` : ''}`
      }
    />
  );
}

/**
 * The header's screen-reader progress: the Completed card's figure, always current, but spoken only when the broadcast
 * enters another tenth of the way, so a screen reader hears it move without hearing every refresh.
 */
function ProgressAnnouncement({ figures, running, completed }: { figures: ReportFigures; running: boolean; completed: boolean }) {
  const step = progressStep(figures);
  const [spokenStep, setSpokenStep] = useState(step);
  // Once the new tenth has been said (the commit after it showed), later refreshes within it change the text quietly.
  useEffect(() => {
    const said = setTimeout(() => setSpokenStep(step));
    return () => clearTimeout(said);
  }, [step]);
  const text = running ? `${figures.completedShareText} done` : completed ? 'All done' : '';
  return <LiveRegion label="Broadcast progress" quiet={running && step === spokenStep} announcement={{ text, id: step }} />;
}

/** The text that went out, and what came back: delivery, replies (in the conversations) and opt-outs. */
function TextOutcomes({ broadcast, broadcastId }: { broadcast: Broadcast; broadcastId: number }) {
  const figures = reportFigures(broadcast);
  return (
    <Stack spacing={2.5}>
      <div>
        <Typography variant="overline" color="textSecondary" component="h3">
          Message{broadcast.TextPhoneNumber ? ` from ${formatPhoneNumber(broadcast.TextPhoneNumber)}` : ''}
        </Typography>
        <Box
          sx={{
            mt: 0.5,
            px: 1.75,
            py: 1.25,
            maxWidth: 560,
            borderRadius: '16px 16px 16px 4px',
            bgcolor: 'action.hover',
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
          }}
        >
          <Typography variant="body2">{broadcast.TextMessage}</Typography>
        </Box>
        {broadcast.HasCustomField && (
          <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 0.75 }}>
            Personalised for each number: the text each one got is in its row below.
          </Typography>
        )}
      </div>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard
            label="Delivered"
            value={figures.recipients === 0 ? '—' : figures.deliveredShareText}
            hint={`${formatCount(figures.delivered)} of ${formatCount(figures.recipients)} numbers`}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard
            label="Replies"
            value={formatCount(broadcast.TextReplies ?? 0)}
            hint={
              <Link component={RouterLink} to={paths.conversations.inbox.href({ broadcast: String(broadcastId) })}>
                Open the conversations
              </Link>
            }
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard label="Opted out" value={formatCount(broadcast.TextOptedOut ?? 0)} hint="Replied STOP" />
        </Grid>
      </Grid>
    </Stack>
  );
}

/** Links between a combo's call half and text half. */
function ComboHalves({ broadcast, otherHalf, channel }: { broadcast: Broadcast; otherHalf: Broadcast | undefined; channel: Channel }) {
  const ids: Record<Channel, number> = { Call: broadcast.CallBroadcastID!, Text: broadcast.TextBroadcastID! };
  const counts: Record<Channel, number | undefined> = {
    Call: channel === 'Call' ? broadcast.PhoneNumberCount : otherHalf?.PhoneNumberCount,
    Text: channel === 'Text' ? broadcast.PhoneNumberCount : otherHalf?.PhoneNumberCount,
  };
  return (
    <Tabs value={channel} aria-label="Parts of this broadcast" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
      {(['Call', 'Text'] as const).map((half) => (
        <Tab
          key={half}
          value={half}
          component={RouterLink}
          to={paths.broadcasts.report.href(ids[half])}
          label={counts[half] === undefined ? channelLabels[half] : `${channelLabels[half]} · ${formatCount(counts[half])}`}
        />
      ))}
    </Tabs>
  );
}

export function BroadcastReportPage() {
  const params = useParams();
  const broadcastId = Number(params.broadcastId);
  const valid = Number.isInteger(broadcastId) && broadcastId > 0;
  const list = useListSearchParams<ResultFilter>({ filters: resultFilters });
  const session = useQuery(sessionQueries.current());
  // "Send again" and Duplicate open the wizard: its code loads while the report is read, not after the click.
  useEffect(() => whenIdle(() => void import('./broadcast-create-page.tsx')), []);

  const query = useQuery({
    ...broadcastQueries.detail(broadcastId),
    enabled: valid,
    // Live while it runs; the polling stops by itself once it finishes, and never runs in a hidden tab.
    refetchInterval: (current) => liveRefreshInterval(current.state.data ? [current.state.data] : []),
    refetchIntervalInBackground: false,
  });
  const broadcast = query.data;
  const channel = broadcast ? channelOf(broadcast) : 'Call';
  const otherId = broadcast && isCombo(broadcast) ? (channel === 'Call' ? broadcast.TextBroadcastID! : broadcast.CallBroadcastID!) : 0;
  const other = useQuery({
    ...broadcastQueries.detail(otherId),
    enabled: otherId > 0,
    refetchInterval: (current) => liveRefreshInterval(current.state.data ? [current.state.data] : []),
    refetchIntervalInBackground: false,
  });

  if (!valid || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <PageContainer title="Broadcast not found">
        <EmptyState
          icon={<SearchOffOutlined />}
          title="This broadcast does not exist, or you cannot see it"
          description="It may have been deleted, or it belongs to someone whose broadcasts you cannot see."
          action={
            <Button variant="contained" component={RouterLink} to={paths.broadcasts.list.href()}>
              All broadcasts
            </Button>
          }
        />
      </PageContainer>
    );
  }

  const back = <BackLink to={paths.broadcasts.list.href()}>Broadcasts</BackLink>;
  if (!broadcast) {
    return (
      <PageContainer title="Broadcast report" eyebrow={back}>
        {query.isError ? (
          <QueryErrorAlert title="The broadcast could not be loaded." error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Stack spacing={2} aria-label="Loading the broadcast">
            <Skeleton variant="rounded" height={120} />
            <Skeleton variant="rounded" height={280} />
          </Stack>
        )}
      </PageContainer>
    );
  }

  const category = categoryOf(broadcast);
  const running = category === 'InProgress';
  const refetchInterval = liveRefreshInterval([broadcast]);
  const groups = resultGroupsOf(broadcast);
  const selectedResult = list.filters.result ? (list.filters.result === NO_RESULT ? '' : list.filters.result) : null;
  const selectResult = (value: string | null) => list.setFilters({ result: value === null ? null : value || NO_RESULT, status: null, answer: null });
  const figures = reportFigures(broadcast);
  const noFilter = !list.filters.result && !list.filters.status && !list.filters.answer && !list.search;
  const ownerName = `${broadcast.User?.FirstName ?? ''} ${broadcast.User?.LastName ?? ''}`.trim();
  const owner = broadcast.User?.UserID === session.data?.UserID ? 'you' : ownerName || `user ${broadcast.User?.UserID ?? 'unknown'}`;
  const survey = broadcast.SurveyResponses !== undefined && broadcast.SurveyResponses !== null;
  // A combo's call half carries it: either half's report shows it.
  const recordingInstruction = broadcast.MessageRecordingInstruction || other.data?.MessageRecordingInstruction || null;

  return (
    <PageContainer
      title={textOr(broadcast.BroadcastName)}
      eyebrow={back}
      description={
        <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 0.5 }}>
          <span role="status" aria-live="polite" aria-label="Broadcast status">
            <BroadcastStatusChip category={category} />
          </span>
          {/* Progress in steps of 10%, so a screen reader hears it move without hearing every refresh. */}
          <ProgressAnnouncement figures={figures} running={running} completed={category === 'Completed'} />
          <span>
            {broadcast.BroadcastType ? typeLabels[broadcast.BroadcastType] : MISSING}
            {isCombo(broadcast) ? ` (${channelLabels[channel].toLowerCase()})` : ''} · created by {owner} · #{broadcastId}
          </span>
          {running && (
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, color: 'primary.main', fontWeight: 500 }}>
              <Box
                component="span"
                aria-hidden
                sx={{
                  width: 8,
                  height: 8,
                  borderRadius: '50%',
                  bgcolor: 'primary.main',
                  '@keyframes live-pulse': { '50%': { opacity: 0.3 } },
                  animation: 'live-pulse 1.6s ease-in-out infinite',
                  '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
                }}
              />
              Live
            </Box>
          )}
        </Box>
      }
      actions={<BroadcastActions broadcast={broadcast} broadcastId={broadcastId} otherHalf={other.data} />}
    >
      <UndoSendBanner broadcastId={broadcastId} />
      {recordingInstruction && <RecordingInstruction instruction={recordingInstruction} />}
      {isCombo(broadcast) && <ComboHalves broadcast={broadcast} otherHalf={other.data} channel={channel} />}
      <ZoneGroupCard broadcastId={broadcastId} />

      <Box component="section" aria-labelledby="summary-heading" sx={{ mb: 3 }}>
        <Typography id="summary-heading" component="h2" sx={visuallyHidden}>
          Summary
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatCard
              label="Recipients"
              value={formatCount(broadcast.PhoneNumberCount)}
              hint={channel === 'Call' ? 'Phone numbers to call' : 'Phone numbers to text'}
              onClick={() => list.setFilters({ result: null, status: null, answer: null })}
              selected={noFilter}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatCard
              label="Completed"
              value={formatCount(figures.completed)}
              hint={`${figures.completedShareText} · ${formatCount(figures.notFinished)} not finished`}
              footer={
                <LinearProgress
                  variant="determinate"
                  value={figures.completedShare}
                  color={category === 'Paused' ? 'warning' : category === 'Completed' ? 'success' : 'primary'}
                  aria-label={`${figures.completedShareText} completed`}
                  sx={{ height: 6, borderRadius: 3 }}
                />
              }
              onClick={() => list.setFilters({ result: null, status: 'Completed', answer: null })}
              selected={list.filters.status === 'Completed' && !list.filters.result}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <StatCard
              label="Credits used"
              value={formatCredits(broadcast.CreditsUsed ?? 0)}
              hint={
                category === 'Completed' || category === 'Canceled' || category === 'Expired'
                  ? channel === 'Call'
                    ? 'Connected calls only'
                    : 'Texts handed to the carrier'
                  : `Up to ${formatCredits(broadcast.MaxCreditCost ?? 0)} reserved`
              }
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
            <TimingCard broadcast={broadcast} />
          </Grid>
        </Grid>
      </Box>

      <Grid container spacing={2} sx={{ mb: 3 }}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <SectionCard title="Results">
            <ResultBreakdown groups={groups} total={broadcast.PhoneNumberCount} selected={selectedResult} onSelect={selectResult} />
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          {channel === 'Call' ? (
            <SectionCard title="Progress over time">
              <ProgressChart broadcast={broadcast} running={running} />
            </SectionCard>
          ) : (
            <SectionCard title="Message and replies">
              <TextOutcomes broadcast={broadcast} broadcastId={broadcastId} />
            </SectionCard>
          )}
        </Grid>
        {survey && (
          <Grid size={12}>
            <SectionCard title="Survey answers">
              <SurveyAnswersChart
                responses={broadcast.SurveyResponses ?? {}}
                labels={surveyLabelsOf(broadcast)}
                question={broadcast.Survey?.Question}
                answeredCalls={broadcast.LivePersonTotal ?? 0}
                selected={list.filters.answer || null}
                onSelect={(key) => list.setFilters({ answer: key, result: null, status: null })}
              />
            </SectionCard>
          </Grid>
        )}
      </Grid>

      <Box component="section" aria-labelledby="results-heading">
        <Typography id="results-heading" variant="h3" component="h2" sx={{ mb: 2 }}>
          Results by number
        </Typography>
        <BroadcastResultsGrid
          broadcast={broadcast}
          broadcastId={broadcastId}
          channel={channel}
          groups={groups}
          list={list}
          params={resultParams(list, channel)}
          refetchInterval={refetchInterval}
        />
      </Box>
    </PageContainer>
  );
}
