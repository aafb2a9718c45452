import AccessTimeOutlined from '@mui/icons-material/AccessTimeOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import type { BroadcastPlan } from '@contract/broadcast-plan.ts';
import type { TimeOfDay } from '@contract/common.ts';
import { useSendingSettings } from '@/api/sending-settings.ts';
import { appNow } from '@/utils/app-clock.ts';
import { dayjs, timeZoneName } from '@/utils/dayjs.ts';
import { formatCount, formatCountOf } from '@/utils/format-number.ts';
import { needsOf, type BroadcastDraft } from './broadcast-draft.ts';
import { clockText, earliestStartInside, groupByZone, timeOfDayText, zoneWindow } from './recipient-zones.ts';
import { LOCAL_FORMAT, hasPassed, localToInstant, type LocalDateTime } from './start-date.ts';
import { useRecipientNumbers } from './use-recipient-numbers.ts';
import { canSplit } from './zone-split-people.ts';
import { partsDay, splitLocalStart, splitStartIn } from './zone-split.ts';

export interface RecipientZonesProps {
  draft: BroadcastDraft;
  plan: BroadcastPlan | undefined;
  /** The user's zone, which `startLocal` is in (decision 0158). */
  userZone: string;
  /** Schedules the broadcast for this wall-clock time in the user's zone. */
  onStartAt: (startLocal: LocalDateTime) => void;
  /** Sends it one broadcast a time zone, each at a local time on a day; `null` sends it as one again (decision 0198). */
  onSplit: (split: { localStart: TimeOfDay } | null) => void;
}

/** When the broadcast starts, as an instant: the scheduled time, or now when it is sent at once or that time has passed. */
function startInstant(schedule: BroadcastDraft['schedule'], userZone: string, now: number): number {
  if (schedule.startMode !== 'later' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(schedule.startLocal)) return now;
  return hasPassed(schedule.startLocal, userZone, now) ? now : localToInstant(schedule.startLocal, userZone);
}

/**
 * The recipients by time zone, with the local time the broadcast would start and end for each, the zones it would
 * reach in their quiet hours, and one click to a start that keeps everyone inside the sending hours (decision 0182).
 */
export function RecipientZones({ draft, plan, userZone, onStartAt, onSplit }: RecipientZonesProps) {
  const { settings } = useSendingSettings();
  const hours = useMemo(() => ({ start: settings.LocalSendingStart, end: settings.LocalSendingEnd }), [settings]);
  const recipients = useRecipientNumbers(draft, true);
  const now = appNow();
  const start = startInstant(draft.schedule, userZone, now);
  // Minutes; unknown until the API previews the written broadcast (and never without the preview route).
  const duration = plan?.EstimatedDuration ?? null;
  // The next quarter hour stands for "now" in what is worked out once: it changes four times an hour, not every render.
  const quarter = Math.ceil(start / 900_000) * 900_000;
  const count = useMemo(() => groupByZone(recipients.numbers, quarter), [recipients.numbers, quarter]);
  const zonesShown = count.groups.map((group) => group.zone);
  // Split, the day moves on at Send once the local start has passed somewhere: shown as it will be sent.
  const split = draft.zoneSplit ? { ...draft.zoneSplit, day: partsDay(draft, zonesShown, userZone, now) } : null;
  // Split, each zone starts at the local start there.
  const rows = count.groups.map((group) => ({
    ...group,
    window: zoneWindow(group.zone, split ? splitStartIn(split, group.zone) : start, duration ?? 0, hours),
  }));
  const flagged = rows.filter((row) => row.window.outside);
  const anyFlagged = flagged.length > 0;
  const better = useMemo(
    () =>
      anyFlagged
        ? earliestStartInside(
            count.groups.map((group) => group.zone),
            quarter,
            duration ?? 0,
            hours,
          )
        : null,
    [anyFlagged, count, quarter, duration, hours],
  );
  const sendingHours = `${timeOfDayText(hours.start)} and ${timeOfDayText(hours.end)}`;
  const shownZone = draft.schedule.startZone;
  // The other fix: each zone at one local time, on the draft's day (or the next, once that time has passed somewhere).
  const splitOffer =
    anyFlagged && split === null && count.groups.length > 1 && canSplit(draft) ? { localStart: splitLocalStart(start, userZone, duration ?? 0, hours) } : null;
  const betterText =
    better === null
      ? ''
      : `${dayjs(better)
          .tz(shownZone)
          .format(dayjs(better).tz(shownZone).isSame(dayjs(start).tz(shownZone), 'day') ? 'h:mm A' : 'ddd, MMM D, h:mm A')} ${timeZoneName(shownZone)}`;

  return (
    <Box component="section" aria-labelledby="recipient-zones-title" sx={{ pt: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <AccessTimeOutlined fontSize="small" color="action" />
        <Typography id="recipient-zones-title" variant="subtitle2" component="h3">
          Their local time
        </Typography>
      </Stack>
      {recipients.reading && (
        <Box sx={{ mb: 1 }}>
          <Typography variant="body2" color="textSecondary">
            Reading the lists’ numbers: {formatCount(recipients.reading.read)} of {formatCountOf(recipients.reading.of, 'person', 'people')}
          </Typography>
          <LinearProgress
            variant="determinate"
            aria-label="Reading the lists’ numbers"
            value={recipients.reading.of > 0 ? (recipients.reading.read / recipients.reading.of) * 100 : 0}
            sx={{ mt: 0.5, height: 4, borderRadius: 2 }}
          />
        </Box>
      )}
      {recipients.error && (
        <Typography variant="body2" color="warning" sx={{ mb: 1 }}>
          A list’s numbers could not be read, so its people are not placed in time zones.
        </Typography>
      )}
      {rows.length > 0 && (
        <Stack component="ul" aria-label="Recipients by time zone" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {rows.map((row) => (
            <Box component="li" key={row.zone}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 0.5 }}>
                <Typography variant="body2">
                  <strong>{row.name}</strong> · {formatCountOf(row.count, 'number', 'numbers')}
                </Typography>
                {row.window.outside && <Chip size="small" color="warning" variant="outlined" label="Quiet hours" />}
              </Stack>
              {row.alsoNames.length > 0 && (
                <Typography variant="caption" color="textSecondary" component="p">
                  Same clock as {row.alsoNames.join(', ')}
                </Typography>
              )}
              <Typography variant="body2" color="textSecondary">
                {duration === null
                  ? `Starts ${clockText(row.window.start, row.window.start)} their time`
                  : `${clockText(row.window.start, row.window.start)} – ${clockText(row.window.end, row.window.start)} their time`}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
      {split !== null && (
        <Alert severity="info" sx={{ mt: 1.5 }} role="status">
          Sent as one broadcast for each time zone, each starting at {timeOfDayText(split.localStart)} their time on{' '}
          {dayjs(split.day, 'YYYY-MM-DD').format('ddd, MMM D')}.{/* The API's calling window is the user's, in the user's zone (decision 0198). */}
          {needsOf(draft.type).voice && draft.schedule.checkCallingWindow && (
            <Box sx={{ mt: 0.5 }}>Calls also keep to your calling window, in your time zone: it can hold a far zone’s calls until it opens.</Box>
          )}
          {split.fixedDay === null && (
            <Button size="small" variant="outlined" color="inherit" sx={{ display: 'flex', mt: 1 }} onClick={() => onSplit(null)}>
              Send as one broadcast
            </Button>
          )}
        </Alert>
      )}
      {split === null && rows.length > 0 && flagged.length === 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          Everyone is reached between {sendingHours}, their time.
        </Typography>
      )}
      {split === null && flagged.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1.5 }} role="status">
          {formatCountOf(
            flagged.reduce((sum, row) => sum + row.count, 0),
            'number',
            'numbers',
          )}{' '}
          in {flagged.length <= 2 ? flagged.map((row) => row.name).join(' and ') : `${flagged.length} time zones`} would be reached outside {sendingHours},
          their time.
          {better !== null ? (
            <Button
              size="small"
              variant="outlined"
              color="inherit"
              sx={{ display: 'flex', mt: 1 }}
              onClick={() => onStartAt(dayjs(better).tz(userZone).format(LOCAL_FORMAT))}
            >
              Start at {betterText}
            </Button>
          ) : (
            <Box sx={{ mt: 0.5 }}>No one start keeps everyone inside these hours: the time zones are too far apart for a broadcast this long.</Box>
          )}
          {splitOffer && (
            <Button size="small" variant="outlined" color="inherit" sx={{ display: 'flex', mt: 1 }} onClick={() => onSplit(splitOffer)}>
              Send in each zone at {timeOfDayText(splitOffer.localStart)} their time
            </Button>
          )}
        </Alert>
      )}
      <Stack spacing={0.5} sx={{ mt: 1 }}>
        {duration === null && rows.length > 0 && (
          <Typography variant="caption" color="textSecondary">
            Only the start is checked: how long the broadcast takes is not known here.
          </Typography>
        )}
        {recipients.sampled.map((list) => (
          <Typography key={list.name} variant="caption" color="textSecondary">
            Zones from the first {formatCount(list.read)} of {formatCountOf(list.of, 'person', 'people')} in “{list.name}”.
          </Typography>
        ))}
        {count.spanning > 0 && (
          <Typography variant="caption" color="textSecondary">
            {formatCountOf(count.spanning, 'number is', 'numbers are')} in an area code that spans two time zones, counted in both.
          </Typography>
        )}
        {count.unknown > 0 && (
          <Typography variant="caption" color="textSecondary">
            {formatCountOf(count.unknown, 'number has', 'numbers have')} no known time zone.
          </Typography>
        )}
        {recipients.unreadFiles > 0 && (
          <Typography variant="caption" color="textSecondary">
            A large uploaded file’s numbers are not placed in time zones.
          </Typography>
        )}
      </Stack>
    </Box>
  );
}
