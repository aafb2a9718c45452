import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LibraryMusicOutlined from '@mui/icons-material/LibraryMusicOutlined';
import MoreVert from '@mui/icons-material/MoreVert';
import PlayArrow from '@mui/icons-material/PlayArrow';
import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import Star from '@mui/icons-material/Star';
import StarBorder from '@mui/icons-material/StarBorder';
import StopOutlined from '@mui/icons-material/StopOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDeleteAudio, useUpdateAudio } from '@/api/resources/audio/audio-mutations.ts';
import { audioQueries } from '@/api/resources/audio/audio-queries.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import type { Broadcast } from '@contract/broadcast.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { userQueries } from '@/api/resources/users/user-queries.ts';
import type { Audio } from '@contract/audio.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { formatDuration } from '@/utils/format-duration.ts';
import { formatApiDateTime, formatApiRelative } from '@/utils/format-date.ts';
import { describeCallCost } from '../audio-facts.ts';
import { cancelDeletion, scheduleDeletion, usePendingDeletions } from '../pending-deletions.ts';
import { AUDIO_LIST_STATE, audioListParams } from '../audio-list-state.ts';
import { AudioDetailsDialog } from '../components/audio-details-dialog.tsx';
import { NowPlayingCard } from '../components/now-playing-card.tsx';
import { TtsDialog } from '../components/tts-dialog.tsx';
import { UploadDialog } from '../components/upload-dialog.tsx';
import { useSpeechPreview } from '@/hooks/use-speech-preview.ts';
import { useNotOfferedSentence } from '@/api/route-availability.ts';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';
import { textOr } from '@/utils/missing.ts';
import { mayManageUsers } from '@/api/resources/session/session-user.ts';

const READ_ONLY_REASON = 'Only its owner or a master user can change it.';
/** How long a deletion can be undone before it is sent (decision 0143). */
const UNDO_MS = 8000;
/** Broadcasts that have yet to play their message, or are playing it. */
const UNFINISHED = ['AuthorizationApproved', 'InProgress', 'Paused'] as const;

/** Scheduled, running and paused broadcasts whose message or voicemail message is this audio. */
async function broadcastsUsing(queryClient: QueryClient, audioId: string): Promise<Broadcast[]> {
  const feed = await queryClient.fetchQuery({
    ...broadcastQueries.list({ filters: [{ field: 'BroadcastStatus', op: 'in', value: UNFINISHED }], pageSize: 1000 }),
    staleTime: 0,
  });
  return feed.Items.filter((broadcast) => broadcast.Audio?.AudioID === audioId || broadcast.AudioVM?.AudioID === audioId);
}

function broadcastStateOf(broadcast: Broadcast): string {
  if (broadcast.BroadcastStatus === 'InProgress') return 'running';
  if (broadcast.BroadcastStatus === 'Paused') return 'paused';
  return broadcast.StartDate ? `scheduled for ${formatApiDateTime(broadcast.StartDate)}` : 'scheduled';
}

function RowActions({ item, onEdit, onDelete }: { item: Audio; onEdit: () => void; onDelete: () => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const run = (action: () => void) => () => {
    setAnchor(null);
    action();
  };
  return (
    <>
      <IconButton aria-label={`Actions for ${textOr(item.Name)}`} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)}>
        <MoreVert />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={run(onEdit)} disabled={item.ReadOnly ?? false}>
          <ListItemIcon>
            <EditOutlined fontSize="small" />
          </ListItemIcon>
          Edit details
        </MenuItem>
        <MenuItem onClick={run(onDelete)} disabled={item.ReadOnly ?? false} sx={{ color: 'error.main' }}>
          <ListItemIcon sx={{ color: 'inherit' }}>
            <DeleteOutlined fontSize="small" />
          </ListItemIcon>
          Delete
        </MenuItem>
        {item.ReadOnly && (
          <Typography variant="caption" color="textSecondary" sx={{ display: 'block', px: 2, pt: 1, maxWidth: 220 }}>
            {READ_ONLY_REASON}
          </Typography>
        )}
      </Menu>
    </>
  );
}

/** The message library: recordings and text-to-speech messages to play, create, upload, favour and delete. */
export function AudioListPage() {
  const { data: me } = useQuery(sessionQueries.current());
  const list = useListSearchParams(AUDIO_LIST_STATE);
  const audio = useQuery(audioQueries.list(audioListParams(list)));
  // Master users can name every owner; everyone else knows their own items and sees "Colleague" for the rest.
  const users = useQuery({ ...userQueries.list({ pageSize: 1000 }), enabled: mayManageUsers(me) });
  const ownerNames = useMemo(
    () => new Map((users.data?.Items ?? []).map((user) => [user.UserID, `${user.FirstName ?? ''} ${user.LastName ?? ''}`.trim() || user.UserName])),
    [users.data],
  );

  const queryClient = useQueryClient();
  const pendingDeletions = usePendingDeletions();
  const rows = (audio.data?.Items ?? []).filter((item) => !pendingDeletions.has(item.AudioID));
  const hiddenRows = (audio.data?.Items.length ?? 0) - rows.length;
  const updateAudio = useUpdateAudio();
  const deleteAudio = useDeleteAudio();
  const confirm = useConfirm();
  const notify = useNotify();
  const speech = useSpeechPreview();
  const [playing, setPlaying] = useState<Audio | null>(null);
  const [dialog, setDialog] = useState<'tts' | 'upload' | null>(null);
  const [editing, setEditing] = useState<Audio | null>(null);
  const maxMessageLength = me?.MaxMessageLength ?? 120;

  const play = (item: Audio) => {
    if (item.TextToSpeech) {
      if (speech.speakingKey === item.AudioID) {
        speech.stop();
        return;
      }
      speech.speak(item.AudioID, item.Text ?? '');
    } else {
      speech.stop();
    }
    setPlaying(item);
  };

  const remove = async (item: Audio) => {
    // Broadcasts still to play it: named in the question, so nobody deletes a message about to go out unawares.
    let users: Broadcast[] | null;
    try {
      users = await broadcastsUsing(queryClient, item.AudioID);
    } catch {
      users = null;
    }
    const confirmed = await confirm({
      title: `Delete ${textOr(item.Name)}?`,
      message: (
        <>
          {users && users.length > 0 && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {users.length === 1 ? 'A broadcast still to play it uses it: ' : `${users.length} broadcasts still to play it use it: `}
              {users.map((broadcast) => `“${broadcast.BroadcastName ?? `Broadcast ${broadcast.BroadcastID}`}” (${broadcastStateOf(broadcast)})`).join(', ')}.
              They will have no message to play.
            </Alert>
          )}
          {users === null && (
            <Alert severity="info" sx={{ mb: 2 }}>
              Whether a scheduled or running broadcast uses it could not be checked.
            </Alert>
          )}
          It leaves the library for everyone. Broadcasts that already played it keep their results. You can undo for a few seconds.
        </>
      ),
      confirmLabel: users && users.length > 0 ? 'Delete anyway' : 'Delete',
      destructive: true,
    });
    if (!confirmed) return;
    if (playing?.AudioID === item.AudioID) setPlaying(null);
    // The request waits out the undo window (decision 0143): Undo then costs nothing and keeps the same item.
    scheduleDeletion(
      item.AudioID,
      () =>
        deleteAudio.mutate(item.AudioID, {
          onError: (error) => notify({ severity: 'error', message: `${textOr(item.Name)} could not be deleted: ${error.message}` }),
        }),
      UNDO_MS,
    );
    notify({
      message: `Deleted ${textOr(item.Name)}.`,
      autoHideMs: UNDO_MS,
      action: {
        label: 'Undo',
        onClick: () => notify({ message: cancelDeletion(item.AudioID) ? `${textOr(item.Name)} is back.` : `${textOr(item.Name)} was already deleted.` }),
      },
    });
  };

  const columns: GridColDef<Audio>[] = [
    {
      field: 'Favorite',
      headerName: 'Favourite',
      width: 64,
      renderHeader: () => <Star fontSize="small" titleAccess="Favourite" color="action" />,
      renderCell: ({ row }) => (
        <Tooltip title={row.ReadOnly ? READ_ONLY_REASON : ''}>
          <span>
            <IconButton
              aria-label={row.Favorite ? `Remove ${textOr(row.Name)} from favourites` : `Add ${textOr(row.Name)} to favourites`}
              aria-pressed={row.Favorite === true}
              disabled={row.ReadOnly ?? false}
              onClick={() => updateAudio.mutate({ audioId: row.AudioID, input: { Favorite: !row.Favorite } })}
            >
              {row.Favorite ? <Star sx={{ color: 'warning.main' }} /> : <StarBorder />}
            </IconButton>
          </span>
        </Tooltip>
      ),
    },
    {
      field: 'Play',
      headerName: 'Play',
      width: 64,
      sortable: false,
      renderCell: ({ row }) => {
        const speaking = speech.speakingKey === row.AudioID;
        if (row.TextToSpeech) {
          return (
            <Tooltip title={speech.supported ? '' : 'This browser cannot speak text aloud.'}>
              <span>
                <IconButton
                  aria-label={speaking ? `Stop speaking ${textOr(row.Name)}` : `Speak ${textOr(row.Name)}`}
                  disabled={!speech.supported}
                  color="primary"
                  onClick={() => play(row)}
                >
                  {speaking ? <StopOutlined /> : <RecordVoiceOverOutlined />}
                </IconButton>
              </span>
            </Tooltip>
          );
        }
        return (
          <IconButton aria-label={`Play ${textOr(row.Name)}`} color="primary" onClick={() => play(row)}>
            <PlayArrow />
          </IconButton>
        );
      },
    },
    {
      field: 'Name',
      headerName: 'Name',
      flex: 1.6,
      minWidth: 220,
      renderCell: ({ row }) => {
        const detail = row.TextToSpeech ? `“${row.Text}”` : row.Description;
        return (
          <Box sx={{ py: 1, minWidth: 0, lineHeight: 1.35 }}>
            <Typography variant="body2" noWrap sx={{ fontWeight: 500 }}>
              {row.Name}
            </Typography>
            {detail && (
              <Typography variant="caption" color="textSecondary" noWrap component="p" title={detail}>
                {detail}
              </Typography>
            )}
          </Box>
        );
      },
    },
    {
      field: 'TextToSpeech',
      headerName: 'Type',
      width: 190,
      renderCell: ({ row }) => (row.TextToSpeech ? `Text-to-speech · ${row.Voice}` : 'Recording'),
    },
    {
      field: 'Length',
      headerName: 'Length',
      width: 120,
      renderCell: ({ row }) =>
        row.Length === null ? (
          '—'
        ) : (
          <Tooltip title={`${describeCallCost(row.Length, maxMessageLength)}${row.TextToSpeech ? ' (estimated)' : ''}`}>
            <span>
              {row.TextToSpeech ? '≈ ' : ''}
              {formatDuration(row.Length)}
            </span>
          </Tooltip>
        ),
    },
    {
      field: 'LastUsed',
      headerName: 'Last used',
      width: 140,
      renderCell: ({ row }) =>
        row.LastUsed ? (
          <Tooltip title={formatApiDateTime(row.LastUsed)}>
            <span>{formatApiRelative(row.LastUsed)}</span>
          </Tooltip>
        ) : (
          <Typography variant="body2" color="textSecondary" component="span">
            Never used
          </Typography>
        ),
    },
    {
      field: 'UserID',
      headerName: 'Owner',
      width: 200,
      renderCell: ({ row }) => {
        const ownerId = row.User?.UserID;
        const owner = ownerId === me?.UserID ? 'You' : (ownerId !== undefined && ownerNames.get(ownerId)) || 'A colleague';
        return (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
            <Typography variant="body2" noWrap>
              {owner}
            </Typography>
            {row.Shared && <Chip size="small" variant="outlined" label="Shared" />}
          </Stack>
        );
      },
    },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 72,
      sortable: false,
      renderHeader: () => (
        <Box component="span" sx={visuallyHidden}>
          Actions
        </Box>
      ),
      renderCell: ({ row }) => <RowActions item={row} onEdit={() => setEditing(row)} onDelete={() => void remove(row)} />,
    },
  ];

  const filtered = Boolean(list.search || list.filters.type || list.filters.favorites);
  // Saving a text-to-speech message is a route of ours (decision 0131).
  const ttsNotOffered = useNotOfferedSentence('audioTextToSpeech');
  const actions = (
    <>
      <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => setDialog('upload')}>
        Upload audio
      </Button>
      {ttsNotOffered ? (
        <NotOfferedNote sentence={ttsNotOffered} />
      ) : (
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setDialog('tts')}>
          New text-to-speech
        </Button>
      )}
    </>
  );

  return (
    <PageContainer {...pageIntros.audio} actions={actions}>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
          <DebouncedSearchField value={list.search} onChange={list.setSearch} label="Search audio" placeholder="Name, description or words spoken" />
          <ToggleButtonGroup
            exclusive
            size="small"
            aria-label="Type"
            value={list.filters.type || 'all'}
            onChange={(_event, value: string | null) => value && list.setFilter('type', value === 'all' ? null : value)}
          >
            <ToggleButton value="all">All</ToggleButton>
            <ToggleButton value="recordings">Recordings</ToggleButton>
            <ToggleButton value="tts">Text-to-speech</ToggleButton>
          </ToggleButtonGroup>
          <ToggleButton
            size="small"
            value="favorites"
            selected={list.filters.favorites === 'yes'}
            onChange={() => list.setFilter('favorites', list.filters.favorites === 'yes' ? null : 'yes')}
            sx={{ gap: 0.5, px: 1.5 }}
          >
            <Star fontSize="small" /> Favourites only
          </ToggleButton>
        </Stack>

        {playing && (
          <NowPlayingCard
            key={playing.AudioID}
            item={playing}
            speaking={speech.speakingKey === playing.AudioID}
            onClose={() => {
              speech.stop();
              setPlaying(null);
            }}
          />
        )}

        {audio.isError ? (
          <QueryErrorAlert title="The audio library could not be loaded." error={audio.error} onRetry={() => void audio.refetch()} />
        ) : (
          <ServerDataGrid
            label="Audio library"
            list={list}
            rows={rows}
            rowCount={(audio.data?.Size ?? 0) - hiddenRows}
            loading={audio.isFetching}
            columns={columns}
            getRowId={(row) => row.AudioID}
            getRowHeight={() => 60}
            autoHeight
            slots={{
              noRowsOverlay: () => (
                <EmptyState
                  icon={<LibraryMusicOutlined />}
                  title={filtered ? 'Nothing matches' : 'No audio yet'}
                  description={
                    filtered ? 'Try other words, or show every type.' : 'Upload a recording or write a text-to-speech message to use in voice broadcasts.'
                  }
                />
              ),
            }}
          />
        )}
      </Stack>

      <TtsDialog
        open={dialog === 'tts'}
        onClose={() => setDialog(null)}
        maxMessageLength={maxMessageLength}
        onCreated={(item) => notify({ message: `Created ${textOr(item.Name)}.` })}
      />
      <UploadDialog
        open={dialog === 'upload'}
        onClose={() => setDialog(null)}
        onUploaded={(item) => notify({ message: `Uploaded ${textOr(item.Name)} (${formatDuration(item.Length ?? 0)}).` })}
      />
      {editing && <AudioDetailsDialog item={editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
