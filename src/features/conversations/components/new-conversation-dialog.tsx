import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useStartConversation } from '@/api/resources/conversations/conversation-mutations.ts';
import { textNumberQueries } from '@/api/resources/text-numbers/text-number-queries.ts';
import { isApiError } from '@/api/api-error.ts';
import { conversationSendInputSchema, type ConversationSendInput, type InboxConversation } from '@contract/conversation.ts';
import { normalizePhoneNumber, phoneProblemMessages } from '@contract/phone-number.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import type { TextNumber } from '@contract/text-number.ts';
import type { z } from '@contract/zod.ts';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { countSegments } from '@contract/sms-segments.ts';
import { OPT_OUT_NOTICE, withOptOutNotice } from '@contract/text-opt-out.ts';
import { SmsSegmentCounter } from '@/components/form/sms-segment-counter.tsx';
import { TextChecks } from '@/components/form/text-checks.tsx';
import { useTextSender } from '@/api/resources/account/use-text-sender.ts';
import type { CreatedUnread } from '@/api/api-client.ts';

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
  onStarted: (conversation: InboxConversation | CreatedUnread) => void;
  /** The text number to send from at first (the inbox's filter); the account's default otherwise. */
  textNumberId: number | null;
}

interface NewConversationFormProps extends Omit<NewConversationDialogProps, 'open' | 'textNumberId'> {
  titleId: string;
  textNumbers: TextNumber[];
  textNumberId: number;
}

function NewConversationForm({ onClose, onStarted, textNumberId, textNumbers, titleId }: NewConversationFormProps) {
  const start = useStartConversation();
  const sender = useTextSender();
  const { control, handleSubmit, setError, setFocus, setValue, formState } = useForm<ConversationSendInput, unknown, z.output<typeof newConversationSchema>>({
    resolver: zodResolver(newConversationSchema),
    defaultValues: {
      TextNumberID: textNumberId,
      LastMessage: { Message: '', Contact: { PrimaryPhone: '', FirstName: '', LastName: '' } },
    },
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
          <FormTextField control={control} name="TextNumberID" label="From" select parse={Number}>
            {textNumbers.map((number) => (
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
          <FormTextField control={control} name="LastMessage.Message" label="Message" required multiline minRows={3} maxRows={10} />
          {/* Counted as sent to a new number, the usual case: the service adds the notice to a first text (decision 0140). */}
          <SmsSegmentCounter
            count={countSegments(message.trim() ? withOptOutNotice(message.trim()) : '')}
            note={`Counted as sent to a new number: its first text gets “${OPT_OUT_NOTICE}” added.`}
          />
          {/* A first text to the number, as counted above: its sender named, the notice added (decision 0191). */}
          <TextChecks
            text={message}
            context={{ sender, optOut: 'notice-added' }}
            headingLevel={3}
            onChange={(next) => {
              setValue('LastMessage.Message', next, { shouldDirty: true });
              // The button is gone once its finding is: the message takes the focus back.
              setFocus('LastMessage.Message');
            }}
          />
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
export function NewConversationDialog({ open, onClose, onStarted, textNumberId }: NewConversationDialogProps) {
  const titleId = useId();
  const textNumbers = useQuery({ ...textNumberQueries.list(), enabled: open });
  const numbers = textNumbers.data?.Items ?? [];
  const from = numbers.find((number) => number.TextNumberID === textNumberId) ?? numbers.find((number) => number.IsDefault) ?? numbers[0];
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      {open &&
        (textNumbers.isError ? (
          <DialogContent>
            <QueryErrorAlert title="The text numbers could not be loaded." error={textNumbers.error} onRetry={() => void textNumbers.refetch()} />
          </DialogContent>
        ) : textNumbers.data && !from ? (
          <>
            <DialogTitle id={titleId}>New text</DialogTitle>
            <DialogContent>
              <Alert severity="info">The account has no text number to send from. Ask Text-Em-All to add one.</Alert>
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>Close</Button>
            </DialogActions>
          </>
        ) : !from ? (
          <DialogContent role="status" aria-label="Loading the text numbers">
            <Skeleton width="40%" height={32} />
            <Skeleton variant="rounded" height={220} sx={{ mt: 2 }} />
          </DialogContent>
        ) : (
          <NewConversationForm onClose={onClose} onStarted={onStarted} titleId={titleId} textNumbers={numbers} textNumberId={from.TextNumberID} />
        ))}
    </Dialog>
  );
}
