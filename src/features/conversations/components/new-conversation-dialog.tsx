import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useStartConversation } from '@/api/resources/conversations/conversation-mutations.ts';
import { textNumberQueries } from '@/api/resources/text-numbers/text-number-queries.ts';
import { isApiError } from '@/api/api-error.ts';
import { conversationSendInputSchema, type ConversationSendInput, type InboxConversation } from '@/api/schemas/conversation.ts';
import { formatPhoneNumber, normalizePhoneNumber, phoneProblemMessages } from '@/api/schemas/phone-number.ts';
import type { z } from '@/api/schemas/zod.ts';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { SmsSegmentCounter } from '@/components/form/sms-segment-counter.tsx';

/** The API's send body, with the number checked here as the sandbox will check it. */
const newConversationSchema = conversationSendInputSchema.superRefine((input, ctx) => {
  const check = normalizePhoneNumber(input.LastMessage.Contact.PrimaryPhone);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', path: ['LastMessage', 'Contact', 'PrimaryPhone'], message: phoneProblemMessages[check.problem] });
  }
});

export interface NewConversationDialogProps {
  open: boolean;
  onClose: () => void;
  onStarted: (conversation: InboxConversation) => void;
  /** The text number to send from at first (the inbox's filter); the account's default otherwise. */
  textNumberId: number | null;
}

function NewConversationForm({
  onClose,
  onStarted,
  textNumberId,
  titleId,
}: Omit<NewConversationDialogProps, 'open'> & { titleId: string }) {
  const textNumbers = useQuery(textNumberQueries.list());
  const start = useStartConversation();
  const defaultNumber = textNumbers.data?.Items.find((number) => number.IsDefault) ?? textNumbers.data?.Items[0];
  const { control, handleSubmit, setError, formState } = useForm<
    ConversationSendInput,
    unknown,
    z.output<typeof newConversationSchema>
  >({
    resolver: zodResolver(newConversationSchema),
    values: {
      TextNumberID: textNumberId ?? defaultNumber?.TextNumberID ?? 0,
      LastMessage: { Message: '', Contact: { PrimaryPhone: '', FirstName: '', LastName: '' } },
    },
    resetOptions: { keepDirtyValues: true },
  });
  const message = useWatch({ control, name: 'LastMessage.Message' }) ?? '';

  const submit = handleSubmit((input) => {
    const check = normalizePhoneNumber(input.LastMessage.Contact.PrimaryPhone);
    const contact = { ...input.LastMessage.Contact, PrimaryPhone: check.ok ? check.digits : input.LastMessage.Contact.PrimaryPhone };
    start.mutate(
      { ...input, LastMessage: { ...input.LastMessage, Contact: contact } },
      {
        onSuccess: onStarted,
        onError: (error) => {
          // An opt-out or a bad number is about the recipient: say so next to the number.
          const phonePrefix = 'LastMessage.Contact.PrimaryPhone: ';
          if (isApiError(error) && (error.errorName === 'RecipientOptedOut' || error.message.startsWith(phonePrefix))) {
            setError('LastMessage.Contact.PrimaryPhone', { message: error.message.replace(phonePrefix, '') }, { shouldFocus: true });
          } else {
            setError('root', { message: error.message });
          }
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle id={titleId}>New text</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          {formState.errors.root && (
            <Alert severity="error" sx={{ mb: 1 }}>
              {formState.errors.root.message}
            </Alert>
          )}
          <FormTextField control={control} name="TextNumberID" label="From" select parse={Number} disabled={!textNumbers.data}>
            {(textNumbers.data?.Items ?? []).map((number) => (
              <MenuItem key={number.TextNumberID} value={number.TextNumberID}>
                {number.Name} · {formatPhoneNumber(number.TextPhoneNumber)}
              </MenuItem>
            ))}
          </FormTextField>
          <FormTextField
            control={control}
            name="LastMessage.Contact.PrimaryPhone"
            label="To (phone number)"
            autoFocus
            required
            autoComplete="off"
            inputMode="tel"
            placeholder="(214) 555-0143"
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 1, sm: 2 }}>
            <FormTextField control={control} name="LastMessage.Contact.FirstName" label="First name" autoComplete="off" />
            <FormTextField control={control} name="LastMessage.Contact.LastName" label="Last name" autoComplete="off" />
          </Stack>
          <FormTextField
            control={control}
            name="LastMessage.Message"
            label="Message"
            required
            multiline
            minRows={3}
            maxRows={10}
            helperText="A new number gets “Reply STOP to opt out.” added to its first text."
          />
          <SmsSegmentCounter text={message} />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" loading={start.isPending}>
          Send text
        </Button>
      </DialogActions>
    </form>
  );
}

/** Starts a conversation by phone number: the first text goes out at once. */
export function NewConversationDialog({ open, onClose, ...props }: NewConversationDialogProps) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      {open && <NewConversationForm onClose={onClose} titleId={titleId} {...props} />}
    </Dialog>
  );
}
