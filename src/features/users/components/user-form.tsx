import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useForm, type Control, type FieldPath } from 'react-hook-form';
import { fieldErrorsOf } from '@/api/field-errors.ts';
import { isForbidden } from '@/api/resources/session/session-user.ts';
import { MASTER_ONLY_SENTENCE } from './master-only-notice.tsx';
import { FormSecretField } from '@/components/form/form-secret-field.tsx';
import { FormSwitch } from '@/components/form/form-switch.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { CallingDaysField } from './calling-days-field.tsx';
import { PermissionSwitches } from './permission-switches.tsx';
import { StateField } from './state-field.tsx';
import { TimeOfDayField } from '@/components/form/time-of-day-field.tsx';
import { userFormSchema, type UserFormInput, type UserFormValues } from '../user-form-schema.ts';
import { DatePickersProvider } from '@/components/form/date-pickers-provider.tsx';

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardContent sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography variant="h3" component="h2">
          {title}
        </Typography>
        {description && (
          <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5 }}>
            {description}
          </Typography>
        )}
        <Box sx={{ mt: 2.5 }}>{children}</Box>
      </CardContent>
    </Card>
  );
}

interface WholeNumberFieldProps {
  control: Control<UserFormInput>;
  name: 'Retries' | 'CallThrottle' | 'MaxMessageLength';
  label: string;
  helperText: string;
  min: number;
  max: number;
  unit?: string;
}

/** A number box for a whole-number setting; an empty box reads as missing, so the form says it is needed. */
function WholeNumberField({ control, name, label, helperText, min, max, unit }: WholeNumberFieldProps) {
  return (
    <FormTextField
      control={control}
      name={name}
      label={label}
      type="number"
      parse={(text) => (text.trim() === '' ? undefined : Number(text))}
      helperText={helperText}
      slotProps={{
        htmlInput: { min, max },
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
      }}
    />
  );
}

export interface UserFormProps {
  defaultValues: UserFormInput;
  /** Create asks for a PIN code; edit offers to replace it. */
  mode: 'create' | 'edit';
  /** Whose settings these are: the signed-in user's own ("you") or a colleague's. */
  subject?: 'self' | 'colleague';
  /** Set when the signed-in user may not change these permissions: the switches show, disabled, with this reason. */
  permissionsReadOnlyReason?: string;
  submitLabel: string;
  /** Said in place, not as an error, when the API answers 403 (the session may not know who is a master user). */
  forbiddenSentence?: string;
  /** Sends the form; a thrown API error is shown next to the fields it names. */
  onSubmit: (values: UserFormValues) => Promise<unknown>;
  onCancel?: () => void;
}

/** Every setting of a user, as Create User and Update User Settings take them (docs/decisions/0040-users-and-permissions.md). */
export function UserForm({
  defaultValues,
  mode,
  subject = 'colleague',
  permissionsReadOnlyReason,
  forbiddenSentence = MASTER_ONLY_SENTENCE,
  submitLabel,
  onSubmit,
  onCancel,
}: UserFormProps) {
  const self = subject === 'self';
  const [formError, setFormError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const { control, handleSubmit, setError, setFocus, formState } = useForm<UserFormInput, unknown, UserFormValues>({
    resolver: zodResolver(userFormSchema({ pinRequired: mode === 'create' })),
    defaultValues,
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setForbidden(false);
    try {
      await onSubmit(values);
    } catch (error) {
      if (isForbidden(error)) {
        setForbidden(true);
        return;
      }
      const { fields, message } = fieldErrorsOf(error, Object.keys(defaultValues));
      const names = Object.keys(fields) as FieldPath<UserFormInput>[];
      for (const name of names) setError(name, { type: 'server', message: fields[name] });
      setFormError(message);
      if (names[0]) setFocus(names[0]);
    }
  });

  return (
    <DatePickersProvider>
      <Box component="form" noValidate onSubmit={submit} aria-label={submitLabel}>
        <Stack spacing={3}>
          {forbidden && <Alert severity="info">{forbiddenSentence}</Alert>}
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          <Section title="Sign-in" description={`The user name and PIN code ${self ? 'you log' : 'this person logs'} in with.`}>
            <Grid container columnSpacing={2} rowSpacing={1}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormTextField control={control} name="UserName" label="User name" autoComplete="off" required={mode === 'create'} />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormSecretField
                  control={control}
                  name="PinCode"
                  label={mode === 'create' ? 'PIN code' : 'New PIN code'}
                  secretName="PIN code"
                  required={mode === 'create'}
                  autoComplete="new-password"
                  helperText={mode === 'create' ? 'At least 8 characters, with a letter and a digit or symbol' : 'Leave empty to keep the current PIN code'}
                />
              </Grid>
            </Grid>
          </Section>

          <Section title="Contact details">
            <Grid container columnSpacing={2} rowSpacing={1}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormTextField control={control} name="FirstName" label="First name" autoComplete="off" />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormTextField control={control} name="LastName" label="Last name" autoComplete="off" />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormTextField control={control} name="Email" label="E-mail" type="email" autoComplete="off" />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormTextField control={control} name="Phone" label="Phone" type="tel" autoComplete="off" />
              </Grid>
            </Grid>
          </Section>

          <Section title="Calling defaults" description="New broadcasts start from these settings; each broadcast can change them.">
            <Grid container columnSpacing={2} rowSpacing={2}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormTextField control={control} name="CallerID" label="Caller ID" type="tel" helperText="The number calls appear to come from" />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <StateField control={control} />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TimeOfDayField control={control} name="StartTimeOfDay" label="Calls start at" />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TimeOfDayField control={control} name="StopTimeOfDay" label="Calls stop at" />
              </Grid>
              <Grid size={12}>
                <CallingDaysField control={control} />
              </Grid>
              <Grid size={12}>
                <Box sx={{ mb: 2 }}>
                  <FormSwitch
                    control={control}
                    name="ContinueOnNextDay"
                    label="Continue on the next day"
                    description="Calls not finished when the window closes go out when it next opens; otherwise they expire."
                  />
                </Box>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <WholeNumberField control={control} name="Retries" label="Retries" min={0} max={10} helperText="For busy or unanswered calls" />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <WholeNumberField control={control} name="CallThrottle" label="Call throttle" min={0} max={1000} helperText="Calls at once; 0 for no limit" />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <WholeNumberField
                  control={control}
                  name="MaxMessageLength"
                  label="Maximum message length"
                  min={10}
                  max={600}
                  unit="s"
                  helperText="Seconds of message played"
                />
              </Grid>
            </Grid>
          </Section>

          <Section title="Permissions" description={`What ${self ? 'you see besides your' : 'this user sees besides their'} own work.`}>
            <PermissionSwitches control={control} readOnlyReason={permissionsReadOnlyReason} />
          </Section>

          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            {onCancel && (
              <Button onClick={onCancel} disabled={formState.isSubmitting}>
                Cancel
              </Button>
            )}
            <Button type="submit" variant="contained" loading={formState.isSubmitting}>
              {submitLabel}
            </Button>
          </Stack>
        </Stack>
      </Box>
    </DatePickersProvider>
  );
}
