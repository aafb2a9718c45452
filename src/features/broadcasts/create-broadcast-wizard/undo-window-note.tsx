import Typography from '@mui/material/Typography';
import type { BroadcastDraft } from './broadcast-draft.ts';
import { undoWindowSentence, type CancelAvailability } from './send-hold.ts';

/** One sentence near Send: how long there is to undo it, or that this API cannot undo it. */
export function UndoWindowNote({ draft, windowSeconds, cancel }: { draft: BroadcastDraft; windowSeconds: number; cancel: CancelAvailability }) {
  const sentence = undoWindowSentence(draft.schedule.startMode, windowSeconds, cancel);
  if (sentence === null) return null;
  return (
    <Typography variant="body2" color="textSecondary" sx={{ mt: 2 }}>
      {sentence}
    </Typography>
  );
}
