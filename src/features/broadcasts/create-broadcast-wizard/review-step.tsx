import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { BroadcastPlan } from '@contract/broadcast-plan.ts';
import { timeZoneForState } from '@contract/common.ts';
import { countSegments } from '@contract/sms-segments.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { timeZoneName } from '@/utils/dayjs.ts';
import { formatApiDateTime, parseApiDate } from '@/utils/format-date.ts';
import { formatCount, formatCountOf, formatCredits } from '@/utils/format-number.ts';
import { broadcastTypeOf, needsOf, typeWords, parsePastedNumbers, toCreateInput, type AudioChoice, type BroadcastDraft } from './broadcast-draft.ts';
import { describeCallingWindow, describeUnfinished } from './calling-window-text.ts';
import { describeSkipped } from './describe-skipped.ts';
import { describeStartTime } from './start-date.ts';
import { RecipientZones } from './recipient-zones.tsx';
import { timeOfDayText, withStartAt } from './recipient-zones.ts';
import { withZoneSplit } from './zone-split.ts';
import { DoubleSendWarning } from './double-send-warning.tsx';
import { STEP_FORM_ID, type WizardStepProps } from './wizard-step.ts';

/** Past this many numbers the review asks for a second look. */
const LARGE_AUDIENCE = 5000;

function describeAudio(audio: AudioChoice | null): string {
  if (!audio) return 'None';
  if (audio.source === 'phone') return 'Recorded by phone after sending: you get a number to call and a code';
  return audio.source === 'library' ? `“${audio.name}” from the library` : `Text to speech (${audio.voice}): “${audio.text}”`;
}

function describeRecipients(recipients: BroadcastDraft['recipients']): string[] {
  const pasted = parsePastedNumbers(recipients.pasted).valid.length;
  return [
    ...recipients.lists.map((list) => `List “${list.name}” (${formatCount(list.count)})`),
    ...(recipients.contacts.length > 0 ? [`${formatCount(recipients.contacts.length)} chosen contact${recipients.contacts.length === 1 ? '' : 's'}`] : []),
    ...(pasted > 0 ? [`${formatCount(pasted)} typed or pasted number${pasted === 1 ? '' : 's'}`] : []),
    ...recipients.files.map((file) => `File “${file.name}” (${formatCountOf(file.rows, 'person', 'people')})`),
    ...(recipients.carried ? [`${recipients.carried.label} (${formatCount(recipients.carried.people.length)})`] : []),
    ...(recipients.excluded.length > 0 ? [`minus ${formatCount(recipients.excluded.length)} excluded`] : []),
  ];
}

/** When it starts, as the sandbox's plan sees it: a scheduled time that has passed by now means "when sent". */
function describeStart(schedule: BroadcastDraft['schedule'], plan: BroadcastPlan | undefined, timeZone: string): string {
  if (schedule.startMode === 'now' || !schedule.startLocal) return 'As soon as it is sent';
  // In the zone it was picked in, and in the user's when that is another (decision 0158).
  const picked = describeStartTime(schedule.startLocal, timeZone, schedule.startZone);
  const planned = parseApiDate(plan?.StartDate)?.wallClock.toISOString().slice(0, 16);
  return planned !== undefined && planned > schedule.startLocal ? `${picked} has passed: it starts as soon as it is sent` : picked;
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'contents' }}>
      <Typography component="dt" variant="body2" color="textSecondary">
        {term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, mb: { xs: 1.25, sm: 0 }, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** The whole broadcast in plain words, its cost and its risks, and the exact request, before Send. */
export function ReviewStep({ draft, user, plan, save, next }: WizardStepProps) {
  const type = broadcastTypeOf(draft.type);
  const needs = needsOf(draft.type);
  const timeZone = timeZoneForState(user.State ?? '');
  const request = toCreateInput(draft);
  const { message, schedule } = draft;
  const segments = countSegments(message.textMessage.trim());
  const reached = plan ? plan.CallCount + plan.TextCount : 0;

  const warnings: string[] = [];
  if (plan?.StartsOutsideCallingWindow) warnings.push('It starts outside your calling window: calls wait until the window opens.');
  if (plan?.NotEnoughTimeToComplete) warnings.push(describeUnfinished(schedule));
  if (!schedule.checkCallingWindow && needs.voice) warnings.push('The calling window is ignored: calls may go out at any hour.');
  if (reached > LARGE_AUDIENCE) warnings.push(`This is a large broadcast: ${formatCount(reached)} numbers.`);

  return (
    <Box
      component="form"
      id={STEP_FORM_ID}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        next((current) => current);
      }}
    >
      <Stack spacing={3}>
        {plan && plan.MaxCreditCost > plan.AvailableCredits && (
          <Alert severity="error">
            This broadcast may cost up to {formatCredits(plan.MaxCreditCost)} credits, but only {formatCredits(plan.AvailableCredits)} are available. Add
            credits or reach fewer people.
          </Alert>
        )}
        <DoubleSendWarning draft={draft} user={user} />
        {warnings.length > 0 && (
          <Alert severity="warning" role="status">
            <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2 }}>
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </Stack>
          </Alert>
        )}
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { sm: '180px 1fr' }, columnGap: 3, rowGap: { xs: 0.25, sm: 1.5 }, m: 0 }}>
          <Row term="Name">{draft.type.name}</Row>
          <Row term="What">{typeWords[type]}</Row>
          <Row term="To">{describeRecipients(draft.recipients).join('; ')}</Row>
          {plan && (
            <Row term="Reach">
              {/* A text broadcast makes no calls, and says nothing of them. */}
              {needs.voice ? `${formatCountOf(plan.CallCount, 'call', 'calls')}${needs.text ? ' and ' : ''}` : ''}
              {needs.text ? formatCountOf(plan.TextCount, 'text', 'texts') : ''}
              {describeSkipped(plan.Skipped) ? ` (${describeSkipped(plan.Skipped)})` : ''}
            </Row>
          )}
          {needs.voice && <Row term="Call message">{describeAudio(message.audio)}</Row>}
          {needs.voice && message.voicemailAudio && <Row term="Voicemail message">{describeAudio(message.voicemailAudio)}</Row>}
          {needs.survey && (
            <Row term="Survey">
              {message.surveyQuestion ? `${message.surveyQuestion} ` : ''}
              {message.surveyOptions.map((option) => `${option.key} = ${option.label}`).join(', ')}
            </Row>
          )}
          {needs.voice && message.transfer.enabled && (
            <Row term="Transfer">
              Press {message.transfer.digit} to be connected to {formatPhoneNumber(message.transfer.number)}
            </Row>
          )}
          {needs.voice && <Row term="Caller ID">{formatPhoneNumber(message.callerId)}</Row>}
          {needs.text && (
            <Row term="Text">
              “{message.textMessage.trim()}” ({formatCount(segments.characters)} characters, {segments.encoding}, {plan?.TextSegments ?? segments.segments}{' '}
              segment{(plan?.TextSegments ?? segments.segments) === 1 ? '' : 's'} per text)
            </Row>
          )}
          <Row term="When">
            {draft.zoneSplit
              ? `One broadcast for each time zone, each at ${timeOfDayText(draft.zoneSplit.localStart)} their time`
              : describeStart(schedule, plan, timeZone)}
            {/* The API's times are the user's: named once the start was shown in another zone. */}
            {plan?.EstimatedCompletion && !draft.zoneSplit
              ? `; done around ${formatApiDateTime(plan.EstimatedCompletion)}${schedule.startZone === timeZone ? '' : ` ${timeZoneName(timeZone)}`}`
              : ''}
          </Row>
          {needs.voice && (
            <Row term="Delivery">
              {schedule.checkCallingWindow ? `Inside your calling window (${describeCallingWindow(user)})` : 'At any hour'}
              {schedule.checkCallingWindow ? (schedule.continueOnNextDay ? ', continuing the next day if needed' : ', for one day') : ''}; {schedule.retries}{' '}
              {schedule.retries === 1 ? 'retry' : 'retries'}; {schedule.callThrottle === 0 ? 'no limit on' : `at most ${schedule.callThrottle}`} calls at once;
              messages up to {schedule.maxMessageLength} s
            </Row>
          )}
          {plan && (
            <Row term="Cost">
              Up to {formatCredits(plan.MaxCreditCost)} credits (connected calls and sent texts only), {formatCredits(plan.AvailableCredits)} available
            </Row>
          )}
        </Box>
        {/* Each recipient's local time, and one click to keep them inside the sending hours (decision 0182). */}
        <RecipientZones
          draft={draft}
          plan={plan}
          userZone={timeZone}
          onStartAt={(startLocal) => save((current) => withStartAt(current, startLocal))}
          onSplit={(split) => save((current) => withZoneSplit(current, split))}
        />
        <Accordion variant="outlined" disableGutters sx={{ borderRadius: 2, '&::before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMoreOutlined />}>
            <Typography variant="body2">The request sent to the API</Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Box
              component="pre"
              aria-label="Create Broadcast request"
              sx={{ m: 0, p: 2, borderRadius: 1, bgcolor: 'action.hover', fontSize: 12, overflow: 'auto', maxHeight: 320 }}
            >
              {JSON.stringify(request, null, 2)}
            </Box>
          </AccordionDetails>
        </Accordion>
      </Stack>
    </Box>
  );
}
