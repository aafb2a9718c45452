import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Controller, useForm } from 'react-hook-form';
import { useAddOptOut } from '@/api/resources/opt-outs/opt-out-mutations.ts';
import { isApiError } from '@/api/api-error.ts';
import { paths } from '@/config/paths.ts';
import { optOutInputSchema } from '@contract/opt-out.ts';
import { normalizePhoneNumber, phoneProblemMessages } from '@contract/phone-number.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { z } from '@contract/zod.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { channelChoices, channelsText } from '../opt-out-display.ts';
import { isCreatedUnread } from '@/api/api-client.ts';
import { notOfferedSentenceOf } from '@/utils/not-offered.ts';

/** The API's body, asked as a person would: which channel, and why (the reason is required here). */
const addOptOutFormSchema = z.object({
  PhoneNumber: optOutInputSchema.shape.PhoneNumber.refine((value) => normalizePhoneNumber(value).ok, {
    error: phoneProblemMessages.invalid,
  }),
  Channel: z.enum(['Both', 'Call', 'Text']),
  Notes: z.string().trim().min(1, 'Say why, e.g. “Asked by phone”').max(50, 'At most 50 characters'),
});
type AddOptOutForm = z.input<typeof addOptOutFormSchema>;

export interface AddOptOutDialogProps {
  open: boolean;
  /** Pre-filled, e.g. from a number's history page. */
  phoneNumber?: string;
  onClose: () => void;
}

function AddOptOutForm({ phoneNumber, onClose, titleId }: Omit<AddOptOutDialogProps, 'open'> & { titleId: string }) {
  const add = useAddOptOut();
  const notify = useNotify();
  const { control, handleSubmit, setError, formState } = useForm<AddOptOutForm, unknown, z.output<typeof addOptOutFormSchema>>({
    resolver: zodResolver(addOptOutFormSchema),
    defaultValues: { PhoneNumber: phoneNumber ?? '', Channel: 'Both', Notes: '' },
  });

  const [alreadyOptedOut, setAlreadyOptedOut] = useState<string | null>(null);

  const submit = handleSubmit(({ PhoneNumber, Channel, Notes }) => {
    const check = normalizePhoneNumber(PhoneNumber);
    add.mutate(
      {
        PhoneNumber: check.ok ? check.digits : PhoneNumber,
        DoNotCall: Channel !== 'Text',
        DoNotText: Channel !== 'Call',
        Notes,
      },
      {
        onSuccess: (answer) => {
          // Done, even when the answer could not be read (decision 92): then say what was asked.
          const optOut = isCreatedUnread(answer)
            ? { PhoneNumber: check.ok ? check.digits : PhoneNumber, DoNotCall: Channel !== 'Text', DoNotText: Channel !== 'Call' }
            : answer;
          notify({ message: `${formatPhoneNumber(optOut.PhoneNumber)} is opted out of ${channelsText(optOut.DoNotCall, optOut.DoNotText)}.` });
          onClose();
        },
        onError: (error) => {
          if (error.message.startsWith('PhoneNumber: ')) {
            setError('PhoneNumber', { message: error.message.replace('PhoneNumber: ', '') }, { shouldFocus: true });
          } else if (isApiError(error) && error.errorName === 'Conflict') {
            // Already opted out (decision 0141): nothing changed, and its history says since when and why.
            setAlreadyOptedOut(check.ok ? check.digits : PhoneNumber);
            setError('root', { type: 'alreadyOptedOut', message: error.message.replace(/^\d+/, (digits) => formatPhoneNumber(digits)) });
          } else {
            setError('root', { type: notOfferedSentenceOf(error) === null ? 'server' : 'notOffered', message: error.message });
          }
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle id={titleId}>Add an opt-out</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>The number is skipped by every later broadcast and cannot be texted from Conversations.</DialogContentText>
        {formState.errors.root && (
          // A route the API lacks is no error (decision 0131).
          <Alert
            severity={formState.errors.root.type === 'notOffered' ? 'info' : formState.errors.root.type === 'alreadyOptedOut' ? 'warning' : 'error'}
            sx={{ mb: 2 }}
          >
            {formState.errors.root.message}
            {formState.errors.root.type === 'alreadyOptedOut' && alreadyOptedOut && (
              <>
                {' '}
                <Link component={RouterLink} to={paths.phoneNumbers.history.href(alreadyOptedOut)}>
                  See its history
                </Link>
              </>
            )}
          </Alert>
        )}
        <Stack spacing={1}>
          <FormTextField
            control={control}
            name="PhoneNumber"
            label="Phone number"
            required
            autoFocus={!phoneNumber}
            autoComplete="off"
            inputMode="tel"
            disabled={Boolean(phoneNumber)}
          />
          <Controller
            control={control}
            name="Channel"
            render={({ field }) => (
              <FormControl>
                <FormLabel id={`${titleId}-channel`}>Opt out of</FormLabel>
                <RadioGroup row aria-labelledby={`${titleId}-channel`} {...field}>
                  {channelChoices.map((choice) => (
                    <FormControlLabel key={choice.value} value={choice.value} control={<Radio />} label={choice.label} />
                  ))}
                </RadioGroup>
              </FormControl>
            )}
          />
          <FormTextField control={control} name="Notes" label="Reason" required autoFocus={Boolean(phoneNumber)} placeholder="Asked by phone" sx={{ mt: 1 }} />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" loading={add.isPending}>
          Add opt-out
        </Button>
      </DialogActions>
    </form>
  );
}

/** Adds an opt-out by hand, for calls, texts or both, with the reason on record; says so when done. */
export function AddOptOutDialog({ open, onClose, ...props }: AddOptOutDialogProps) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      {open && <AddOptOutForm onClose={onClose} titleId={titleId} {...props} />}
    </Dialog>
  );
}
