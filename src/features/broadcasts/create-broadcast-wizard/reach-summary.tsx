import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { BroadcastPlan } from '@contract/broadcast-plan.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { formatCount, formatCredits } from '@/utils/format-number.ts';
import { describeSkipped } from './describe-skipped.ts';
import { formatMinutes } from './format-minutes.ts';
import type { ReachEstimate } from './estimate-reach.ts';

function Figure({ icon, value, label }: { icon: ReactNode; value: string; label: string }) {
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
      <Box sx={{ color: 'primary.main', display: 'flex' }}>{icon}</Box>
      <Box>
        <Typography variant="h2" component="p" sx={{ fontSize: '1.5rem', lineHeight: 1.2 }}>
          {value}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {label}
        </Typography>
      </Box>
    </Stack>
  );
}

export interface ReachSummaryProps {
  plan: BroadcastPlan | undefined;
  loading: boolean;
  /** Why no plan could be made (e.g. nobody reachable), in the API's words. */
  error: string | null;
  hasRecipients: boolean;
  /** Worked out here when the API has no preview route (decision 0132); shown, marked, when there is no plan. */
  estimate?: ReachEstimate | undefined;
  /** The API previews broadcasts, but not this draft yet: its message is still to be written. */
  previewOnceWritten?: boolean;
  /** More about the recipients, below the figures (the merge fields and the message preview). */
  children?: ReactNode;
  /** The zone the finish time is in, named when the start was picked in another zone (the review says the same). */
  finishZoneName?: string | null;
  /** Sent one broadcast a time zone (decision 0198): each part starts at its own time, so no one finish is shown. */
  splitByZone?: boolean;
}

/** The estimate's figures, said to be one: the API was not asked. */
function EstimatedReach({ estimate, previewOnceWritten }: { estimate: ReachEstimate; previewOnceWritten: boolean }) {
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <Figure icon={<PhoneInTalkOutlined />} value={formatCount(estimate.CallCount)} label={estimate.CallCount === 1 ? 'call at most' : 'calls at most'} />
        <Figure icon={<SmsOutlined />} value={formatCount(estimate.TextCount)} label={estimate.TextCount === 1 ? 'text at most' : 'texts at most'} />
      </Stack>
      <Divider />
      <Typography variant="body2">
        Up to <strong>{formatCredits(estimate.MaxCreditCost)}</strong> credits
        {estimate.AvailableCredits !== null ? ` of ${formatCredits(estimate.AvailableCredits)} available` : ''}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {previewOnceWritten
          ? 'An estimate from the list sizes, files and numbers: the exact figures, without opt-outs and duplicates, come once the message is written.'
          : 'An estimate from the list sizes, files, numbers and message: this API does not preview broadcasts, so opt-outs and duplicates are not taken off.'}
      </Typography>
    </Stack>
  );
}

/** The live line of who will be reached, what it costs and when it ends, beside every step. */
export function ReachSummary({
  plan,
  loading,
  error,
  hasRecipients,
  estimate,
  previewOnceWritten = false,
  children,
  finishZoneName = null,
  splitByZone = false,
}: ReachSummaryProps) {
  return (
    <Card component="aside" aria-labelledby="reach-title" sx={{ position: { lg: 'sticky' }, top: { lg: 88 } }}>
      {loading && <LinearProgress aria-label="Updating the estimate" sx={{ height: 2 }} />}
      <CardContent>
        <Typography id="reach-title" variant="overline" color="textSecondary" component="h2">
          Who it reaches
        </Typography>
        <Box aria-live="polite" sx={{ mt: 1 }}>
          {!hasRecipients ? (
            <Typography variant="body2" color="textSecondary">
              Choose recipients to see how many people this reaches, what it costs and how long it takes.
            </Typography>
          ) : error ? (
            <Alert severity="error">{error}</Alert>
          ) : !plan && estimate ? (
            <EstimatedReach estimate={estimate} previewOnceWritten={previewOnceWritten} />
          ) : !plan ? (
            <Stack spacing={1}>
              <Skeleton width="60%" height={36} />
              <Skeleton width="40%" />
            </Stack>
          ) : (
            <Stack spacing={2}>
              <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                <Figure icon={<PhoneInTalkOutlined />} value={formatCount(plan.CallCount)} label={plan.CallCount === 1 ? 'call' : 'calls'} />
                <Figure icon={<SmsOutlined />} value={formatCount(plan.TextCount)} label={plan.TextCount === 1 ? 'text' : 'texts'} />
              </Stack>
              {describeSkipped(plan.Skipped) && (
                <Typography variant="body2" color="textSecondary">
                  {describeSkipped(plan.Skipped)}
                </Typography>
              )}
              <Divider />
              <Box>
                <Typography variant="body2">
                  Up to <strong>{formatCredits(plan.MaxCreditCost)}</strong> credits of {formatCredits(plan.AvailableCredits)} available
                </Typography>
                <LinearProgress
                  variant="determinate"
                  aria-label="Share of the available credits"
                  value={Math.min(100, plan.AvailableCredits > 0 ? (plan.MaxCreditCost / plan.AvailableCredits) * 100 : 100)}
                  color={plan.MaxCreditCost > plan.AvailableCredits ? 'error' : 'primary'}
                  sx={{ mt: 1, height: 6, borderRadius: 3 }}
                />
              </Box>
              <Typography variant="body2">
                {splitByZone
                  ? `Each time zone’s part takes at most about ${formatMinutes(plan.EstimatedDuration)}`
                  : `About ${formatMinutes(plan.EstimatedDuration)}`}
                {plan.EstimatedCompletion && !splitByZone
                  ? `, done around ${formatApiDateTime(plan.EstimatedCompletion)}${finishZoneName ? ` ${finishZoneName}` : ''}`
                  : ''}
              </Typography>
              {plan.FailedContacts.length > 0 && (
                <Typography variant="body2" color="warning">
                  {formatCount(plan.FailedContacts.length)} contact{plan.FailedContacts.length === 1 ? ' has' : 's have'} no valid number.
                </Typography>
              )}
            </Stack>
          )}
        </Box>
        {children && <Box sx={{ mt: 2 }}>{children}</Box>}
      </CardContent>
    </Card>
  );
}
