import Box from '@mui/material/Box';
import { visuallyHidden } from '@mui/utils';
import type { Announcement } from '@/hooks/use-announcement.ts';

/**
 * A polite live region, visually hidden: screen readers say what it holds whenever it changes (results of
 * keyboard shortcuts, say). An invisible character alternates so a repeated message is still a change. A `quiet`
 * region keeps its text current without having it spoken (aria-live="off" while it changes).
 */
export function LiveRegion({ announcement, label, quiet = false }: { announcement: Announcement; label: string; quiet?: boolean }) {
  return (
    <Box role="status" aria-label={label} aria-live={quiet ? 'off' : 'polite'} aria-atomic="true" sx={visuallyHidden}>
      {announcement.text}
      {announcement.id % 2 === 1 ? '\u200B' : ''}
    </Box>
  );
}
