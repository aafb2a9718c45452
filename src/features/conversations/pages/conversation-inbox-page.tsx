import AddCommentOutlined from '@mui/icons-material/AddCommentOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useUpdateConversation } from '@/api/resources/conversations/conversation-mutations.ts';
import { conversationQueries } from '@/api/resources/conversations/conversation-queries.ts';
import { textNumberQueries } from '@/api/resources/text-numbers/text-number-queries.ts';
import type { Filter } from '@/api/list-params.ts';
import type { InboxConversation } from '@contract/conversation.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { LiveRegion } from '@/components/feedback/live-region.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { paths } from '@/config/paths.ts';
import { useAnnouncement } from '@/hooks/use-announcement.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatCount } from '@/utils/format-number.ts';
import { INBOX_POLL_MS, conversationItemId, conversationTitle, inboxQueues, messageSnippet, parseQueue } from '../conversation-display.ts';
import { ConversationList } from '../components/conversation-list.tsx';
import { InboxEmptyState } from '../components/inbox-empty-state.tsx';
import { ConversationThread } from '../components/conversation-thread.tsx';
import { KeyboardShortcutsDialog } from '../components/keyboard-shortcuts-dialog.tsx';
import type { ComposerHandle } from '../components/message-composer.tsx';
import { NewConversationDialog } from '../components/new-conversation-dialog.tsx';
import { useInboxShortcuts } from '../hooks/use-inbox-shortcuts.ts';
import { textOr } from '@/utils/missing.ts';
import { isCreatedUnread } from '@/api/api-client.ts';

const INBOX_PAGE_SIZE = 30;
const idFrom = (value: string | undefined) => (value && /^\d{1,15}$/.test(value) ? Number(value) : null);

/**
 * The inbox: queues of conversations on the left, the open thread on the right, worked with the mouse or the
 * keyboard (J/K, R, E, U, ?). The open thread is part of the path, the queue and filters are in the query.
 */
export function ConversationInboxPage() {
  const selectedId = idFrom(useParams().conversationId);
  const location = useLocation();
  const navigate = useNavigate();
  const notify = useNotify();
  const [announcement, announce] = useAnnouncement();
  const list = useListSearchParams<'queue' | 'number' | 'broadcast'>({ filters: ['queue', 'number', 'broadcast'] });
  const textNumberId = idFrom(list.filters.number);
  const broadcastId = idFrom(list.filters.broadcast);
  const queue = parseQueue(list.filters.queue, { broadcast: broadcastId !== null });
  const defaultQueue = parseQueue('', { broadcast: broadcastId !== null });

  const inboxParams = useMemo(() => {
    const filters: Filter[] = [];
    if (queue !== 'all') filters.push({ field: 'IsDone', op: 'eq', value: queue === 'done' });
    if (textNumberId !== null) filters.push({ field: 'TextNumberID', op: 'eq', value: textNumberId });
    if (broadcastId !== null) filters.push({ field: 'BroadcastID', op: 'eq', value: broadcastId });
    return { filters, search: list.search, pageSize: INBOX_PAGE_SIZE };
  }, [queue, textNumberId, broadcastId, list.search]);
  const inbox = useInfiniteQuery({ ...conversationQueries.inbox(inboxParams), refetchInterval: INBOX_POLL_MS });
  const conversations = useMemo(() => inbox.data?.pages.flatMap((page) => page.Items) ?? [], [inbox.data]);
  const total = inbox.data?.pages[0]?.Size ?? 0;
  const textNumbers = useQuery(textNumberQueries.list());
  const textNumberNames = useMemo(
    () => (textNumberId === null && textNumbers.data ? new Map(textNumbers.data.Items.map((number) => [number.TextNumberID, textOr(number.Name)])) : null),
    [textNumberId, textNumbers.data],
  );
  // The open thread may not be in the list (a link from elsewhere, a filter): its own query knows it.
  const selectedDetail = useQuery({ ...conversationQueries.detail(selectedId ?? 0), enabled: selectedId !== null });
  const selectedIndex = conversations.findIndex((conversation) => conversation.ConversationID === selectedId);
  const selected = selectedId === null ? undefined : (selectedDetail.data ?? conversations[selectedIndex]);

  const { mutate: update } = useUpdateConversation();
  const composer = useRef<ComposerHandle>(null);
  const threadRegion = useRef<HTMLElement>(null);
  const lastDone = useRef<InboxConversation | null>(null);
  const [newTextOpen, setNewTextOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  const hrefFor = (conversationId: number) => `${paths.conversations.thread.href(conversationId)}${location.search}`;
  const inboxHref = `${paths.conversations.inbox.href()}${location.search}`;
  const describe = (conversation: InboxConversation, index: number) =>
    `${conversationTitle(conversation)}, ${index + 1} of ${formatCount(total)}` +
    `${conversation.UnreadCount ? `, ${conversation.UnreadCount} unread` : ''}. ${messageSnippet(conversation.LastMessage)}`;

  const open = (conversation: InboxConversation) => {
    void navigate(hrefFor(conversation.ConversationID), { replace: true });
    document.getElementById(conversationItemId(conversation.ConversationID))?.scrollIntoView({ block: 'nearest' });
  };

  const move = (step: 1 | -1) => {
    if (conversations.length === 0) return announce('There are no conversations here.');
    const target = selectedIndex === -1 ? 0 : selectedIndex + step;
    if (target < 0) return announce('This is the first conversation.');
    if (target >= conversations.length) {
      if (!inbox.hasNextPage) return announce('This is the last conversation.');
      void inbox.fetchNextPage();
      return announce('Loading more conversations. Press J again in a moment.');
    }
    const conversation = conversations[target]!;
    open(conversation);
    announce(describe(conversation, target));
  };

  const setDone = (conversation: InboxConversation, done: boolean, { undoable = true } = {}) => {
    const title = conversationTitle(conversation);
    update(
      { conversationId: conversation.ConversationID, changes: { IsDone: done } },
      {
        onSuccess: () => {
          lastDone.current = done ? conversation : null;
          if (undoable) {
            notify({
              message: done ? `Marked done: ${title}` : `Reopened: ${title}`,
              action: { label: 'Undo', onClick: () => setDone(conversation, !done, { undoable: false }) },
            });
          } else {
            announce(done ? `${title} is done again.` : `${title} needs a reply again.`);
          }
        },
      },
    );
  };

  const toggleDone = (conversation: InboxConversation) => {
    const done = !conversation.IsDone;
    // Resolve and go on: when the conversation leaves this queue, the next one opens.
    const leaves = (queue === 'open' && done) || (queue === 'done' && !done);
    const index = conversations.findIndex((item) => item.ConversationID === conversation.ConversationID);
    const next = leaves && index !== -1 ? (conversations[index + 1] ?? conversations[index - 1]) : undefined;
    setDone(conversation, done);
    const title = conversationTitle(conversation);
    let message = done ? `Marked done: ${title}. Press U to undo.` : `Reopened: ${title}.`;
    if (leaves && conversation.ConversationID === selectedId) {
      if (next) {
        open(next);
        message += ` Now: ${conversationTitle(next)}.`;
      } else {
        void navigate(inboxHref, { replace: true });
      }
    }
    announce(message);
  };

  useInboxShortcuts({
    next: () => move(1),
    previous: () => move(-1),
    reply: () => {
      if (!selected) return announce('Open a conversation first: press J.');
      if (selected.IsOptedOut) return announce(`${conversationTitle(selected)} is opted out; nothing can be sent.`);
      composer.current?.focus();
      announce(`Replying to ${conversationTitle(selected)}. Ctrl+Enter sends, Escape leaves the reply box.`);
    },
    toggleDone: () => (selected ? toggleDone(selected) : announce('Open a conversation first: press J.')),
    undo: () => {
      const conversation = lastDone.current;
      if (!conversation) return announce('Nothing to undo.');
      lastDone.current = null;
      setDone(conversation, false, { undoable: false });
    },
    help: () => setHelpOpen(true),
  });

  const broadcastName = conversations.find((conversation) => conversation.Broadcast?.BroadcastID === broadcastId)?.Broadcast?.BroadcastName;
  const filtered = list.search !== '' || textNumberId !== null || broadcastId !== null;
  const empty = (
    <InboxEmptyState queue={queue} ofBroadcast={broadcastId !== null && list.search === ''} filtered={filtered} onNewText={() => setNewTextOpen(true)} />
  );

  return (
    <PageContainer
      {...pageIntros.conversations}
      actions={
        <>
          <Button startIcon={<KeyboardOutlined />} onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            Shortcuts
          </Button>
          <Button variant="contained" startIcon={<AddCommentOutlined />} onClick={() => setNewTextOpen(true)}>
            New text
          </Button>
        </>
      }
    >
      <LiveRegion announcement={announcement} label="Inbox announcements" />
      <Paper
        variant="outlined"
        sx={{
          display: 'grid',
          // minmax(0, …): a long line in a row is cut, never widening the page past a phone's screen.
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(320px, 380px) minmax(0, 1fr)' },
          height: { md: 'calc(100vh - 230px)' },
          minHeight: 540,
          overflow: 'hidden',
        }}
      >
        <Box
          component="section"
          aria-label="Inbox"
          sx={{
            display: { xs: selectedId === null ? 'flex' : 'none', md: 'flex' },
            flexDirection: 'column',
            minHeight: 0,
            borderRight: { md: 1 },
            borderColor: { md: 'divider' },
          }}
        >
          <Box sx={{ px: 2, pt: 1, pb: 1.5, borderBottom: 1, borderColor: 'divider' }}>
            <Tabs
              value={queue}
              onChange={(_event, value: string) => list.setFilter('queue', value === defaultQueue ? null : value)}
              aria-label="Queue"
              variant="fullWidth"
            >
              {inboxQueues.map((item) => (
                <Tab key={item.value} value={item.value} label={item.label} />
              ))}
            </Tabs>
            <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
              <DebouncedSearchField value={list.search} onChange={list.setSearch} label="Search" placeholder="Name or phone" />
              <TextField
                select
                size="small"
                label="Text number"
                value={textNumberId ?? ''}
                onChange={(event) => list.setFilter('number', event.target.value || null)}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                sx={{ maxWidth: 160 }}
              >
                <MenuItem value="">All numbers</MenuItem>
                {(textNumbers.data?.Items ?? []).map((number) => (
                  <MenuItem key={number.TextNumberID} value={number.TextNumberID}>
                    {number.Name} · {formatPhoneNumber(number.TextPhoneNumber)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            {broadcastId !== null && (
              <Chip
                icon={<CampaignOutlined />}
                label={`Replies to ${broadcastName ? `“${broadcastName}”` : `broadcast ${broadcastId}`}`}
                onDelete={() => list.setFilter('broadcast', null)}
                sx={{ mt: 1.5, maxWidth: '100%' }}
              />
            )}
            <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 1 }} aria-live="polite">
              {inbox.isPending ? 'Loading…' : `${formatCount(total)} conversation${total === 1 ? '' : 's'}`}
            </Typography>
          </Box>
          <Box sx={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
            {inbox.isError ? (
              <Box sx={{ p: 2 }}>
                <QueryErrorAlert title="The conversations could not be loaded." error={inbox.error} onRetry={() => void inbox.refetch()} />
              </Box>
            ) : (
              <ConversationList
                conversations={conversations}
                selectedId={selectedId}
                hrefFor={hrefFor}
                textNumberNames={textNumberNames}
                loading={inbox.isPending}
                empty={empty}
                hasMore={inbox.hasNextPage}
                loadingMore={inbox.isFetchingNextPage}
                onLoadMore={() => void inbox.fetchNextPage()}
              />
            )}
          </Box>
        </Box>
        <Box
          component="section"
          ref={threadRegion}
          tabIndex={-1}
          aria-label={selected ? `Conversation with ${conversationTitle(selected)}` : 'Conversation'}
          sx={{ display: { xs: selectedId === null ? 'none' : 'flex', md: 'flex' }, flexDirection: 'column', minHeight: 0, outline: 'none' }}
        >
          {selectedId === null ? (
            <Box sx={{ m: 'auto' }}>
              <EmptyState icon={<ForumOutlined />} title="Pick a conversation." description="Or press J to open the first one, and ? for every shortcut." />
            </Box>
          ) : (
            <ConversationThread
              conversationId={selectedId}
              placeholder={conversations[selectedIndex]}
              composerRef={composer}
              inboxHref={inboxHref}
              onToggleDone={toggleDone}
              onMarkUnread={(conversation) => {
                update({ conversationId: conversation.ConversationID, changes: { IsRead: false } });
                void navigate(inboxHref);
                announce(`Marked unread: ${conversationTitle(conversation)}.`);
              }}
              onSent={(conversation) => announce(`Sent to ${conversationTitle(conversation)}.`)}
              onLeaveComposer={() => {
                threadRegion.current?.focus();
                announce('Left the reply box. J and K move between conversations.');
              }}
            />
          )}
        </Box>
      </Paper>
      <NewConversationDialog
        open={newTextOpen}
        onClose={() => setNewTextOpen(false)}
        textNumberId={textNumberId}
        onStarted={(conversation) => {
          setNewTextOpen(false);
          // Sent, even when the answer could not be read (decision 92): open the thread if we know which it is.
          const id = isCreatedUnread(conversation) ? conversation.id : conversation.ConversationID;
          if (id !== null) void navigate(hrefFor(id));
          notify({ message: isCreatedUnread(conversation) ? 'Text sent.' : `Text sent to ${conversationTitle(conversation)}` });
        }}
      />
      <KeyboardShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </PageContainer>
  );
}
