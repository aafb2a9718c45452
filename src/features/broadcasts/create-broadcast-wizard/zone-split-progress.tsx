import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatCount, formatCountOf } from '@/utils/format-number.ts';
import type { ZoneSplitProgress } from './use-zone-split-send.ts';

/** How far a send one broadcast a time zone has got: the lists' people read, then the parts made. */
export function ZoneSplitProgressBar({ progress }: { progress: ZoneSplitProgress }) {
  const label =
    progress.phase === 'reading'
      ? `Reading the lists’ people: ${formatCount(progress.done)} of ${formatCountOf(progress.of, 'person', 'people')}`
      : `Scheduling the time zones’ broadcasts: ${formatCount(progress.done)} of ${formatCount(progress.of)}`;
  return (
    <Box sx={{ mt: 2 }} role="status">
      <Typography variant="body2" color="textSecondary">
        {label}
      </Typography>
      <LinearProgress
        variant="determinate"
        aria-label={label}
        value={progress.of > 0 ? Math.min(100, (progress.done / progress.of) * 100) : 0}
        sx={{ mt: 0.5, height: 4, borderRadius: 2 }}
      />
    </Box>
  );
}
