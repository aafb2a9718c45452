import ArrowBack from '@mui/icons-material/ArrowBack';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import MarkChatUnreadOutlined from '@mui/icons-material/MarkChatUnreadOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, type ReactElement, type Ref } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useUpdateConversation } from '@/api/resources/conversations/conversation-mutations.ts';
import { conversationQueries } from '@/api/resources/conversations/conversation-queries.ts';
import { textNumberQueries } from '@/api/resources/text-numbers/text-number-queries.ts';
import { useAddOptOut } from '@/api/resources/opt-outs/opt-out-mutations.ts';
import { optOutQueries } from '@/api/resources/opt-outs/opt-out-queries.ts';
import { mayAskToStop } from '@contract/text-opt-out.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { isRecordNotFound, useNotOfferedSentence } from '@/api/route-availability.ts';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';
import type { InboxConversation, TextMessage } from '@contract/conversation.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { paths } from '@/config/paths.ts';
import { INBOX_POLL_MS, conversationTitle } from '../conversation-display.ts';
import { MessageComposer, type ComposerHandle } from './message-composer.tsx';
import { MessageList } from './message-list.tsx';
import type { CreatedUnread } from '@/api/api-client.ts';
import { textOr } from '@/utils/missing.ts';

export interface ConversationThreadProps {
  conversationId: number;
  /** The list's copy, shown while the thread loads. */
  placeholder: InboxConversation | undefined;
  composerRef: Ref<ComposerHandle>;
  /** Where the inbox goes back to (the list, on small screens). */
  inboxHref: string;
  onToggleDone: (conversation: InboxConversation) => void;
  onMarkUnread: (conversation: InboxConversation) => void;
  onSent: (conversation: InboxConversation, message: TextMessage | CreatedUnread) => void;
  onLeaveComposer: () => void;
}

function LinkChip({ icon, label, to }: { icon: ReactElement; label: string; to: string }) {
  return <Chip icon={icon} label={label} component={RouterLink} to={to} clickable size="small" variant="outlined" />;
}

function ThreadHeader({
  conversation,
  inboxHref,
  onToggleDone,
  onMarkUnread,
}: Pick<ConversationThreadProps, 'inboxHref' | 'onToggleDone' | 'onMarkUnread'> & { conversation: InboxConversation }) {
  const { data: textNumbers } = useQuery(textNumberQueries.list());
  const textNumber = textNumbers?.Items.find((number) => number.TextNumberID === conversation.TextNumberID);
  const title = conversationTitle(conversation);
  const named = title !== formatPhoneNumber(conversation.PhoneNumber);
  return (
    <Box sx={{ px: { xs: 2, md: 3 }, py: 2, borderBottom: 1, borderColor: 'divider' }}>
      {/* On a phone the actions take a row of their own, so the name and numbers keep the width. */}
      <Box sx={{ display: 'flex', flexWrap: { xs: 'wrap', sm: 'nowrap' }, columnGap: 1, rowGap: 1, alignItems: 'flex-start' }}>
        <IconButton component={RouterLink} to={inboxHref} aria-label="Back to the conversations" sx={{ display: { md: 'none' }, ml: -1 }}>
          <ArrowBack />
        </IconButton>
        <Box sx={{ flex: 1, minWidth: 0, flexBasis: { xs: 'calc(100% - 48px)', sm: 0 } }}>
          <Typography variant="h2" id="thread-title" tabIndex={-1} sx={{ outline: 'none' }} noWrap>
            {title}
          </Typography>
          <Typography variant="body2" color="textSecondary" sx={{ mt: 0.25 }}>
            {/* Lines break between the parts, never inside a number. */}
            {named && (
              <>
                <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{`${formatPhoneNumber(conversation.PhoneNumber)} ·`}</Box>{' '}
              </>
            )}
            <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
              {textNumber ? `to ${textOr(textNumber.Name)},` : 'to'}
            </Box>{' '}
            <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
              {formatPhoneNumber(conversation.TextPhoneNumber)}
            </Box>
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ ml: 'auto', alignItems: 'center', flexShrink: 0 }}>
          <Tooltip title="Mark unread">
            <IconButton aria-label="Mark unread" onClick={() => onMarkUnread(conversation)}>
              <MarkChatUnreadOutlined />
            </IconButton>
          </Tooltip>
          <Button
            variant={conversation.IsDone ? 'outlined' : 'contained'}
            color={conversation.IsDone ? 'inherit' : 'primary'}
            startIcon={conversation.IsDone ? <ReplayOutlined /> : <CheckCircleOutlined />}
            onClick={() => onToggleDone(conversation)}
            aria-keyshortcuts="E"
          >
            {conversation.IsDone ? 'Reopen' : 'Mark done'}
          </Button>
        </Stack>
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        {conversation.Notes && (
          <Typography variant="body2" sx={{ mr: 1 }}>
            <Box component="span" sx={{ color: 'text.secondary' }}>
              Notes:{' '}
            </Box>
            {conversation.Notes}
          </Typography>
        )}
        {conversation.Broadcast && (
          <LinkChip
            icon={<CampaignOutlined />}
            label={`Replied to “${textOr(conversation.Broadcast.BroadcastName)}”`}
            to={paths.broadcasts.report.href(conversation.Broadcast.BroadcastID)}
          />
        )}
        {conversation.PersonID !== null && <LinkChip icon={<PersonOutlined />} label="Contact" to={paths.contacts.detail.href(conversation.PersonID)} />}
        <LinkChip icon={<HistoryOutlined />} label="Number history" to={paths.phoneNumbers.history.href(conversation.PhoneNumber)} />
      </Stack>
    </Box>
  );
}

/** "texts and calls", "texts", "calls": the channels an opt-out blocks. */
function blockedChannels(optOut: { DoNotCall: boolean | null; DoNotText: boolean | null }): string {
  if (optOut.DoNotCall && optOut.DoNotText) return 'texts and calls';
  return optOut.DoNotText ? 'texts' : 'calls';
}

/** Why nothing can be sent, naming every channel the number is blocked for (a STOP blocks calls too). */
function OptedOutNotice({ conversation }: { conversation: InboxConversation }) {
  const phone = formatPhoneNumber(conversation.PhoneNumber);
  // A STOP blocks both (decision 0031); any other opt-out says itself which channels it holds.
  const optOut = useQuery({
    ...optOutQueries.list({ filters: [{ field: 'PhoneNumber', op: 'eq', value: conversation.PhoneNumber }], pageSize: 1 }),
    enabled: !conversation.IsAutoOptOut,
    select: (feed) => feed.Items.find((item) => item.PhoneNumber === conversation.PhoneNumber) ?? null,
  });
  let what: string;
  if (conversation.IsAutoOptOut)
    what = `${phone} opted out by replying STOP (or a word like it): texts and calls are both blocked. Only they can opt back in, by texting UNSTOP.`;
  else if (optOut.data?.GlobalOptOut) what = `${phone} opted out of every Text-Em-All sender: texts and calls are both blocked.`;
  else if (optOut.data)
    what = `${phone} is opted out: ${blockedChannels({ ...optOut.data, DoNotText: true })} ${optOut.data.DoNotCall ? 'are both' : 'are'} blocked.`;
  else if (optOut.isPending) what = `${phone} is opted out of texts.`;
  else what = `${phone} is opted out of texts, and perhaps of calls: its history says.`;
  return (
    <Alert severity="warning" sx={{ m: 2 }} role="status">
      {what} Nothing can be sent to this number.{' '}
      <Link component={RouterLink} to={paths.phoneNumbers.history.href(conversation.PhoneNumber)}>
        See its history
      </Link>
    </Alert>
  );
}

/** Notes have room for 50 characters: the reply is quoted as far as it fits. */
function optOutNoteFor(reply: string): string {
  const words = reply.replace(/\s+/g, ' ').trim();
  const room = 50 - 'Asked by text: “”'.length;
  return `Asked by text: “${words.length > room ? `${words.slice(0, room - 1)}…` : words}”`;
}

/** A reply that may ask to stop, which the service did not act on: a person decides (decision 0142). */
function AskingToStopNotice({ conversation, reply }: { conversation: InboxConversation; reply: TextMessage }) {
  const add = useAddOptOut();
  const notify = useNotify();
  // Adding an opt-out is an [inferred] route: without it, the flag still shows, without the button (decision 0131).
  const addNotOffered = useNotOfferedSentence('optOutAdd');
  const phone = formatPhoneNumber(conversation.PhoneNumber);
  return (
    <Alert
      severity="warning"
      icon={<FlagOutlined />}
      sx={{ mx: 2, mt: 2 }}
      action={
        !addNotOffered && (
          <Button
            color="inherit"
            size="small"
            loading={add.isPending}
            onClick={() =>
              add.mutate(
                { PhoneNumber: conversation.PhoneNumber, DoNotCall: true, DoNotText: true, Notes: optOutNoteFor(reply.Message ?? '') },
                {
                  onSuccess: () => notify({ message: `${phone} is opted out of texts and calls.` }),
                  onError: (error) => notify({ severity: 'error', message: `${phone} could not be opted out: ${error.message}` }),
                },
              )
            }
          >
            Opt out
          </Button>
        )
      }
    >
      “{(reply.Message ?? '').trim()}” may ask for no more texts. It did not opt the number out: only a reply of just STOP, END, CANCEL, QUIT or UNSUBSCRIBE
      does. If they asked, opt {phone} out of texts and calls.
      {addNotOffered && <NotOfferedNote sentence={addNotOffered} />}
    </Alert>
  );
}

/** One conversation: who it is with, its texts, and the reply box (or why nothing can be sent). */
export function ConversationThread(props: ConversationThreadProps) {
  const { conversationId, placeholder, composerRef, inboxHref, onSent, onLeaveComposer } = props;
  const detail = useQuery({ ...conversationQueries.detail(conversationId), placeholderData: placeholder, refetchInterval: INBOX_POLL_MS });
  const messages = useInfiniteQuery({ ...conversationQueries.messages(conversationId), refetchInterval: INBOX_POLL_MS });
  const { mutate: update } = useUpdateConversation();
  const conversation = detail.data;
  const unread = conversation?.UnreadCount ?? 0;

  // Opening a thread reads it; so does a text arriving while it is open.
  useEffect(() => {
    if (unread > 0) update({ conversationId, changes: { IsRead: true } });
  }, [conversationId, unread, update]);

  if (detail.isError && !conversation) {
    if (isRecordNotFound(detail.error)) {
      return (
        <EmptyState
          title="This conversation does not exist."
          description="It may belong to another account, or the link may be wrong."
          action={
            <Button component={RouterLink} to={inboxHref}>
              Back to the conversations
            </Button>
          }
        />
      );
    }
    return (
      <Box sx={{ p: 3 }}>
        <QueryErrorAlert title="The conversation could not be loaded." error={detail.error} onRetry={() => void detail.refetch()} />
      </Box>
    );
  }
  if (!conversation) {
    return (
      <Box sx={{ p: 3 }} role="status" aria-label="Loading the conversation">
        <Skeleton width="40%" height={32} />
        <Skeleton width="60%" />
        <Skeleton variant="rounded" height={160} sx={{ mt: 3 }} />
      </Box>
    );
  }

  const title = conversationTitle(conversation);
  // Pages come latest first; a thread reads oldest first.
  const ordered = (messages.data?.pages.flatMap((page) => page.Items) ?? []).reverse();
  // Every text of the thread is here and none went out: the next one is the number's first (decision 0140).
  const firstText = messages.isSuccess && !messages.hasNextPage && ordered.every((message) => message.Direction !== 'Outbound');
  // The latest reply, when it may ask to stop without being a keyword the service acts on (decision 0142).
  const latestReply = ordered.findLast((message) => message.Direction === 'Inbound');
  const askingToStop = !conversation.IsOptedOut && latestReply !== undefined && mayAskToStop(latestReply.Message) ? latestReply : null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <ThreadHeader conversation={conversation} inboxHref={inboxHref} onToggleDone={props.onToggleDone} onMarkUnread={props.onMarkUnread} />
      {messages.isError ? (
        <Box sx={{ p: 3 }}>
          <QueryErrorAlert title="The texts could not be loaded." error={messages.error} onRetry={() => void messages.refetch()} />
        </Box>
      ) : messages.isPending ? (
        <Box sx={{ flex: 1, p: 3 }} role="status" aria-label="Loading the texts">
          <Skeleton variant="rounded" height={48} width="55%" sx={{ mb: 2 }} />
          <Skeleton variant="rounded" height={48} width="45%" sx={{ ml: 'auto' }} />
        </Box>
      ) : (
        <MessageList
          messages={ordered}
          label={`Texts with ${title}`}
          hasEarlier={messages.hasNextPage}
          loadingEarlier={messages.isFetchingNextPage}
          onLoadEarlier={() => void messages.fetchNextPage()}
        />
      )}
      {conversation.IsOptedOut ? (
        <OptedOutNotice conversation={conversation} />
      ) : (
        <>
          {askingToStop && <AskingToStopNotice conversation={conversation} reply={askingToStop} />}
          <MessageComposer
            key={conversationId}
            ref={composerRef}
            conversationId={conversationId}
            recipientName={title}
            onSent={(message) => onSent(conversation, message)}
            onLeave={onLeaveComposer}
            firstText={firstText}
          />
        </>
      )}
    </Box>
  );
}
