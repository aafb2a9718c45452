import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import Button from '@mui/material/Button';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import type { InboxQueue } from '../conversation-display.ts';

interface InboxEmptyStateProps {
  queue: InboxQueue;
  /** The replies to one broadcast are shown (without a search). */
  ofBroadcast: boolean;
  /** A search, a text number or a broadcast narrows the list. */
  filtered: boolean;
  onNewText: () => void;
}

/** What the inbox says when its list is empty: why, for the view the user is in, and what to do. */
export function InboxEmptyState({ queue, ofBroadcast, filtered, onNewText }: InboxEmptyStateProps) {
  if (ofBroadcast) {
    return (
      <EmptyState
        icon={<CampaignOutlined />}
        title={queue === 'all' ? 'No replies to this broadcast yet.' : 'No replies to this broadcast here.'}
        description="Replies appear as they arrive."
      />
    );
  }
  if (filtered) return <EmptyState title="No conversations match." description="Try another name or number, or clear the filters." />;
  if (queue === 'open') {
    return <EmptyState icon={<ForumOutlined />} title="Nothing needs a reply." description="New replies land here. Finished conversations are under Done." />;
  }
  if (queue === 'done') return <EmptyState title="Nothing is done yet." description="Mark a conversation done (E) once it needs nothing more." />;
  return (
    <EmptyState
      icon={<ForumOutlined />}
      title="No conversations yet."
      description="Replies to your broadcasts start conversations, or text someone yourself."
      action={
        <Button variant="contained" onClick={onNewText}>
          New text
        </Button>
      }
    />
  );
}
