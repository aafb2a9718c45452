import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { statusCategoryOf } from '@contract/broadcast.ts';
import type { User } from '@contract/user.ts';
import { paths } from '@/config/paths.ts';
import { formatApiDateTime, formatApiRelative } from '@/utils/format-date.ts';
import { formatCount } from '@/utils/format-number.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';
import { setSendAnyway, useDoubleSendCheck, type DoubleSendCheck, type DoubleSendMatch } from './use-double-send-check.ts';

const likenessWords: Record<DoubleSendMatch['likeness'], string> = {
  both: 'A similar name and message',
  name: 'A similar name',
  message: 'The same or a similar message',
};

/** "sent by Leia Organa 35 minutes ago (Dec 7, 2026, 11:58 AM)", or when a scheduled one starts. */
function describeWhen(match: DoubleSendMatch): string {
  const at = formatApiDateTime(match.startDate);
  const relative = formatApiRelative(match.startDate);
  return match.status !== null && statusCategoryOf(match.status) === 'Scheduled'
    ? `scheduled by ${match.sender} to start ${relative} (${at})`
    : `sent by ${match.sender} ${relative} (${at})`;
}

function describeOverlap(match: DoubleSendMatch): string {
  if (match.overlap === null) return 'who it reached could not be compared: the people here are in a large file.';
  const { shared, ours } = match.overlap;
  return shared === ours
    ? `it reached all ${formatCount(ours)} ${ours === 1 ? 'number' : 'numbers'} this one reaches.`
    : `it reached ${formatCount(shared)} of the ${formatCount(ours)} numbers this one reaches.`;
}

function notes(check: DoubleSendCheck): string[] {
  return [
    ...(check.ownOnly ? ['You can see only your own broadcasts, so broadcasts others sent were not checked.'] : []),
    ...(check.unread > 0 ? [`${formatCount(check.unread)} people in large files were not compared.`] : []),
    ...(check.partial ? ['Only the first 20,000 numbers of a list or broadcast were compared.'] : []),
  ];
}

/**
 * The double-send guard in the review step (docs/decisions/0188-double-send-guard.md): names any broadcast with a
 * similar name or message that went to mostly the same people in the last 24 hours, and keeps Send off until the
 * user ticks "Send it anyway".
 */
export function DoubleSendWarning({ draft, user }: { draft: BroadcastDraft; user: User }) {
  const { check, sendAnyway } = useDoubleSendCheck(draft, user);
  const titleId = useId();

  if (check.isPending) {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'text.secondary' }}>
        <CircularProgress size={16} aria-hidden />
        <Typography variant="body2">Checking whether a similar broadcast went out in the last 24 hours…</Typography>
      </Box>
    );
  }
  if (check.isError) {
    return (
      <Alert severity="info" role="status">
        Callboard could not check for a similar broadcast sent in the last 24 hours ({check.error.message}). If you are not sure it has not gone out already,
        look at the broadcasts list before sending.
      </Alert>
    );
  }

  const { matches } = check.data;
  const extra = notes(check.data);
  if (matches.length === 0) {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, color: 'text.secondary' }}>
        <CheckCircleOutlined fontSize="small" color="success" aria-hidden sx={{ mt: '1px' }} />
        <Typography variant="body2">No similar broadcast went to these people in the last 24 hours.{extra.length > 0 ? ` ${extra.join(' ')}` : ''}</Typography>
      </Box>
    );
  }

  const one = matches.length === 1;
  return (
    <Alert severity="warning" role="status" aria-labelledby={titleId} sx={{ '& .MuiAlert-message': { width: '100%', minWidth: 0 } }}>
      <AlertTitle id={titleId}>{one ? 'This may repeat a broadcast that already went out' : 'This may repeat broadcasts that already went out'}</AlertTitle>
      <Stack component="ul" spacing={1} sx={{ m: 0, pl: 2, overflowWrap: 'anywhere' }}>
        {matches.map((match) => (
          <li key={match.id}>
            <Link component={RouterLink} to={paths.broadcasts.report.href(match.id)} color="inherit" sx={{ fontWeight: 600 }}>
              “{match.name}”
            </Link>
            , {describeWhen(match)}. {likenessWords[match.likeness]}; {describeOverlap(match)}
          </li>
        ))}
      </Stack>
      {extra.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {extra.join(' ')}
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        If {one ? 'it is' : 'they are'} the same message to the same people, there is no need to send it again. Your draft is kept either way.
      </Typography>
      <FormControlLabel
        sx={{ mt: 0.5, mr: 0 }}
        control={<Checkbox checked={sendAnyway} onChange={(event) => setSendAnyway(draft.idempotencyKey, matches, event.target.checked)} />}
        label="Send it anyway: this is not a repeat"
      />
    </Alert>
  );
}
