import Close from '@mui/icons-material/Close';
import GraphicEqOutlined from '@mui/icons-material/GraphicEqOutlined';
import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { audioContentUrl } from '@/api/resources/audio/audio-requests.ts';
import type { Audio } from '@contract/audio.ts';
import { textOr } from '@/utils/missing.ts';

export interface NowPlayingCardProps {
  item: Audio;
  /** True while the browser speaks a text-to-speech item. */
  speaking: boolean;
  onClose: () => void;
}

/**
 * The one player of the library: a recording plays its real bytes in the browser's audio controls; a
 * text-to-speech message is spoken by the browser's voice, and the card says so (decision 0043).
 */
export function NowPlayingCard({ item, speaking, onClose }: NowPlayingCardProps) {
  const [failed, setFailed] = useState(false);
  return (
    <Card component="section" aria-label="Now playing" sx={{ px: 2, py: 1.5 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flex: 1, minWidth: 0 }}>
          <Box sx={{ color: 'primary.main', display: 'grid' }}>{item.TextToSpeech ? <RecordVoiceOverOutlined /> : <GraphicEqOutlined />}</Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="overline" color="textSecondary" sx={{ lineHeight: 1.5 }}>
              {item.TextToSpeech ? (speaking ? 'Speaking' : 'Spoken') : 'Now playing'}
            </Typography>
            <Typography variant="subtitle1" noWrap>
              {item.Name}
            </Typography>
          </Box>
        </Stack>
        {item.TextToSpeech ? (
          <Typography variant="body2" color="textSecondary" role="status" sx={{ flex: 1.4 }}>
            Previewed with your browser&apos;s voice. Callers hear the {item.Voice} voice.
          </Typography>
        ) : failed ? (
          <Alert severity="error" sx={{ flex: 1.4 }}>
            This recording could not be played.
          </Alert>
        ) : (
          <Box
            component="audio"
            controls
            autoPlay
            preload="auto"
            src={audioContentUrl(item.AudioID)}
            aria-label={`Recording: ${textOr(item.Name)}`}
            onError={() => setFailed(true)}
            sx={{ width: { xs: '100%', sm: 380 }, height: 40 }}
          />
        )}
        <IconButton aria-label="Close the player" onClick={onClose} sx={{ alignSelf: { xs: 'flex-end', sm: 'center' } }}>
          <Close />
        </IconButton>
      </Stack>
    </Card>
  );
}
