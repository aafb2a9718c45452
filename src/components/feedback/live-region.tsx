import Box from '@mui/material/Box';
import type { Announcement } from '@/hooks/use-announcement.ts';

/**
 * A polite live region, visually hidden: screen readers say what it holds whenever it changes (results of
 * keyboard shortcuts, say). An invisible character alternates so a repeated message is still a change.
 */
export function LiveRegion({ announcement, label }: { announcement: Announcement; label: string }) {
  return (
    <Box
      role="status"
      aria-label={label}
      aria-live="polite"
      aria-atomic="true"
      sx={{
        position: 'absolute',
        width: 1,
        height: 1,
        p: 0,
        m: -1,
        overflow: 'hidden',
        clip: 'rect(0 0 0 0)',
        whiteSpace: 'nowrap',
        border: 0,
      }}
    >
      {announcement.text}
      {announcement.id % 2 === 1 ? '\u200B' : ''}
    </Box>
  );
}
