import CloseOutlined from '@mui/icons-material/CloseOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '@/api/api-error.ts';
import { contactQueries } from '@/api/resources/contacts/contact-queries.ts';
import { useAddListMembers, useRemoveListMembers, useRestoreContacts } from '@/api/resources/lists/list-mutations.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import { contactNameOf, type Contact, type TextOptInStatus } from '@contract/contact.ts';
import { SYSTEM_LIST_IDS, type ContactList } from '@contract/list.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { formatApiDateTime } from '@/utils/format-date.ts';
import { phoneNumbersOf } from '../phone-numbers.ts';
import { ContactFormDialog } from '../components/contact-form-dialog.tsx';
import { useMoveToDeleted } from '../hooks/use-move-to-deleted.ts';
import { SectionCard } from '@/components/layout/section-card.tsx';
import { BackLink } from '@/components/layout/back-link.tsx';
import { textOr } from '@/utils/missing.ts';
import { useNotOfferedSentence } from '@/api/route-availability.ts';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';

const textStatusLabels: Record<TextOptInStatus, { label: string; color: 'default' | 'success' | 'error' | 'warning' }> = {
  Unknown: { label: 'Not asked', color: 'default' },
  OptedIn: { label: 'Opted in', color: 'success' },
  OptedOut: { label: 'Opted out', color: 'error' },
  NotTextable: { label: 'Cannot receive texts', color: 'warning' },
};

const slotLabels = { PrimaryPhone: 'Primary', SecondaryPhone: 'Secondary', TertiaryPhone: 'Tertiary' } as const;

function PhoneNumbers({ contact }: { contact: Contact }) {
  return (
    <Table size="small" aria-label="Phone numbers">
      <TableHead>
        <TableRow>
          <TableCell>Number</TableCell>
          <TableCell>Calls</TableCell>
          <TableCell>Texts</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {phoneNumbersOf(contact).map((number) => {
          const text = textStatusLabels[number.textStatus];
          return (
            <TableRow key={number.field}>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {formatPhoneNumber(number.phone)}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {slotLabels[number.field]}
                </Typography>
              </TableCell>
              <TableCell>
                {number.doNotCall ? <Chip size="small" color="warning" label="Do not call" /> : <Chip size="small" variant="outlined" label="Callable" />}
              </TableCell>
              <TableCell>
                <Chip size="small" color={text.color} variant={text.color === 'default' ? 'outlined' : 'filled'} label={text.label} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function Details({ contact }: { contact: Contact }) {
  const rows: Array<[string, string]> = [
    ['First name', textOr(contact.FirstName, '')],
    ['Last name', textOr(contact.LastName, '')],
    ['Notes', textOr(contact.Notes, '')],
    ['Integration data', contact.IntegrationData ?? ''],
    ['Last updated', formatApiDateTime(contact.LastUpdated)],
    ['Contact ID', String(contact.PersonID ?? '')],
  ];
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { sm: '160px 1fr' }, rowGap: 1.25, m: 0 }}>
      {rows.map(([term, detail]) => (
        <Box key={term} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="textSecondary">
            {term}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {detail || '—'}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function Memberships({ contact, personId }: { contact: Contact; personId: number }) {
  const notify = useNotify();
  const add = useAddListMembers();
  const remove = useRemoveListMembers();
  const lists = useQuery(listQueries.list({ pageSize: 1000, filters: [{ field: 'ListType', op: 'eq', value: 'User' }] }));
  const [choice, setChoice] = useState<ContactList | null>(null);
  const addNotOffered = useNotOfferedSentence('listAddContacts');
  const memberOf = contact.Lists ?? [];
  const options = (lists.data?.Items ?? []).filter((list) => !memberOf.some((member) => member.ListID === list.ListID));

  const removeFrom = (listId: number, listName: string) =>
    remove.mutate(
      { listId, selection: { personIds: [personId] } },
      {
        onSuccess: () =>
          notify({
            message: `Removed from ${listName}.`,
            action: { label: 'Undo', onClick: () => add.mutate({ listId, personIds: [personId] }) },
          }),
      },
    );

  return (
    <Stack spacing={2}>
      {memberOf.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          In no list yet: this contact is unfiled.
        </Typography>
      ) : (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {memberOf.map((list) => (
            <Stack key={list.ListID} direction="row" sx={{ alignItems: 'center', pl: 1.5, pr: 0.25, borderRadius: 4, border: 1, borderColor: 'divider' }}>
              <Link component={RouterLink} to={paths.lists.detail.href(list.ListID)} underline="hover" variant="body2">
                {list.ListName}
              </Link>
              <IconButton size="small" aria-label={`Remove from ${textOr(list.ListName)}`} onClick={() => removeFrom(list.ListID, list.ListName ?? 'the list')}>
                <CloseOutlined fontSize="small" />
              </IconButton>
            </Stack>
          ))}
        </Stack>
      )}
      {addNotOffered ? (
        <NotOfferedNote sentence={addNotOffered} />
      ) : (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Autocomplete
            size="small"
            sx={{ flex: 1 }}
            options={options}
            value={choice}
            onChange={(_event, list) => setChoice(list)}
            getOptionLabel={(list) => textOr(list.ListName)}
            loading={lists.isPending}
            renderInput={(params) => <TextField {...params} label="Add to a list" />}
          />
          <Button
            variant="outlined"
            disabled={!choice}
            loading={add.isPending}
            onClick={() =>
              choice &&
              add.mutate(
                { listId: choice.ListID, personIds: [personId] },
                {
                  onSuccess: () => {
                    notify({ message: `Added to ${textOr(choice.ListName)}.` });
                    setChoice(null);
                  },
                },
              )
            }
          >
            Add
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

export function ContactDetailPage() {
  const personId = Number(useParams().contactId);
  const navigate = useNavigate();
  const notify = useNotify();
  const contact = useQuery({ ...contactQueries.detail(personId), enabled: Number.isInteger(personId) });
  const [editing, setEditing] = useState(false);
  const editNotOffered = useNotOfferedSentence('contactUpdate');
  const { moveToDeleted } = useMoveToDeleted();
  const restore = useRestoreContacts();

  const back = <BackLink to={paths.contacts.list.href()}>Contacts</BackLink>;

  if (contact.isError || !Number.isInteger(personId)) {
    const missing = !Number.isInteger(personId) || (isApiError(contact.error) && contact.error.status === 404);
    return (
      <PageContainer title={missing ? 'Contact not found' : 'Contact'} eyebrow={back}>
        {missing ? (
          <EmptyState title="There is no such contact." description="It may have been deleted for good, or belong to someone else's contacts." />
        ) : (
          <QueryErrorAlert title="The contact could not be loaded." error={contact.error} onRetry={() => void contact.refetch()} />
        )}
      </PageContainer>
    );
  }
  const data = contact.data;
  const inDeletedFolder = data?.Lists?.some((list) => list.ListID === SYSTEM_LIST_IDS.Deleted) ?? false;
  const title = data ? contactNameOf(data) || formatPhoneNumber(data.PrimaryPhone) : 'Contact';

  return (
    <PageContainer
      title={title}
      eyebrow={back}
      description={data && contactNameOf(data) ? formatPhoneNumber(data.PrimaryPhone) : undefined}
      actions={
        data &&
        (inDeletedFolder ? (
          <Button
            variant="contained"
            startIcon={<RestoreFromTrashOutlined />}
            loading={restore.isPending}
            onClick={() => restore.mutate([personId], { onSuccess: () => notify({ message: 'Contact restored.' }) })}
          >
            Restore
          </Button>
        ) : (
          <>
            {editNotOffered ? (
              <NotOfferedNote sentence={editNotOffered} />
            ) : (
              <Button startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            <Button
              color="error"
              startIcon={<DeleteOutlined />}
              onClick={() =>
                void moveToDeleted({ personIds: [personId] }, 1).then((moved) => {
                  if (moved) void navigate(paths.contacts.list.href());
                })
              }
            >
              Delete
            </Button>
          </>
        ))
      }
    >
      {!data && <Skeleton variant="rounded" height={240} aria-label="Loading the contact" />}
      {data && (
        <Stack spacing={2}>
          {inDeletedFolder && (
            <Alert severity="warning" role="status">
              This contact is in the Deleted folder. Restore it to edit it and bring it back into its lists.
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <SectionCard title="Phone numbers">
                <PhoneNumbers contact={data} />
              </SectionCard>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <SectionCard title="Details">
                <Details contact={data} />
              </SectionCard>
            </Grid>
            {!inDeletedFolder && (
              <Grid size={12}>
                <SectionCard title="Lists">
                  <Memberships contact={data} personId={personId} />
                </SectionCard>
              </Grid>
            )}
          </Grid>
        </Stack>
      )}
      {data && <ContactFormDialog open={editing} contact={data} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
