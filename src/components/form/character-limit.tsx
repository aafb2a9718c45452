import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import { formatCount } from '@/utils/format-number.ts';

export interface CharacterLimitHelperProps {
  /** Shown first: the field's own error. */
  error?: ReactNode;
  /** Shown while the text is within its limit and has no error. */
  helperText?: ReactNode;
  length: number;
  maxChars: number;
}

/**
 * A field's helper line with its character count at the end ("120 / 3,000"); past the limit it says by how much.
 * Nothing typed is cut.
 */
export function CharacterLimitHelper({ error, helperText, length, maxChars }: CharacterLimitHelperProps) {
  const message = error ?? (length > maxChars ? `${formatCount(length - maxChars)} characters too many` : helperText);
  return (
    <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
      <span>{message ?? ' '}</span>
      <Box component="span" sx={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(length)} / {formatCount(maxChars)}
      </Box>
    </Box>
  );
}
