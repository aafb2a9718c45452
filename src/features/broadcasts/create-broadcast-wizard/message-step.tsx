import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { textNumberQueries } from '@/api/resources/text-numbers/text-number-queries.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { countSegments } from '@contract/sms-segments.ts';
import { mergeFieldLabels, mergeFields } from '@contract/merge-fields.ts';
import { SmsSegmentCounter } from '@/components/form/sms-segment-counter.tsx';
import { TextChecks } from '@/components/form/text-checks.tsx';
import { useTextSender } from '@/api/resources/account/use-text-sender.ts';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { AudioChooser } from './audio-chooser.tsx';
import { draftLimits, messageStepSchema, needsOf } from './broadcast-draft.ts';
import { useStepForm } from './use-step-form.ts';
import { STEP_FORM_ID, type WizardStepProps } from './wizard-step.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function MessageStep({ draft, plan, save, next }: WizardStepProps) {
  const needs = needsOf(draft.type);
  const form = useStepForm(messageStepSchema, { ...draft.message, needs }, (message) => save((current) => ({ ...current, message })));
  const values = useWatch({ control: form.control });
  const options = useFieldArray({ control: form.control, name: 'surveyOptions' });
  const textNumbers = useQuery({ ...textNumberQueries.list(), enabled: needs.text });
  const textField = useRef<HTMLTextAreaElement>(null);
  const sender = useTextSender();
  const counterId = useId();
  const errors = form.formState.errors;
  const text = values.textMessage ?? '';

  /** Puts `{{Field}}` where the cursor is, as if typed. */
  const insertMergeField = (field: string) => {
    const element = textField.current;
    const current = form.getValues('textMessage');
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    const token = `{{${field}}}`;
    form.setValue('textMessage', `${current.slice(0, start)}${token}${current.slice(end)}`, { shouldDirty: true });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const defaultNumber = textNumbers.data?.Items.find((number) => number.IsDefault) ?? textNumbers.data?.Items[0];

  return (
    <Box component="form" id={STEP_FORM_ID} noValidate onSubmit={form.handleSubmit((message) => next((current) => ({ ...current, message })))}>
      <Stack spacing={3.5}>
        {needs.voice && (
          <Stack spacing={3}>
            <Controller
              control={form.control}
              name="audio"
              render={({ field, fieldState }) => (
                <AudioChooser
                  label="Call message"
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message ?? (fieldState.error as { text?: { message?: string } } | undefined)?.text?.message}
                  maxMessageLength={draft.schedule.maxMessageLength}
                  allowPhone
                />
              )}
            />

            {needs.survey && (
              <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                  Survey answers
                </Typography>
                <Stack spacing={1.5}>
                  <FormTextField
                    control={form.control}
                    name="surveyQuestion"
                    maxChars={draftLimits.surveyQuestion}
                    label="The question (for your report)"
                    placeholder="Will your child attend the field trip?"
                  />
                  {options.fields.map((option, index) => (
                    <Stack key={option.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <Controller
                        control={form.control}
                        name={`surveyOptions.${index}.key`}
                        render={({ field }) => (
                          <TextField select size="small" label="Key" {...field} sx={{ width: 96 }}>
                            {KEYS.map((key) => (
                              <MenuItem key={key} value={key}>
                                {key}
                              </MenuItem>
                            ))}
                          </TextField>
                        )}
                      />
                      <FormTextField
                        control={form.control}
                        name={`surveyOptions.${index}.label`}
                        maxChars={draftLimits.surveyLabel}
                        label="Means"
                        size="small"
                      />
                      <IconButton aria-label={`Remove answer ${index + 1}`} onClick={() => options.remove(index)} sx={{ mt: 0.5 }}>
                        <DeleteOutlined />
                      </IconButton>
                    </Stack>
                  ))}
                  {(errors.surveyOptions?.message ?? errors.surveyOptions?.root?.message) && (
                    <Alert severity="error">{errors.surveyOptions?.message ?? errors.surveyOptions?.root?.message}</Alert>
                  )}
                  <Button
                    startIcon={<AddOutlined />}
                    disabled={options.fields.length >= KEYS.length}
                    onClick={() => options.append({ key: KEYS.find((key) => !values.surveyOptions?.some((option) => option.key === key)) ?? '9', label: '' })}
                    sx={{ alignSelf: 'flex-start' }}
                  >
                    Add an answer
                  </Button>
                </Stack>
              </Box>
            )}

            <Box>
              <Controller
                control={form.control}
                name="transfer.enabled"
                render={({ field }) => (
                  <FormControlLabel
                    control={<Switch checked={field.value} onChange={(event) => field.onChange(event.target.checked)} />}
                    label="Let people press a key to be connected to a person (transfer and connect)"
                  />
                )}
              />
              {values.transfer?.enabled && (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mt: 1.5 }}>
                  <FormTextField control={form.control} name="transfer.number" label="Connect to" placeholder="(214) 555-0100" sx={{ maxWidth: 240 }} />
                  <Controller
                    control={form.control}
                    name="transfer.digit"
                    render={({ field, fieldState }) => (
                      <TextField select label="Key" {...field} error={fieldState.invalid} helperText={fieldState.error?.message ?? ' '} sx={{ width: 120 }}>
                        {KEYS.map((key) => (
                          <MenuItem key={key} value={key}>
                            {key}
                          </MenuItem>
                        ))}
                      </TextField>
                    )}
                  />
                  <FormTextField
                    control={form.control}
                    name="transfer.introduction"
                    maxChars={draftLimits.transferIntroduction}
                    label="Said before connecting (optional)"
                  />
                </Stack>
              )}
            </Box>

            <Accordion
              variant="outlined"
              disableGutters
              defaultExpanded={values.voicemailAudio !== null}
              sx={{ borderRadius: 2, '&::before': { display: 'none' } }}
            >
              <AccordionSummary expandIcon={<ExpandMoreOutlined />}>
                <Typography variant="body2">
                  A different message for voicemail{' '}
                  <Typography component="span" variant="body2" color="textSecondary">
                    (optional)
                  </Typography>
                </Typography>
              </AccordionSummary>
              <AccordionDetails>
                <Controller
                  control={form.control}
                  name="voicemailAudio"
                  render={({ field }) => (
                    <Stack spacing={1}>
                      <AudioChooser
                        label="Voicemail message"
                        value={field.value}
                        onChange={field.onChange}
                        maxMessageLength={draft.schedule.maxMessageLength}
                      />
                      {field.value && (
                        <Button size="small" onClick={() => field.onChange(null)} sx={{ alignSelf: 'flex-start' }}>
                          Use the call message for voicemail too
                        </Button>
                      )}
                    </Stack>
                  )}
                />
              </AccordionDetails>
            </Accordion>

            <FormTextField
              control={form.control}
              name="callerId"
              label="Caller ID"
              helperText="The number people see; your own default is filled in."
              sx={{ maxWidth: 320 }}
            />
          </Stack>
        )}

        {needs.voice && needs.text && <Divider />}

        {needs.text && (
          <Stack spacing={1.5}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              Text message
            </Typography>
            <Controller
              control={form.control}
              name="textMessage"
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  inputRef={textField}
                  label="Text"
                  multiline
                  minRows={4}
                  error={fieldState.invalid || text.length > draftLimits.textMessage}
                  helperText={
                    fieldState.error?.message ??
                    (text.length > draftLimits.textMessage
                      ? `${(text.length - draftLimits.textMessage).toLocaleString('en-US')} characters over the ${draftLimits.textMessage.toLocaleString('en-US')} a text may have`
                      : undefined)
                  }
                  slotProps={{ htmlInput: { 'aria-describedby': counterId } }}
                />
              )}
            />
            <SmsSegmentCounter count={countSegments(text)} id={counterId} limit={draftLimits.textMessage} />
            {/* A broadcast gets no opt-out notice from the service (decision 0191). */}
            <TextChecks
              text={text}
              context={{ sender, optOut: 'not-added' }}
              onChange={(next) => {
                form.setValue('textMessage', next, { shouldDirty: true });
                // The button is gone once its finding is: the text takes the focus back.
                textField.current?.focus();
              }}
            />
            {plan && /\{\{/.test(text) && plan.TextSegments > countSegments(text).segments && (
              <Typography variant="body2" color="warning">
                With the longest names filled in, a text takes {plan.TextSegments} segments.
              </Typography>
            )}
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}>
              <Typography variant="body2" color="textSecondary">
                Insert:
              </Typography>
              {mergeFields.map((field) => (
                <Chip key={field} label={mergeFieldLabels[field]} size="small" variant="outlined" onClick={() => insertMergeField(field)} />
              ))}
            </Stack>
            <Controller
              control={form.control}
              name="textNumberId"
              render={({ field }) => (
                <TextField
                  select
                  label="Send from"
                  value={field.value ?? defaultNumber?.TextNumberID ?? ''}
                  onChange={(event) => field.onChange(Number(event.target.value))}
                  helperText="Replies come back to this number."
                  sx={{ maxWidth: 420 }}
                >
                  {(textNumbers.data?.Items ?? []).map((number) => (
                    <MenuItem key={number.TextNumberID} value={number.TextNumberID}>
                      {number.Name ? `${number.Name} · ` : ''}
                      {formatPhoneNumber(number.TextPhoneNumber)}
                      {number.IsDefault ? ' (default)' : ''}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
