import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { Fragment, useEffect, useRef } from 'react';
import type { TextMessage } from '@contract/conversation.ts';
import { formatApiDay, formatApiTime } from '@/utils/format-date.ts';
import { messageStatusLabels } from '../conversation-display.ts';

export interface MessageListProps {
  /** Oldest first. */
  messages: TextMessage[];
  /** Names the log for screen readers ("Texts with Mary Smith"). */
  label: string;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  onLoadEarlier: () => void;
}

function senderOf(message: TextMessage): string {
  if (message.Direction === 'Inbound') return '';
  if (message.IsAutomatic) return 'Automatic reply';
  return message.User ? `${message.User.FirstName ?? ''} ${message.User.LastName ?? ''}`.trim() : 'Broadcast';
}

function MessageBubble({ message }: { message: TextMessage }) {
  const outbound = message.Direction === 'Outbound';
  const failed = message.Status === 'Failed';
  const details = [formatApiTime(message.MessageDate), senderOf(message), message.Status ? messageStatusLabels[message.Status] : null].filter(Boolean);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: outbound ? 'flex-end' : 'flex-start', mb: 1.5 }}>
      <Box
        sx={(theme) => ({
          maxWidth: 'min(520px, 85%)',
          px: 1.75,
          py: 1,
          borderRadius: 3,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          ...(outbound
            ? {
                bgcolor: message.IsAutomatic ? 'action.selected' : 'primary.main',
                color: message.IsAutomatic ? 'text.primary' : 'primary.contrastText',
                borderBottomRightRadius: 6,
              }
            : { bgcolor: 'background.default', border: 1, borderColor: 'divider', borderBottomLeftRadius: 6 }),
          ...(failed && { outline: `2px solid ${theme.vars?.palette.error.main ?? theme.palette.error.main}` }),
        })}
      >
        <Typography variant="body2" component="p" sx={{ m: 0 }}>
          {message.Message}
        </Typography>
      </Box>
      <Typography
        variant="caption"
        color={failed ? 'error' : 'text.secondary'}
        sx={{ mt: 0.5, px: 0.5, display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
      >
        {failed && <ErrorOutlineOutlined sx={{ fontSize: 14 }} aria-hidden />}
        {details.join(' · ')}
      </Typography>
    </Box>
  );
}

/** A thread's texts by day, theirs on the left and ours on the right; keeps the latest in view. */
export function MessageList({ messages, label, hasEarlier, loadingEarlier, onLoadEarlier }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const latestId = messages.at(-1)?.TextMessageID;

  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [latestId]);

  const days = messages.map((message) => formatApiDay(message.MessageDate));
  return (
    <Box ref={scroller} sx={{ flex: 1, minHeight: 0, overflowY: 'auto', px: { xs: 2, md: 3 }, py: 2 }}>
      {hasEarlier && (
        <Box sx={{ textAlign: 'center', mb: 2 }}>
          <Button size="small" onClick={onLoadEarlier} loading={loadingEarlier}>
            Show earlier texts
          </Button>
        </Box>
      )}
      <Box role="log" aria-label={label}>
        {messages.map((message, index) => {
          const day = days[index]!;
          return (
            <Fragment key={message.TextMessageID}>
              {day !== days[index - 1] && (
                <Divider sx={{ my: 2, '&::before, &::after': { borderColor: 'divider' } }}>
                  <Typography variant="caption" color="textSecondary">
                    {day}
                  </Typography>
                </Divider>
              )}
              <MessageBubble message={message} />
            </Fragment>
          );
        })}
      </Box>
    </Box>
  );
}
