import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link as RouterLink } from 'react-router-dom';
import type { PhoneNumberBroadcast } from '@contract/phone-number-broadcast.ts';
import { paths } from '@/config/paths.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { outcomeOf } from '../opt-out-display.ts';

/** The broadcasts that had the number among their recipients, with what happened to it in each. */
export function BroadcastResultsTable({ items }: { items: PhoneNumberBroadcast[] }) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Broadcasts to this number">
        <TableHead>
          <TableRow>
            <TableCell>Broadcast</TableCell>
            <TableCell>Started</TableCell>
            <TableCell>Channel</TableCell>
            <TableCell>Result</TableCell>
            <TableCell>Why</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => {
            const outcome = outcomeOf(item);
            return (
              <TableRow key={`${item.BroadcastID}-${item.Channel}`}>
                <TableCell>
                  <Link component={RouterLink} to={paths.broadcasts.report.href(item.BroadcastID)}>
                    {item.BroadcastName}
                  </Link>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatApiDateTime(item.StartDate)}</TableCell>
                <TableCell>{item.Channel === 'Call' ? 'Call' : 'Text'}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={outcome.label}
                    color={outcome.reached === true ? 'success' : outcome.reached === false ? 'warning' : 'default'}
                    variant="outlined"
                  />
                </TableCell>
                <TableCell>{outcome.why}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
