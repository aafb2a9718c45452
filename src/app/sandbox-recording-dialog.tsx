import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useRecordByPhone } from '@/api/resources/sandbox/sandbox-mutations.ts';
import { sandboxQueries } from '@/api/resources/sandbox/sandbox-queries.ts';
import { sandboxRecordingInputSchema } from '@contract/sandbox-recording.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { textOr } from '@/utils/missing.ts';

/**
 * The sandbox plays the person who calls its recording line, keys in a waiting broadcast's code and records the
 * message (docs/decisions/0080-record-by-phone.md); the broadcast then starts.
 */
export function SandboxRecordingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [code, setCode] = useState('');
  const [seconds, setSeconds] = useState('20');
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = useQuery({ ...sandboxQueries.recordings(), enabled: open });
  const record = useRecordByPhone();
  const notify = useNotify();
  const titleId = useId();

  const close = () => {
    setProblem(null);
    record.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = sandboxRecordingInputSchema.safeParse({ RecordingCode: code, Seconds: Number(seconds) });
    if (!input.success) {
      setProblem(input.error.issues[0]?.message ?? 'Check the code and the length.');
      return;
    }
    setProblem(null);
    record.mutate(input.data, {
      onSuccess: (recorded) => {
        notify({ message: `The message of broadcast #${recorded.BroadcastID} is recorded (${recorded.Length} seconds): its calls can start.` });
        setCode('');
        close();
      },
    });
  };

  const shownProblem = problem ?? record.error?.message;

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <Box component="form" noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>Record a message by phone</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>
              The sandbox plays someone who calls the recording line, keys in a broadcast&apos;s recording code and records its message.
            </DialogContentText>
            {waiting.data && waiting.data.Items.length > 0 && (
              <Box>
                <Typography variant="subtitle2" component="h3">
                  Waiting for a recording
                </Typography>
                <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
                  {waiting.data.Items.map((item) => (
                    <Box component="li" key={item.BroadcastID} sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
                      <Typography variant="body2" noWrap>
                        {item.BroadcastName} · #{item.BroadcastID}
                      </Typography>
                      <Button
                        size="small"
                        onClick={() => setCode(item.RecordingCode ?? '')}
                        aria-label={`Use code ${item.RecordingCode} of ${textOr(item.BroadcastName)}`}
                      >
                        {item.RecordingCode}
                      </Button>
                    </Box>
                  ))}
                </Stack>
              </Box>
            )}
            <TextField
              label="Recording code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
              autoFocus
              required
            />
            <TextField
              label="Length of the message (seconds)"
              type="number"
              value={seconds}
              onChange={(event) => setSeconds(event.target.value)}
              slotProps={{ htmlInput: { min: 1, max: 600 } }}
            />
            {shownProblem && <Alert severity="error">{shownProblem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="contained" loading={record.isPending}>
            Record
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
