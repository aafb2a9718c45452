import AddOutlined from '@mui/icons-material/AddOutlined';
import DraftsOutlined from '@mui/icons-material/DraftsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { withSettingDefaults } from '@/api/resources/session/session-user.ts';
import type { User } from '@contract/user.ts';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { LoadingScreen } from '@/components/feedback/loading-screen.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { paths } from '@/config/paths.ts';
import type { BroadcastDraft } from '../create-broadcast-wizard/broadcast-draft.ts';
import { draftChangedAt, draftChangedWhen, draftName, draftRecipients, draftTypeWords } from '../create-broadcast-wizard/draft-summary.ts';
import { useDraftList } from '../create-broadcast-wizard/use-broadcast-draft.ts';
import { BroadcastTabs } from '../components/broadcast-tabs.tsx';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0, display: { xs: 'flex', md: 'block' }, gap: 1 }}>
      <Typography component="dt" variant="caption" color="textSecondary" sx={{ flexShrink: 0, minWidth: { xs: 88, md: 0 } }}>
        {term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

function DraftRow({ draft, onDuplicate, onDelete }: { draft: BroadcastDraft; onDuplicate: () => void; onDelete: () => void }) {
  const name = draftName(draft);
  const headingId = `draft-${draft.id}`;
  return (
    <Paper
      component="li"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{
        p: 2,
        display: 'grid',
        gap: { xs: 1.5, md: 2 },
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1.4fr) minmax(0, 3fr) auto' },
        alignItems: 'center',
      }}
    >
      <Typography id={headingId} variant="h3" component="h2" sx={{ fontSize: '1rem', overflowWrap: 'anywhere', minWidth: 0 }}>
        <RouterLink className="cell-link" to={paths.broadcasts.draft.href(draft.id)}>
          {name}
        </RouterLink>
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gap: { xs: 0.5, md: 2 },
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1.2fr) minmax(0, 1.5fr) minmax(0, 1fr)' },
        }}
      >
        <Fact term="Type">{draftTypeWords(draft)}</Fact>
        <Fact term="Recipients">{draftRecipients(draft)}</Fact>
        <Fact term="Last change">
          <time dateTime={new Date(draft.savedAt).toISOString()} title={draftChangedAt(draft.savedAt)}>
            {draftChangedWhen(draft.savedAt)}
          </time>
        </Fact>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: { xs: 'flex-start', md: 'flex-end' } }}>
        <Button variant="contained" size="small" component={RouterLink} to={paths.broadcasts.draft.href(draft.id)} aria-label={`Resume “${name}”`}>
          Resume
        </Button>
        <Button variant="outlined" size="small" onClick={onDuplicate} aria-label={`Duplicate “${name}”`}>
          Duplicate
        </Button>
        <Button color="error" size="small" onClick={onDelete} aria-label={`Delete “${name}”`}>
          Delete
        </Button>
      </Box>
    </Paper>
  );
}

function DraftList({ user }: { user: User }) {
  const { drafts, remove, restore, duplicate } = useDraftList(user);
  const confirm = useConfirm();
  const notify = useNotify();
  const navigate = useNavigate();

  const deleteDraft = async (draft: BroadcastDraft) => {
    const name = draftName(draft);
    const confirmed = await confirm({
      title: 'Delete this draft?',
      message: `“${name}” is removed from your drafts. Nothing has been sent.`,
      confirmLabel: 'Delete draft',
      destructive: true,
    });
    if (!confirmed) return;
    remove(draft);
    notify({ message: `“${name}” was deleted.`, action: { label: 'Undo', onClick: () => restore(draft) }, topic: `draft:${draft.id}` });
  };
  const duplicateDraft = (draft: BroadcastDraft) => {
    const copy = duplicate(draft);
    notify({
      message: `“${draftName(copy)}” was added to your drafts.`,
      action: { label: 'Open it', onClick: () => void navigate(paths.broadcasts.draft.href(copy.id)) },
    });
  };

  if (drafts.length === 0) {
    return (
      <EmptyState
        icon={<DraftsOutlined />}
        title="No drafts"
        description="A broadcast you start and do not send waits here, so you can finish it later."
        action={
          <Button variant="contained" component={RouterLink} to={paths.broadcasts.create.href()}>
            New broadcast
          </Button>
        }
      />
    );
  }
  return (
    <Box component="ul" aria-label="Drafts" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
      {drafts.map((draft) => (
        <DraftRow key={draft.id} draft={draft} onDuplicate={() => duplicateDraft(draft)} onDelete={() => void deleteDraft(draft)} />
      ))}
    </Box>
  );
}

/** The user's unsent drafts (decision 0193): kept in this browser, as the API offers no list of drafts. */
export function BroadcastDraftsPage() {
  const { data: session } = useQuery(sessionQueries.current());
  const user = useMemo(() => (session ? withSettingDefaults(session) : null), [session]);
  return (
    <PageContainer
      {...pageIntros.broadcasts}
      actions={
        <Button variant="contained" startIcon={<AddOutlined />} component={RouterLink} to={paths.broadcasts.create.href()}>
          New broadcast
        </Button>
      }
    >
      <BroadcastTabs current="drafts" />
      <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
        Drafts are kept in this browser on this device: the Text-Em-All API has no way to list or delete saved drafts, so they do not follow you to another
        computer.
      </Typography>
      {user ? <DraftList user={user} /> : <LoadingScreen />}
    </PageContainer>
  );
}
