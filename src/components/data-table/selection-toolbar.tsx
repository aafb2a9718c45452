import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { RowSelection } from '@/hooks/use-row-selection.ts';

export interface SelectionToolbarProps {
  selection: RowSelection;
  /** Matches of the query on every page (the Feed's Size). */
  total: number;
  /** Rows shown on this page. */
  pageCount: number;
  /** "contact" / "contacts", for the sentences. */
  noun: { one: string; many: string };
  /** The bulk actions for the selected rows. */
  children: ReactNode;
}

const countFormat = new Intl.NumberFormat('en-US');

/**
 * What is selected, said in words, with the bulk actions beside it; offers to extend a full page to every match.
 * Announced politely so screen readers hear the count change.
 */
export function SelectionToolbar({ selection, total, pageCount, noun, children }: SelectionToolbarProps) {
  const count = selection.count(total);
  if (count === 0) return null;
  const name = (n: number) => `${countFormat.format(n)} ${n === 1 ? noun.one : noun.many}`;
  const wholePage = !selection.allMatching && count === pageCount && total > pageCount;
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 1.5,
        px: 2,
        py: 1,
        mb: 1.5,
        borderRadius: 2,
        bgcolor: 'action.selected',
      }}
    >
      <Typography variant="body2" role="status" aria-live="polite" sx={{ fontWeight: 600 }}>
        {selection.allMatching ? `All ${name(count)} selected` : `${name(count)} selected`}
      </Typography>
      {wholePage && (
        <Button size="small" onClick={selection.selectAllMatching}>
          Select all {name(total)}
        </Button>
      )}
      <Button size="small" color="inherit" onClick={selection.clear}>
        Clear selection
      </Button>
      <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
        {children}
      </Stack>
    </Box>
  );
}
