import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { InboxConversation } from '@contract/conversation.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { mayAskToStop } from '@contract/text-opt-out.ts';
import { formatApiRelative } from '@/utils/format-date.ts';
import { conversationItemId, conversationTitle, messageSnippet } from '../conversation-display.ts';
import { textOr } from '@/utils/missing.ts';

export interface ConversationListProps {
  conversations: InboxConversation[];
  selectedId: number | null;
  hrefFor: (conversationId: number) => string;
  /** Text number names by ID, shown when the list mixes numbers. */
  textNumberNames: ReadonlyMap<number, string> | null;
  loading: boolean;
  /** Shown instead of the list when it is empty. */
  empty: ReactNode;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

function initialsOf(conversation: InboxConversation): string {
  return `${conversation.FirstName?.charAt(0) ?? ''}${conversation.LastName?.charAt(0) ?? ''}`.toUpperCase();
}

function ConversationListItem({
  conversation,
  selected,
  href,
  textNumberName,
}: {
  conversation: InboxConversation;
  selected: boolean;
  href: string;
  textNumberName: string | null;
}) {
  const unread = conversation.UnreadCount > 0;
  // Flagged for a person: the latest text is a reply that may ask to stop, which the service did not act on (decision 0142).
  const askingToStop = !conversation.IsOptedOut && conversation.LastMessage?.Direction === 'Inbound' && mayAskToStop(conversation.LastMessage.Message);
  const initials = initialsOf(conversation);
  const title = conversationTitle(conversation);
  return (
    <ListItemButton
      id={conversationItemId(conversation.ConversationID)}
      component={RouterLink}
      to={href}
      selected={selected}
      aria-current={selected ? 'true' : undefined}
      sx={{ alignItems: 'flex-start', gap: 1.5, py: 1.25, px: 1.5, borderRadius: 2, mb: 0.5 }}
    >
      <Avatar
        aria-hidden
        sx={{
          width: 36,
          height: 36,
          fontSize: 14,
          fontWeight: 600,
          bgcolor: unread ? 'primary.main' : 'action.selected',
          color: unread ? 'primary.contrastText' : 'text.secondary',
        }}
      >
        {initials || <PersonOutlined fontSize="small" />}
      </Avatar>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
          <Typography component="span" variant="body2" noWrap sx={{ flex: 1, minWidth: 0, fontWeight: unread ? 700 : 500, color: 'text.primary' }}>
            {title}
          </Typography>
          <Typography component="span" variant="caption" color="textSecondary" sx={{ flexShrink: 0 }}>
            {formatApiRelative(conversation.LastMessageDate)}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mt: 0.25 }}>
          <Typography
            component="span"
            variant="body2"
            color={unread ? 'text.primary' : 'text.secondary'}
            sx={{
              flex: 1,
              minWidth: 0,
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
              wordBreak: 'break-word',
            }}
          >
            {messageSnippet(conversation.LastMessage)}
          </Typography>
          {unread && (
            <Box
              component="span"
              aria-label={`${conversation.UnreadCount} unread`}
              sx={{
                flexShrink: 0,
                minWidth: 20,
                height: 20,
                px: 0.75,
                borderRadius: 10,
                bgcolor: 'primary.main',
                color: 'primary.contrastText',
                fontSize: 12,
                fontWeight: 700,
                display: 'grid',
                placeItems: 'center',
              }}
            >
              {conversation.UnreadCount}
            </Box>
          )}
        </Stack>
        {/* One line, always drawn, whatever it holds: a row never grows under the pointer when the text number
            names arrive, so a click that lands as they do still opens the conversation pressed. */}
        <Stack direction="row" spacing={1.5} sx={{ mt: 0.5, color: 'text.secondary', minHeight: 20, overflow: 'hidden', whiteSpace: 'nowrap' }}>
          {askingToStop && (
            <Typography
              component="span"
              variant="caption"
              sx={(theme) => ({
                display: 'inline-flex',
                alignItems: 'center',
                gap: 0.25,
                fontWeight: 600,
                color: 'warning.dark',
                ...theme.applyStyles('dark', { color: 'warning.light' }),
              })}
            >
              <FlagOutlined sx={{ fontSize: 14 }} aria-hidden /> May ask to stop
            </Typography>
          )}
          {title !== formatPhoneNumber(conversation.PhoneNumber) && (
            <Typography component="span" variant="caption">
              {formatPhoneNumber(conversation.PhoneNumber)}
            </Typography>
          )}
          {textNumberName && (
            <Typography component="span" variant="caption">
              {textNumberName}
            </Typography>
          )}
          {conversation.IsDone && (
            <Typography component="span" variant="caption" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25 }}>
              <CheckCircleOutlined sx={{ fontSize: 14 }} aria-hidden /> Done
            </Typography>
          )}
          {conversation.IsOptedOut && (
            <Typography component="span" variant="caption" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, color: 'error.main' }}>
              <BlockOutlined sx={{ fontSize: 14 }} aria-hidden /> Opted out
            </Typography>
          )}
          {conversation.Broadcast && (
            <Tooltip title={`Replied to “${textOr(conversation.Broadcast.BroadcastName)}”`}>
              <Typography component="span" variant="caption" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, minWidth: 0 }}>
                <CampaignOutlined sx={{ fontSize: 14 }} aria-hidden />
                <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 140 }}>
                  {conversation.Broadcast.BroadcastName}
                </Box>
              </Typography>
            </Tooltip>
          )}
        </Stack>
      </Box>
    </ListItemButton>
  );
}

/** The inbox's conversations, latest activity first; each one a link to its thread. */
export function ConversationList({
  conversations,
  selectedId,
  hrefFor,
  textNumberNames,
  loading,
  empty,
  hasMore,
  loadingMore,
  onLoadMore,
}: ConversationListProps) {
  if (loading) {
    return (
      <Box sx={{ p: 1.5 }} aria-label="Loading conversations" role="status">
        {Array.from({ length: 6 }, (_, index) => (
          <Stack key={index} direction="row" spacing={1.5} sx={{ mb: 2 }}>
            <Skeleton variant="circular" width={36} height={36} />
            <Box sx={{ flex: 1 }}>
              <Skeleton width="60%" />
              <Skeleton width="90%" />
            </Box>
          </Stack>
        ))}
      </Box>
    );
  }
  if (conversations.length === 0) return <>{empty}</>;
  return (
    <>
      <List aria-label="Conversations" disablePadding sx={{ p: 1 }}>
        {conversations.map((conversation) => (
          <li key={conversation.ConversationID}>
            <ConversationListItem
              conversation={conversation}
              selected={conversation.ConversationID === selectedId}
              href={hrefFor(conversation.ConversationID)}
              textNumberName={textNumberNames?.get(conversation.TextNumberID) ?? null}
            />
          </li>
        ))}
      </List>
      {hasMore && (
        <Box sx={{ px: 2, pb: 2 }}>
          <Button fullWidth variant="outlined" onClick={onLoadMore} loading={loadingMore}>
            Load more conversations
          </Button>
        </Box>
      )}
    </>
  );
}
