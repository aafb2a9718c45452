import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { fieldErrorsOf } from '@/api/field-errors.ts';
import { isForbidden, isKnownMasterUser } from '@/api/resources/session/session-user.ts';
import { sendingSettingsQueries, useSaveSendingSettings } from '@/api/sending-settings.ts';
import { sendingSettingsSchema, type SendingSettings } from '@contract/sending-settings.ts';
import type { SessionUser } from '@contract/user.ts';
import type { z } from '@contract/zod.ts';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { DatePickersProvider } from '@/components/form/date-pickers-provider.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { TimeOfDayField } from '@/components/form/time-of-day-field.tsx';

type SettingsInput = z.input<typeof sendingSettingsSchema>;
const fieldNames = ['LocalSendingStart', 'LocalSendingEnd', 'UndoWindowSeconds'] as const;

/**
 * The account's sending settings, kept by our server (docs/decisions/0184-sending-settings-on-our-server.md): the
 * local hours calls and texts may reach people, and the undo window after Send. Master users change them; others read.
 */
export function SendingSettingsCard({ me }: { me: SessionUser | null | undefined }) {
  const settings = useQuery(sendingSettingsQueries.current());
  return (
    <Card component="section" aria-labelledby="sending-heading">
      <CardContent>
        <Typography id="sending-heading" variant="h3" component="h2">
          Sending
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5, mb: 2.5 }}>
          These apply to every broadcast sent from this account, by anyone.
        </Typography>
        {settings.isError && (
          <QueryErrorAlert title="The sending settings could not be loaded." error={settings.error} onRetry={() => void settings.refetch()} />
        )}
        {settings.isPending && <Skeleton variant="rounded" height={120} aria-label="Loading the sending settings" />}
        {settings.data && (
          <SendingSettingsForm
            settings={settings.data}
            canEdit={isKnownMasterUser(me)}
            masterUnknown={me !== null && me !== undefined && me.IsMasterUser !== false && me.IsMasterUser !== true}
          />
        )}
      </CardContent>
    </Card>
  );
}

function SendingSettingsForm({ settings, canEdit, masterUnknown }: { settings: SendingSettings; canEdit: boolean; masterUnknown: boolean }) {
  const save = useSaveSendingSettings();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, setFocus, formState, reset } = useForm<SettingsInput, unknown, SendingSettings>({
    resolver: zodResolver(sendingSettingsSchema),
    defaultValues: settings,
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync(values);
      reset(saved);
      notify({ message: 'The sending settings are saved.' });
    } catch (error) {
      if (isForbidden(error)) {
        setFormError('Only a master user can change the sending settings.');
        return;
      }
      const { fields, message } = fieldErrorsOf(error, fieldNames);
      const names = Object.keys(fields) as FieldPath<SettingsInput>[];
      for (const name of names) setError(name, { type: 'server', message: fields[name] });
      setFormError(message);
      if (names[0]) setFocus(names[0]);
    }
  });

  return (
    <DatePickersProvider>
      <Box component="form" noValidate onSubmit={submit} aria-label="Sending settings">
        {formError && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {formError}
          </Alert>
        )}
        <Typography variant="subtitle2" component="h3">
          Sending hours
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
          Calls and texts reach people only between these times, in each person&apos;s own time zone.
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TimeOfDayField control={control} name="LocalSendingStart" label="Earliest" disabled={!canEdit} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TimeOfDayField control={control} name="LocalSendingEnd" label="Latest" disabled={!canEdit} />
          </Grid>
        </Grid>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
          Undo after Send
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
          A broadcast sent now waits this long before it starts, so it can be undone. 0 turns this off.
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <FormTextField
              control={control}
              name="UndoWindowSeconds"
              label="Time to undo"
              type="number"
              fullWidth
              disabled={!canEdit}
              parse={(text) => (text.trim() === '' ? undefined : Number(text))}
              helperText="From 0 to 600 seconds"
              slotProps={{
                htmlInput: { min: 0, max: 600, step: 1, inputMode: 'numeric' },
                input: { endAdornment: <InputAdornment position="end">seconds</InputAdornment> },
              }}
            />
          </Grid>
        </Grid>
        {canEdit ? (
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
            <Button type="submit" variant="contained" loading={save.isPending} disabled={!formState.isDirty}>
              Save sending settings
            </Button>
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary" sx={{ mt: 2 }}>
            {masterUnknown ? 'Only a master user can change these, and this API does not say whether you are one.' : 'Only a master user can change these.'}
          </Typography>
        )}
      </Box>
    </DatePickersProvider>
  );
}
