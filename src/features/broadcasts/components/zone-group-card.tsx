import PublicOutlined from '@mui/icons-material/PublicOutlined';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { broadcastGroupQueries } from '@/api/broadcast-groups.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { paths } from '@/config/paths.ts';
import { timeOfDayText } from '../create-broadcast-wizard/recipient-zones.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { formatCountOf } from '@/utils/format-number.ts';
import { categoryOf } from '../broadcast-display.ts';
import { BroadcastStatusChip } from './broadcast-status-chip.tsx';

/**
 * The broadcasts sent with this one, one for each recipient time zone at one local time (decision 0198): each part's
 * zone, people, start and status, linked to its report. Nothing shows for a broadcast in no group.
 */
export function ZoneGroupCard({ broadcastId }: { broadcastId: number }) {
  const { data: group } = useQuery(broadcastGroupQueries.ofBroadcast(broadcastId));
  const parts = useQueries({
    queries: (group?.Parts ?? []).map((part) => broadcastQueries.detail(part.BroadcastID)),
  });
  if (!group) return null;
  const people = group.Parts.reduce((sum, part) => sum + part.Recipients, 0);
  const localStart = timeOfDayText(group.LocalStart);

  return (
    <Card component="section" aria-labelledby="zone-group-title" sx={{ mb: 3 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <PublicOutlined fontSize="small" color="action" />
          <Typography id="zone-group-title" variant="h3" component="h2">
            Sent in each time zone
          </Typography>
        </Stack>
        <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5, mb: 1.5 }}>
          “{group.Name}” is sent as {formatCountOf(group.Parts.length, 'broadcast', 'broadcasts')} to {formatCountOf(people, 'number', 'numbers')}, each at{' '}
          {localStart} its recipients’ time; scheduled by {group.CreatedBy}.
        </Typography>
        <Box
          component="ul"
          aria-label="Broadcasts of this group"
          sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: 'repeat(auto-fill, minmax(240px, 1fr))' } }}
        >
          {group.Parts.map((part, index) => {
            const detail = parts[index]?.data;
            const current = part.BroadcastID === broadcastId;
            return (
              <Box
                component="li"
                key={part.BroadcastID}
                sx={{ p: 1.5, borderRadius: 2, border: 1, borderColor: current ? 'primary.main' : 'divider', bgcolor: current ? 'action.selected' : undefined }}
              >
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                  {current ? (
                    <Typography variant="subtitle2" aria-current="page">
                      {part.TimeZoneName}
                    </Typography>
                  ) : (
                    <Link component={RouterLink} to={paths.broadcasts.report.href(part.BroadcastID)} variant="subtitle2">
                      {part.TimeZoneName}
                    </Link>
                  )}
                  {detail && <BroadcastStatusChip category={categoryOf(detail)} />}
                </Stack>
                <Typography variant="body2" color="textSecondary">
                  {formatCountOf(part.Recipients, 'number', 'numbers')}
                  {detail?.StartDate ? ` · starts ${formatApiDateTime(detail.StartDate)} your time` : ''}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  #{part.BroadcastID}
                </Typography>
              </Box>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
}
