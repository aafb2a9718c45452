import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { Controller, useWatch } from 'react-hook-form';
import { timeZoneForState } from '@contract/common.ts';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { dayjs, timeZoneName } from '@/utils/dayjs.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { scheduleStepSchema, type BroadcastDraft } from './broadcast-draft.ts';
import { describeCallingWindow, describeUnfinished } from './calling-window-text.ts';
import { formatMinutes } from './format-minutes.ts';
import { convertLocal, hasPassed, LOCAL_FORMAT, nextQuarterHour, startZoneChoices, userClockText } from './start-date.ts';
import { useStepForm } from './use-step-form.ts';
import { STEP_FORM_ID, type WizardStepProps } from './wizard-step.ts';

const wholeNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function ScheduleStep({ draft, user, plan, save, next }: WizardStepProps) {
  const form = useStepForm(scheduleStepSchema, draft.schedule, (schedule) => save((current) => ({ ...current, schedule })));
  const values = useWatch({ control: form.control });
  const timeZone = timeZoneForState(user.State ?? '');
  // The start may be picked in another US zone; the draft keeps it in the user's, which the API reads (decision 0158).
  const startZone = values.startZone ?? timeZone;
  const zoneChoices = startZoneChoices(timeZone);
  // One picked before the user's state changed stays offered.
  if (!zoneChoices.some((choice) => choice.zone === startZone)) zoneChoices.push({ zone: startZone, label: timeZoneName(startZone) });
  const hasCalls = draft.type.channel !== 'text';

  // The picker hides past days, but a time can still be typed, or pass while the user thinks.
  const moveOn = (schedule: BroadcastDraft['schedule']) => {
    if (schedule.startMode === 'later' && hasPassed(schedule.startLocal, timeZone)) {
      form.setError('startLocal', { message: 'This time has passed. Pick a later one, or choose Send now.' }, { shouldFocus: true });
      return;
    }
    next((current) => ({ ...current, schedule }));
  };

  return (
    <Box component="form" id={STEP_FORM_ID} noValidate onSubmit={form.handleSubmit(moveOn)}>
      <Stack spacing={3.5}>
        <Box>
          <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
            When
          </Typography>
          <Controller
            control={form.control}
            name="startMode"
            render={({ field }) => (
              <RadioGroup
                {...field}
                row
                aria-label="When to send"
                onChange={(event) => {
                  field.onChange(event.target.value);
                  if (event.target.value === 'later' && !form.getValues('startLocal')) form.setValue('startLocal', nextQuarterHour(timeZone));
                }}
              >
                <FormControlLabel value="now" control={<Radio />} label="Send now" />
                <FormControlLabel value="later" control={<Radio />} label="Schedule for later" />
              </RadioGroup>
            )}
          />
          {values.startMode === 'later' && (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 1.5, mt: 1.5 }}>
              <Controller
                control={form.control}
                name="startLocal"
                render={({ field, fieldState }) => (
                  <DateTimePicker
                    label="Start"
                    timezone={startZone}
                    value={field.value ? dayjs.tz(field.value, LOCAL_FORMAT, timeZone) : null}
                    onChange={(value) => field.onChange(value?.isValid() ? value.tz(timeZone).format(LOCAL_FORMAT) : '')}
                    disablePast
                    slotProps={{
                      textField: {
                        error: fieldState.invalid,
                        helperText:
                          fieldState.error?.message ??
                          (startZone === timeZone
                            ? `${timeZoneName(timeZone)}: the time zone of your state (${user.State}).`
                            : field.value
                              ? `That is ${userClockText(field.value, timeZone, startZone)} in your time zone (${user.State}).`
                              : `Sent in ${timeZoneName(timeZone)}, the time zone of your state (${user.State}).`),
                        onBlur: field.onBlur,
                        sx: { flex: '1 1 260px', maxWidth: { sm: 360 } },
                      },
                    }}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="startZone"
                render={({ field }) => (
                  <TextField
                    select
                    label="Time zone"
                    value={field.value}
                    inputRef={field.ref}
                    onBlur={field.onBlur}
                    // The clock stays as shown: 9:00 picked, then Pacific chosen, means 9:00 Pacific.
                    onChange={(event) => {
                      const zone = event.target.value;
                      const local = form.getValues('startLocal');
                      if (local) form.setValue('startLocal', convertLocal(convertLocal(local, timeZone, field.value), zone, timeZone));
                      field.onChange(zone);
                    }}
                    helperText=" "
                    sx={{ flex: '1 1 220px', maxWidth: { sm: 300 } }}
                  >
                    {zoneChoices.map((choice) => (
                      <MenuItem key={choice.zone} value={choice.zone}>
                        {choice.label}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Box>
          )}
        </Box>

        {hasCalls && (
          <Box>
            <Typography variant="h3" component="h2" sx={{ mb: 0.5 }}>
              Calling window
            </Typography>
            <Typography variant="body2" color="textSecondary" sx={{ mb: 1 }}>
              Your window: {describeCallingWindow(user)} ({timeZoneName(timeZone)}).
            </Typography>
            <Controller
              control={form.control}
              name="checkCallingWindow"
              render={({ field }) => (
                <FormControlLabel
                  control={<Switch checked={field.value} onChange={(event) => field.onChange(event.target.checked)} />}
                  label="Only call and text inside my calling window"
                />
              )}
            />
            <Controller
              control={form.control}
              name="continueOnNextDay"
              render={({ field }) => (
                <FormControlLabel
                  control={<Switch checked={field.value} onChange={(event) => field.onChange(event.target.checked)} />}
                  label="If it is not finished when the window closes, continue the next day"
                  disabled={!values.checkCallingWindow}
                />
              )}
            />
            {!values.checkCallingWindow && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                Calls may go out at any hour, including at night. Use this only for emergencies.
              </Alert>
            )}
          </Box>
        )}

        {plan && (plan.StartsOutsideCallingWindow || plan.NotEnoughTimeToComplete) && (
          <Stack spacing={1} role="status">
            {plan.StartsOutsideCallingWindow && <Alert severity="info">The start is outside your calling window: calls wait until it opens.</Alert>}
            {plan.NotEnoughTimeToComplete && (
              <Alert severity={values.checkCallingWindow && values.continueOnNextDay ? 'info' : 'warning'}>
                {describeUnfinished({ checkCallingWindow: values.checkCallingWindow ?? true, continueOnNextDay: values.continueOnNextDay ?? false })}
              </Alert>
            )}
          </Stack>
        )}

        {hasCalls && (
          <Box>
            <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>
              Delivery
            </Typography>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, maxWidth: 720 }}>
              <FormTextField
                control={form.control}
                name="retries"
                label="Retries"
                type="number"
                parse={wholeNumber}
                helperText="For busy or unanswered calls"
              />
              <FormTextField control={form.control} name="callThrottle" label="Calls at once" type="number" parse={wholeNumber} helperText="0 means no limit" />
              <FormTextField
                control={form.control}
                name="maxMessageLength"
                label="Longest message (s)"
                type="number"
                parse={wholeNumber}
                helperText="Longer audio is cut"
              />
            </Box>
          </Box>
        )}

        {plan && (
          <Typography variant="body2" color="textSecondary">
            Expected to take about {formatMinutes(plan.EstimatedDuration)}
            {plan.EstimatedCompletion
              ? `, finishing around ${formatApiDateTime(plan.EstimatedCompletion)}${startZone === timeZone ? '' : ` ${timeZoneName(timeZone)}`}`
              : ''}
            .
          </Typography>
        )}
      </Stack>
    </Box>
  );
}
