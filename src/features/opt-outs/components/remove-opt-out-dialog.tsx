import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useAddOptOut, useRemoveOptOut } from '@/api/resources/opt-outs/opt-out-mutations.ts';
import { optOutQueries } from '@/api/resources/opt-outs/opt-out-queries.ts';
import type { OptOutRemoval } from '@/api/resources/opt-outs/opt-out-requests.ts';
import { optOutRemovalInputSchema } from '@contract/opt-out.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { z } from '@contract/zod.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { channelChoices, channelsText } from '../opt-out-display.ts';
import { notOfferedSentenceOf } from '@/utils/not-offered.ts';

/** Opting back in needs the person's consent, on record. */
const removeOptOutFormSchema = z.object({
  Channel: z.enum(['Both', 'Call', 'Text']),
  Consent: z.boolean().refine((consent) => consent, { error: 'Confirm that the person asked to be contacted again' }),
  Notes: optOutRemovalInputSchema.shape.Notes.unwrap().min(1, 'Say how they asked, e.g. “Called the office on 5/3”'),
});
type RemoveOptOutForm = z.input<typeof removeOptOutFormSchema>;

export interface RemovableOptOut {
  PhoneNumber: string;
  DoNotCall: boolean | null;
  DoNotText: boolean | null;
}

export interface RemoveOptOutDialogProps {
  optOut: RemovableOptOut | null;
  onClose: () => void;
}

interface RemoveOptOutFormProps extends Omit<RemoveOptOutDialogProps, 'optOut'> {
  optOut: RemovableOptOut;
  titleId: string;
  /** Its text opt-out came from a STOP reply: only the person can lift it. */
  textLocked: boolean;
}

function RemoveOptOutForm({ optOut, onClose, titleId, textLocked }: RemoveOptOutFormProps) {
  const remove = useRemoveOptOut();
  const addBack = useAddOptOut();
  const notify = useNotify();
  const liftCall = optOut.DoNotCall;
  const liftText = optOut.DoNotText && !textLocked;
  const both = liftCall && liftText;
  const { control, handleSubmit, setError, formState } = useForm<RemoveOptOutForm, unknown, z.output<typeof removeOptOutFormSchema>>({
    resolver: zodResolver(removeOptOutFormSchema),
    defaultValues: { Channel: both ? 'Both' : liftCall ? 'Call' : 'Text', Consent: false, Notes: '' },
  });

  const submit = handleSubmit(({ Channel, Notes }) => {
    const removal: OptOutRemoval = { phoneNumber: optOut.PhoneNumber, notes: Notes, ...(Channel !== 'Both' && { channel: Channel }) };
    remove.mutate(removal, {
      onSuccess: (result) => {
        const call = optOut.DoNotCall === true && result.DoNotCall !== true;
        const text = optOut.DoNotText === true && result.DoNotText !== true;
        notify({
          message: `${formatPhoneNumber(result.PhoneNumber)} is opted back in to ${channelsText(call, text)}.`,
          action: {
            label: 'Undo',
            onClick: () =>
              addBack.mutate(
                { PhoneNumber: result.PhoneNumber, DoNotCall: call, DoNotText: text, Notes: 'Opt-in undone' },
                { onError: (error) => notify({ severity: 'error', message: error.message }) },
              ),
          },
        });
        onClose();
      },
      // A STOP can only be reversed by the person; the server says so.
      onError: (error) => setError('root', { type: notOfferedSentenceOf(error) === null ? 'server' : 'notOffered', message: error.message }),
    });
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle id={titleId}>Opt {formatPhoneNumber(optOut.PhoneNumber)} back in?</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          It is opted out of {channelsText(optOut.DoNotCall, optOut.DoNotText)}. Once opted back in, broadcasts reach it again.
        </DialogContentText>
        {textLocked && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Its text opt-out came from a STOP reply, so only the person can lift it, by texting UNSTOP.
            {liftCall && ' Its call opt-out can be lifted here.'}
          </Alert>
        )}
        {formState.errors.root && (
          // A route the API lacks is no error (decision 0131).
          <Alert severity={formState.errors.root.type === 'notOffered' ? 'info' : 'error'} sx={{ mb: 2 }}>
            {formState.errors.root.message}
          </Alert>
        )}
        {(liftCall || liftText) && (
          <Stack spacing={1.5}>
            {both && (
              <Controller
                control={control}
                name="Channel"
                render={({ field }) => (
                  <FormControl>
                    <FormLabel id={`${titleId}-channel`}>Opt back in to</FormLabel>
                    <RadioGroup row aria-labelledby={`${titleId}-channel`} {...field}>
                      {channelChoices.map((choice) => (
                        <FormControlLabel key={choice.value} value={choice.value} control={<Radio />} label={choice.label} />
                      ))}
                    </RadioGroup>
                  </FormControl>
                )}
              />
            )}
            <FormTextField control={control} name="Notes" label="How did they ask?" required autoFocus placeholder="Called the office on 5/3" />
            <Controller
              control={control}
              name="Consent"
              render={({ field, fieldState }) => (
                <FormControl error={fieldState.invalid}>
                  <FormControlLabel
                    control={
                      <Checkbox checked={field.value} onChange={(event) => field.onChange(event.target.checked)} slotProps={{ input: { ref: field.ref } }} />
                    }
                    label="The person asked to be contacted again, and I have their consent."
                  />
                  {fieldState.error && <FormHelperText>{fieldState.error.message}</FormHelperText>}
                </FormControl>
              )}
            />
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{liftCall || liftText ? 'Cancel' : 'Close'}</Button>
        {(liftCall || liftText) && (
          <Button type="submit" variant="contained" loading={remove.isPending}>
            {both ? 'Opt back in' : `Opt back in to ${liftCall ? 'calls' : 'texts'}`}
          </Button>
        )}
      </DialogActions>
    </form>
  );
}

/** Lifts an opt-out (or one of its channels) once the person has consented; the reason goes on record; Undo puts it back. */
export function RemoveOptOutDialog({ optOut, onClose }: RemoveOptOutDialogProps) {
  const titleId = useId();
  // How the text opt-out came about decides what a user may lift (the sandbox enforces it too).
  const history = useQuery({ ...optOutQueries.history(optOut?.PhoneNumber ?? ''), enabled: optOut !== null });
  const textSetBy = history.data?.Items.find((event) => event.Action === 'OptOut' && event.DoNotText);
  return (
    <Dialog open={optOut !== null} onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      {optOut &&
        (history.isPending ? (
          <DialogContent aria-label="Loading the opt-out" role="status">
            <Skeleton width="70%" height={32} />
            <Skeleton variant="rounded" height={120} sx={{ mt: 2 }} />
          </DialogContent>
        ) : (
          <RemoveOptOutForm optOut={optOut} onClose={onClose} titleId={titleId} textLocked={optOut.DoNotText === true && textSetBy?.Source === 'TextReply'} />
        ))}
    </Dialog>
  );
}
