import { zodResolver } from '@hookform/resolvers/zod';
import PlayCircleOutlineOutlined from '@mui/icons-material/PlayCircleOutlineOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useCreateTtsAudio } from '@/api/resources/audio/audio-mutations.ts';
import { fieldErrorsOf } from '@/api/field-errors.ts';
import {
  DEFAULT_TTS_VOICE,
  audioTtsCreateInputSchema,
  estimateSpeechSeconds,
  ttsVoices,
  voiceDescriptions,
  type Audio,
  type AudioTtsCreateInput,
} from '@contract/audio.ts';
import { type z } from '@contract/zod.ts';
import { FormSwitch } from '@/components/form/form-switch.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { formatDuration } from '@/utils/format-duration.ts';
import { describeCallCost } from '../audio-facts.ts';
import { useSpeechPreview } from '@/hooks/use-speech-preview.ts';
import { failureSeverityOf } from '@/utils/not-offered.ts';

type TtsFormInput = z.input<typeof audioTtsCreateInputSchema>;

export interface TtsDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (item: Audio) => void;
  /** The signed-in user's maximum message length: longer messages are cut off on calls. */
  maxMessageLength: number;
}

const emptyForm: TtsFormInput = { TextToSpeech: true, Text: '', Voice: DEFAULT_TTS_VOICE, Name: '', Shared: false };

/** Writes a text-to-speech message into the library, with its estimated length and cost as it is typed. */
export function TtsDialog({ open, onClose, onCreated, maxMessageLength }: TtsDialogProps) {
  const titleId = useId();
  const createTts = useCreateTtsAudio();
  const preview = useSpeechPreview();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, reset, setError } = useForm<TtsFormInput, unknown, AudioTtsCreateInput>({
    resolver: zodResolver(audioTtsCreateInputSchema),
    defaultValues: emptyForm,
  });
  const text = useWatch({ control, name: 'Text' }) ?? '';
  const seconds = text.trim() ? estimateSpeechSeconds(text) : 0;

  const close = () => {
    preview.stop();
    setFormError(null);
    reset(emptyForm);
    onClose();
  };

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const item = await createTts.mutateAsync({ ...values, Name: values.Name || undefined });
      onCreated(item);
      close();
    } catch (error) {
      const { fields, message } = fieldErrorsOf(error, Object.keys(emptyForm));
      for (const [name, fieldMessage] of Object.entries(fields)) setError(name as FieldPath<TtsFormInput>, { message: fieldMessage });
      setFormError(message);
    }
  });

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>New text-to-speech message</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            {formError && (
              <Alert severity={failureSeverityOf(createTts.error)} role="alert">
                {formError}
              </Alert>
            )}
            <FormTextField
              control={control}
              name="Text"
              label="Message"
              multiline
              minRows={4}
              maxRows={12}
              autoFocus
              required
              helperText={
                seconds > 0
                  ? `About ${formatDuration(seconds)} spoken · ${describeCallCost(seconds, maxMessageLength)} · ${text.length.toLocaleString('en-US')} / 3,000 characters`
                  : 'Write it as it should be read. Numbers are read digit by digit.'
              }
            />
            {seconds > maxMessageLength && (
              <Alert severity="warning">
                This message runs about {formatDuration(seconds)}, longer than your maximum message length of {formatDuration(maxMessageLength)}: calls stop
                playing it there.
              </Alert>
            )}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <Controller
                control={control}
                name="Voice"
                render={({ field, fieldState }) => (
                  <TextField
                    select
                    label="Voice"
                    name={field.name}
                    value={field.value ?? DEFAULT_TTS_VOICE}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    error={fieldState.invalid}
                    helperText={fieldState.error?.message ?? ' '}
                  >
                    {ttsVoices.map((voice) => (
                      <MenuItem key={voice} value={voice}>
                        {voice} · {voiceDescriptions[voice]}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
              <FormTextField control={control} name="Name" label="Name in the library" placeholder="The first words of the message" />
            </Stack>
            <FormSwitch control={control} name="Shared" label="Share with the team" />
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              <Tooltip title={preview.supported ? '' : 'This browser cannot speak text aloud.'}>
                <span>
                  <Button
                    variant="outlined"
                    size="small"
                    disabled={!preview.supported || seconds === 0}
                    startIcon={preview.speakingKey === 'draft' ? <StopCircleOutlined /> : <PlayCircleOutlineOutlined />}
                    onClick={() => (preview.speakingKey === 'draft' ? preview.stop() : preview.speak('draft', text))}
                  >
                    {preview.speakingKey === 'draft' ? 'Stop' : 'Preview'}
                  </Button>
                </span>
              </Tooltip>
              <Typography variant="body2" color="textSecondary">
                The preview uses your browser&apos;s voice; callers hear the voice chosen above.
              </Typography>
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="contained" loading={createTts.isPending}>
            Create message
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
