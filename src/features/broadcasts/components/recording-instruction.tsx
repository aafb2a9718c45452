import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { Broadcast } from '@contract/broadcast.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';

/**
 * A voice broadcast sent without its message waits for it to be recorded by phone: the number to call and the code
 * to key in, as the API answers them (docs/decisions/0080-record-by-phone.md).
 */
export function RecordingInstruction({ instruction }: { instruction: NonNullable<Broadcast['MessageRecordingInstruction']> }) {
  const detail = typeof instruction === 'string' ? { Instructions: instruction } : instruction;
  return (
    <Alert severity="info" icon={<PhoneInTalkOutlined />} role="region" aria-label="Waiting for its recording" sx={{ mb: 3 }}>
      <AlertTitle>Waiting for its recording: no one is called until the message is recorded</AlertTitle>
      {detail.PhoneNumber && detail.RecordingCode ? (
        <Box component="p" sx={{ m: 0 }}>
          Call{' '}
          <Box component="strong" sx={{ whiteSpace: 'nowrap' }}>
            {formatPhoneNumber(detail.PhoneNumber)}
          </Box>{' '}
          from any phone, key in the recording code{' '}
          <Box
            component="strong"
            aria-label={`Recording code ${detail.RecordingCode}`}
            sx={{ fontFamily: 'monospace', fontSize: '1.1em', letterSpacing: '0.1em' }}
          >
            {detail.RecordingCode}
          </Box>{' '}
          and record your message after the tone. The broadcast then starts at its start time, or at once if that has passed.
        </Box>
      ) : (
        <Box component="p" sx={{ m: 0 }}>
          {detail.Instructions ?? 'Record the message by phone as the service describes.'}
        </Box>
      )}
    </Alert>
  );
}
