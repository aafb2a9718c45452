import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router-dom';

export interface LinkCellProps {
  to: string;
  label: string;
  /** Shown, in italics, when the record has no label (a contact without a name). */
  emptyLabel: string;
}

/** A grid cell linking to a record's own page. */
export function LinkCell({ to, label, emptyLabel }: LinkCellProps) {
  return (
    <Link component={RouterLink} to={to} underline="hover" sx={{ fontWeight: 500 }}>
      {label || (
        <Box component="span" sx={{ fontStyle: 'italic', color: 'text.secondary' }}>
          {emptyLabel}
        </Box>
      )}
    </Link>
  );
}
