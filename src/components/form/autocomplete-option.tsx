import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { HTMLAttributes, Key, ReactNode } from 'react';

export type AutocompleteOptionProps = HTMLAttributes<HTMLLIElement> & { key: Key };

/**
 * One option of an Autocomplete: what it is, and a detail in grey (a count, a length, a phone number), beside it
 * (`inline`) or under it (`stacked`). Takes renderOption's own props, key included.
 */
export function renderAutocompleteOption(
  { key, ...props }: AutocompleteOptionProps,
  primary: ReactNode,
  secondary: ReactNode,
  layout: 'inline' | 'stacked' = 'inline',
) {
  if (layout === 'stacked') {
    return (
      <Box component="li" key={key} {...props}>
        <Box>
          <Typography variant="body2">{primary}</Typography>
          <Typography variant="caption" color="textSecondary">
            {secondary}
          </Typography>
        </Box>
      </Box>
    );
  }
  return (
    <Box component="li" key={key} {...props} sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
      <span>{primary}</span>
      <Typography variant="body2" color="textSecondary">
        {secondary}
      </Typography>
    </Box>
  );
}
