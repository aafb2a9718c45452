import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CallOutlined from '@mui/icons-material/CallOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Navigate, Link as RouterLink, useParams } from 'react-router-dom';
import { conversationQueries } from '@/api/resources/conversations/conversation-queries.ts';
import { optOutQueries } from '@/api/resources/opt-outs/opt-out-queries.ts';
import { phoneNumberQueries } from '@/api/resources/phone-numbers/phone-number-queries.ts';
import { textNumberQueries } from '@/api/resources/text-numbers/text-number-queries.ts';
import type { OptOutEvent } from '@contract/opt-out.ts';
import { normalizePhoneNumber } from '@contract/phone-number.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';
import { useNotOfferedSentence } from '@/api/route-availability.ts';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { formatApiDateTime, formatApiDay, formatApiRelative } from '@/utils/format-date.ts';
import { formatCount } from '@/utils/format-number.ts';
import { AddOptOutDialog } from '../components/add-opt-out-dialog.tsx';
import { BroadcastResultsTable } from '../components/broadcast-results-table.tsx';
import { describeEvent, reasonOf } from '../opt-out-display.ts';
import { RemoveOptOutDialog, type RemovableOptOut } from '../components/remove-opt-out-dialog.tsx';
import { SectionCard } from '@/components/layout/section-card.tsx';
import { BackLink } from '@/components/layout/back-link.tsx';

const BROADCASTS_SHOWN = 50;

/** Whether one channel can reach the number, and since when it cannot. */
function ChannelStatus({ icon, label, blocked, since }: { icon: ReactNode; label: string; blocked: boolean; since: OptOutEvent | undefined }) {
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', py: 1 }}>
      <Box sx={{ color: 'text.secondary', mt: 0.25 }} aria-hidden>
        {icon}
      </Box>
      <Box sx={{ flex: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {label}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {blocked ? (since ? `Since ${formatApiDay(since.EventDate)}: ${reasonOf(since)}.` : 'Opted out.') : 'Can be reached.'}
        </Typography>
      </Box>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: blocked ? 'error.main' : 'success.main', flexShrink: 0 }}>
        {blocked ? <BlockOutlined fontSize="small" aria-hidden /> : <CheckCircleOutlined fontSize="small" aria-hidden />}
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {blocked ? 'Blocked' : 'Allowed'}
        </Typography>
      </Stack>
    </Stack>
  );
}

function PhoneNumberHistory({ phoneNumber }: { phoneNumber: string }) {
  const [adding, setAdding] = useState(false);
  const addNotOffered = useNotOfferedSentence('optOutAdd');
  const removeNotOffered = useNotOfferedSentence('optOutRemove');
  const [removing, setRemoving] = useState<RemovableOptOut | null>(null);
  const byNumber = { filters: [{ field: 'PhoneNumber', op: 'eq' as const, value: phoneNumber }] };
  const optOut = useQuery(optOutQueries.list({ ...byNumber, pageSize: 1 }));
  const history = useQuery(optOutQueries.history(phoneNumber));
  const conversations = useQuery(conversationQueries.list({ ...byNumber, pageSize: 50 }));
  const broadcasts = useQuery(phoneNumberQueries.broadcasts(phoneNumber, { pageSize: BROADCASTS_SHOWN }));
  const textNumbers = useQuery(textNumberQueries.list());

  const current = optOut.data?.Items[0];
  const named = current ?? conversations.data?.Items[0] ?? broadcasts.data?.Items[0];
  const name = named ? `${named.FirstName ?? ''} ${named.LastName ?? ''}`.trim() : '';
  const events = history.data?.Items ?? [];
  // The opt-out that set each channel: the latest event that added it.
  const setBy = (channel: 'DoNotCall' | 'DoNotText') => events.find((event) => event.Action === 'OptOut' && event[channel]);
  const textNumberName = (id: number) => textNumbers.data?.Items.find((number) => number.TextNumberID === id)?.Name ?? 'Text number';

  return (
    <PageContainer
      title={formatPhoneNumber(phoneNumber)}
      description={
        name
          ? `${name}. Whether this number can be reached, why, and everything sent to it.`
          : 'Whether this number can be reached, why, and everything sent to it.'
      }
      eyebrow={<BackLink to={paths.optOuts.list.href()}>Opt-outs</BackLink>}
    >
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard
            title="Can we reach it?"
            action={
              current && !current.GlobalOptOut && removeNotOffered ? (
                <NotOfferedNote sentence={removeNotOffered} />
              ) : current && !current.GlobalOptOut ? (
                <Button size="small" onClick={() => setRemoving(current)}>
                  Opt back in
                </Button>
              ) : undefined
            }
          >
            {optOut.isError ? (
              <QueryErrorAlert title="The opt-out could not be loaded." error={optOut.error} onRetry={() => void optOut.refetch()} />
            ) : optOut.isPending || history.isPending ? (
              <Skeleton variant="rounded" height={96} />
            ) : (
              <>
                <ChannelStatus icon={<CallOutlined />} label="Calls" blocked={current?.DoNotCall ?? false} since={setBy('DoNotCall')} />
                <ChannelStatus icon={<SmsOutlined />} label="Texts" blocked={current?.DoNotText ?? false} since={setBy('DoNotText')} />
                {current?.GlobalOptOut && (
                  <Typography variant="body2" color="error" sx={{ mt: 1 }}>
                    This number opted out of every Text-Em-All sender; that cannot be lifted here.
                  </Typography>
                )}
                {!(current?.DoNotCall && current.DoNotText) &&
                  (addNotOffered ? (
                    <NotOfferedNote sentence={addNotOffered} />
                  ) : (
                    <Button size="small" variant="outlined" sx={{ mt: 1 }} onClick={() => setAdding(true)}>
                      Add an opt-out
                    </Button>
                  ))}
              </>
            )}
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SectionCard title="Opt-out history">
            {history.isError ? (
              <QueryErrorAlert title="The history could not be loaded." error={history.error} onRetry={() => void history.refetch()} />
            ) : history.isPending ? (
              <Skeleton variant="rounded" height={96} />
            ) : events.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                This number never opted out.
              </Typography>
            ) : (
              <List dense disablePadding aria-label="Opt-out history">
                {events.map((event) => (
                  <ListItem key={event.EventID} disableGutters alignItems="flex-start">
                    <ListItemText
                      primary={describeEvent(event)}
                      secondary={
                        <>
                          {formatApiDateTime(event.EventDate)}
                          {event.BroadcastID !== null && (
                            <>
                              {' · '}
                              <Link component={RouterLink} to={paths.broadcasts.report.href(event.BroadcastID)}>
                                broadcast {event.BroadcastID}
                              </Link>
                            </>
                          )}
                        </>
                      }
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </SectionCard>
        </Grid>
        <Grid size={12}>
          <SectionCard title="Conversations">
            {conversations.isError ? (
              <QueryErrorAlert title="The conversations could not be loaded." error={conversations.error} onRetry={() => void conversations.refetch()} />
            ) : conversations.isPending ? (
              <Skeleton variant="rounded" height={64} />
            ) : conversations.data.Items.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                No conversations with this number.
              </Typography>
            ) : (
              <List dense disablePadding aria-label="Conversations with this number">
                {conversations.data.Items.map((conversation) => (
                  <ListItemButton
                    key={conversation.ConversationID}
                    component={RouterLink}
                    to={paths.conversations.thread.href(conversation.ConversationID, { queue: 'all' })}
                    sx={{ borderRadius: 2 }}
                  >
                    <ListItemText
                      primary={`${textNumberName(conversation.TextNumberID)} · ${formatPhoneNumber(conversation.TextPhoneNumber)}`}
                      secondary={`${conversation.LastMessage ? (conversation.LastMessage.Message ?? '').replace(/\s+/g, ' ') : 'No texts yet'} · ${formatApiRelative(conversation.LastMessageDate)}${conversation.IsDone ? ' · Done' : ''}`}
                      slotProps={{ secondary: { noWrap: true } }}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </SectionCard>
        </Grid>
        <Grid size={12}>
          <SectionCard title="Broadcasts">
            {broadcasts.isError ? (
              <QueryErrorAlert title="The broadcasts could not be loaded." error={broadcasts.error} onRetry={() => void broadcasts.refetch()} />
            ) : broadcasts.isPending ? (
              <Skeleton variant="rounded" height={96} />
            ) : broadcasts.data.Items.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                No broadcast you can see included this number.
              </Typography>
            ) : (
              <>
                <BroadcastResultsTable items={broadcasts.data.Items} />
                {broadcasts.data.Size > BROADCASTS_SHOWN && (
                  <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 1 }}>
                    The latest {BROADCASTS_SHOWN} of {formatCount(broadcasts.data.Size)} broadcasts.
                  </Typography>
                )}
              </>
            )}
          </SectionCard>
        </Grid>
      </Grid>
      <AddOptOutDialog open={adding} phoneNumber={phoneNumber} onClose={() => setAdding(false)} />
      <RemoveOptOutDialog optOut={removing} onClose={() => setRemoving(null)} />
    </PageContainer>
  );
}

/** A phone number's page: its opt-outs by channel and their history, its conversations, the broadcasts that had it. */
export function PhoneNumberHistoryPage() {
  const raw = useParams().phoneNumber ?? '';
  const check = normalizePhoneNumber(raw);
  if (!check.ok) {
    return (
      <PageContainer title="Phone number">
        <EmptyState
          title="That is not a valid phone number."
          description="Check the link: a US number has ten digits."
          action={
            <Button component={RouterLink} to={paths.optOuts.list.href()}>
              Go to the opt-outs
            </Button>
          }
        />
      </PageContainer>
    );
  }
  // One address per number: (214) 555-1234, 12145551234 and 2145551234 all land on /phone-numbers/2145551234.
  if (check.digits !== raw) return <Navigate to={paths.phoneNumbers.history.href(check.digits)} replace />;
  return <PhoneNumberHistory key={check.digits} phoneNumber={check.digits} />;
}
