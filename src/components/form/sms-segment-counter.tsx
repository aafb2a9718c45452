import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
/** How a text splits into SMS segments (countSegments in src/contract/sms-segments.ts computes it). */
export interface SegmentCountShown {
  encoding: 'GSM-7' | 'UCS-2';
  characters: number;
  segments: number;
  remainingInSegment: number;
}

export interface SmsSegmentCounterProps {
  count: SegmentCountShown;
  /** What the count includes beyond the field, e.g. a notice the service adds. */
  note?: string | undefined;
  /** Lets the text field point at the count (`aria-describedby`), so it is read with the field. */
  id?: string;
  /** The most characters the text may have, shown with the count. */
  limit?: number;
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/**
 * Characters, SMS segments and what still fits, under a text's field. Unicode (an emoji, a curly quote) shrinks a
 * segment from 160 to 70 characters, so the switch is called out.
 */
export function SmsSegmentCounter({ count, id, note, limit }: SmsSegmentCounterProps) {
  const unicode = count.encoding === 'UCS-2';
  return (
    <Box id={id} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, alignItems: 'center' }}>
      <Typography variant="caption" color={limit !== undefined && count.characters > limit ? 'error' : 'textSecondary'}>
        {limit === undefined
          ? plural(count.characters, 'character')
          : `${count.characters.toLocaleString('en-US')} / ${limit.toLocaleString('en-US')} characters`}{' '}
        · {plural(count.segments, 'segment')} · {count.remainingInSegment} left in this segment
      </Typography>
      <Tooltip
        title={
          unicode
            ? 'An emoji or a special character makes this a Unicode text: 70 characters fit in one segment (67 once split) instead of 160.'
            : 'Plain text: 160 characters fit in one segment (153 once split).'
        }
      >
        <Typography
          variant="caption"
          tabIndex={0}
          sx={(theme) => ({
            cursor: 'help',
            color: 'text.secondary',
            // warning.main is too faint for small text on white; the darker shade reads in light mode.
            ...(unicode && { fontWeight: 600, color: 'warning.dark', ...theme.applyStyles('dark', { color: 'warning.light' }) }),
          })}
        >
          {unicode ? 'Unicode' : 'GSM-7'}
        </Typography>
      </Tooltip>
      {note && (
        <Typography variant="caption" color="textSecondary" sx={{ flexBasis: '100%' }}>
          {note}
        </Typography>
      )}
    </Box>
  );
}
