import LibraryMusicOutlined from '@mui/icons-material/LibraryMusicOutlined';
import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import StopOutlined from '@mui/icons-material/StopOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import VolumeUpOutlined from '@mui/icons-material/VolumeUpOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useUploadAudio } from '@/api/resources/audio/audio-mutations.ts';
import { audioQueries } from '@/api/resources/audio/audio-queries.ts';
import { audioContentUrl } from '@/api/resources/audio/audio-requests.ts';
import { DEFAULT_TTS_VOICE, estimateSpeechSeconds, ttsVoices, voiceDescriptions, type Audio, type TtsVoice } from '@contract/audio.ts';
import { useSpeechPreview } from '@/hooks/use-speech-preview.ts';
import { ACCEPTED_AUDIO, audioFileProblem } from '@/utils/audio-files.ts';
import { formatDuration } from '@/utils/format-duration.ts';
import { renderAutocompleteOption } from '@/components/form/autocomplete-option.tsx';
import { CharacterLimitHelper } from '@/components/form/character-limit.tsx';
import { draftLimits, type AudioChoice } from './broadcast-draft.ts';
import { textOr } from '@/utils/missing.ts';

type Source = 'library' | 'tts' | 'upload' | 'phone';

export interface AudioChooserProps {
  label: string;
  value: AudioChoice | null;
  onChange: (value: AudioChoice | null) => void;
  error?: string;
  /** Seconds a call plays at most: longer messages are cut. */
  maxMessageLength: number;
  /** Offer recording the message by phone after sending (the call message only, not the voicemail one). */
  allowPhone?: boolean;
}

/** The message a call plays: from the library (with a player), typed as text to speech, or uploaded now. */
export function AudioChooser({ label, value, onChange, error, maxMessageLength, allowPhone = false }: AudioChooserProps) {
  const [source, setSource] = useState<Source>(value?.source ?? 'library');
  const library = useQuery(audioQueries.list({ pageSize: 200, sort: [{ field: 'Name' }] }));
  const upload = useUploadAudio();
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const speech = useSpeechPreview();
  const items = library.data?.Items ?? [];
  const chosen = value?.source === 'library' ? (items.find((item) => item.AudioID === value.audioId) ?? null) : null;
  const tts = value?.source === 'tts' ? value : { source: 'tts' as const, text: '', voice: DEFAULT_TTS_VOICE as TtsVoice };
  const seconds = chosen ? (chosen.Length ?? estimateSpeechSeconds(chosen.Text ?? '')) : value?.source === 'tts' ? estimateSpeechSeconds(value.text) : null;

  const uploadFile = (file: File) => {
    const problem = audioFileProblem(file);
    setUploadProblem(problem);
    if (problem) return;
    upload.mutate(
      { file },
      {
        onSuccess: (audio) => {
          onChange({ source: 'library', audioId: audio.AudioID, name: textOr(audio.Name) });
          setSource('library');
        },
      },
    );
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {label}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={source}
          onChange={(_event, next: Source | null) => {
            if (!next) return;
            setSource(next);
            // The phone needs nothing more here; leaving it clears the choice until a message is chosen.
            if (next === 'phone') onChange({ source: 'phone' });
            else if (value?.source === 'phone') onChange(null);
          }}
          aria-label={`Where the ${label.toLowerCase()} comes from`}
          sx={{ flexWrap: 'wrap' }}
        >
          <ToggleButton value="library">
            <LibraryMusicOutlined fontSize="small" sx={{ mr: 0.75 }} />
            Library
          </ToggleButton>
          <ToggleButton value="tts">
            <RecordVoiceOverOutlined fontSize="small" sx={{ mr: 0.75 }} />
            Text to speech
          </ToggleButton>
          <ToggleButton value="upload">
            <UploadFileOutlined fontSize="small" sx={{ mr: 0.75 }} />
            Upload
          </ToggleButton>
          {allowPhone && (
            <ToggleButton value="phone">
              <PhoneInTalkOutlined fontSize="small" sx={{ mr: 0.75 }} />
              Record it by phone
            </ToggleButton>
          )}
        </ToggleButtonGroup>
      </Stack>

      {source === 'library' && (
        <Autocomplete<Audio>
          options={items}
          loading={library.isPending}
          value={chosen}
          onChange={(_event, item) => onChange(item ? { source: 'library', audioId: item.AudioID, name: textOr(item.Name) } : null)}
          getOptionLabel={(item) => textOr(item.Name)}
          isOptionEqualToValue={(option, other) => option.AudioID === other.AudioID}
          renderOption={(props, item) =>
            renderAutocompleteOption(
              props,
              item.Name,
              `${item.TextToSpeech ? 'Text to speech · ' : ''}${formatDuration(item.Length ?? estimateSpeechSeconds(item.Text ?? ''))}`,
            )
          }
          renderInput={(params) => <TextField {...params} label={`${label} from the library`} error={Boolean(error)} helperText={error ?? ' '} />}
        />
      )}
      {source === 'library' && chosen && !chosen.TextToSpeech && (
        <Box
          component="audio"
          controls
          preload="none"
          src={audioContentUrl(chosen.AudioID)}
          aria-label={`Play ${textOr(chosen.Name)}`}
          sx={{ width: '100%', maxWidth: 480 }}
        />
      )}
      {source === 'library' && chosen?.TextToSpeech && (
        <Typography variant="body2" color="textSecondary" sx={{ fontStyle: 'italic' }}>
          “{chosen.Text}” ({chosen.Voice})
        </Typography>
      )}

      {source === 'tts' && (
        <Stack spacing={1.5}>
          <TextField
            label="What the voice says"
            multiline
            minRows={3}
            value={tts.text}
            onChange={(event) => onChange({ ...tts, text: event.target.value })}
            error={Boolean(error) || tts.text.length > draftLimits.ttsText}
            helperText={
              <CharacterLimitHelper
                error={error}
                helperText='Numbers are read digit by digit; write times as "ten thirty" to have them read naturally.'
                length={tts.text.length}
                maxChars={draftLimits.ttsText}
              />
            }
          />
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <TextField
              select
              size="small"
              label="Voice"
              value={tts.voice}
              onChange={(event) => onChange({ ...tts, voice: event.target.value as TtsVoice })}
              sx={{ minWidth: 200 }}
            >
              {ttsVoices.map((voice) => (
                <MenuItem key={voice} value={voice}>
                  {voice} ({voiceDescriptions[voice].toLowerCase()})
                </MenuItem>
              ))}
            </TextField>
            {speech.supported && (
              <Button
                startIcon={speech.speakingKey ? <StopOutlined /> : <VolumeUpOutlined />}
                disabled={tts.text.trim() === ''}
                onClick={() => (speech.speakingKey ? speech.stop() : speech.speak('wizard', tts.text))}
              >
                {speech.speakingKey ? 'Stop' : 'Preview'}
              </Button>
            )}
          </Stack>
          {speech.supported && <FormHelperText>The preview uses your browser&apos;s voice; callers hear {tts.voice}.</FormHelperText>}
        </Stack>
      )}

      {source === 'upload' && (
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPTED_AUDIO}
            hidden
            aria-label={`${label} file`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) uploadFile(file);
              event.target.value = '';
            }}
          />
          <Button variant="outlined" startIcon={<UploadFileOutlined />} loading={upload.isPending} onClick={() => fileInput.current?.click()}>
            Choose a WAV or MP3 file
          </Button>
          <FormHelperText error={Boolean(uploadProblem || upload.isError || error)}>
            {uploadProblem ?? (upload.isError ? upload.error.message : (error ?? 'It is added to your library and used here.'))}
          </FormHelperText>
        </Stack>
      )}

      {source === 'phone' && (
        <FormHelperText error={Boolean(error)}>
          {error ??
            'After you send, the broadcast shows a number to call and a code. Call it from any phone, key in the code and record your message: calls start once it is recorded, not before.'}
        </FormHelperText>
      )}

      {seconds !== null && (
        <Typography variant="body2" color={seconds > maxMessageLength ? 'warning.main' : 'text.secondary'}>
          Plays for about {formatDuration(seconds)}
          {seconds > maxMessageLength ? `: longer than your ${maxMessageLength}-second limit, so it will be cut.` : '.'}
        </Typography>
      )}
    </Stack>
  );
}
