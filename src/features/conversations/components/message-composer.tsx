import { zodResolver } from '@hookform/resolvers/zod';
import SendOutlined from '@mui/icons-material/SendOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useEffect, useImperativeHandle, useId, type Ref } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useSendTextMessage } from '@/api/resources/conversations/conversation-mutations.ts';
import { textMessageInputSchema, type TextMessage, type TextMessageInput } from '@contract/conversation.ts';
import type { z } from '@contract/zod.ts';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { countSegments } from '@contract/sms-segments.ts';
import { OPT_OUT_NOTICE, withOptOutNotice } from '@contract/text-opt-out.ts';
import { SmsSegmentCounter } from '@/components/form/sms-segment-counter.tsx';
import { TextChecks } from '@/components/form/text-checks.tsx';
import { useTextSender } from '@/api/resources/account/use-text-sender.ts';
import type { CreatedUnread } from '@/api/api-client.ts';

export interface ComposerHandle {
  focus: () => void;
}

export interface MessageComposerProps {
  conversationId: number;
  recipientName: string;
  /** For the R shortcut: focuses the reply box. */
  ref?: Ref<ComposerHandle>;
  onSent: (message: TextMessage | CreatedUnread) => void;
  /** Escape: hand the keyboard back to the inbox. */
  onLeave: () => void;
  /** Nothing has been sent to the number yet: the service adds the opt-out notice to this text (decision 0140). */
  firstText: boolean;
}

/** Unsent replies by conversation, so moving to another thread and back loses nothing typed. */
const drafts = new Map<number, string>();

/** The reply box: a text with its character and segment count, sent with the button or Ctrl+Enter. */
export function MessageComposer({ conversationId, recipientName, ref, onSent, onLeave, firstText }: MessageComposerProps) {
  const send = useSendTextMessage(conversationId);
  const sender = useTextSender();
  const id = useId();
  const fieldId = `${id}-reply`;
  const counterId = `${id}-count`;
  const { control, handleSubmit, reset, setError, setFocus, getValues, setValue } = useForm<TextMessageInput, unknown, z.output<typeof textMessageInputSchema>>(
    {
      resolver: zodResolver(textMessageInputSchema),
      defaultValues: { Message: drafts.get(conversationId) ?? '' },
    },
  );
  const text = useWatch({ control, name: 'Message' }) ?? '';

  useImperativeHandle(ref, () => ({ focus: () => setFocus('Message') }), [setFocus]);

  // The composer is mounted per conversation: keep what was typed when it goes.
  useEffect(
    () => () => {
      const draft = getValues('Message');
      if (draft?.trim()) drafts.set(conversationId, draft);
      else drafts.delete(conversationId);
    },
    [conversationId, getValues],
  );

  const submit = handleSubmit((values) =>
    send.mutate(values, {
      onSuccess: (message) => {
        reset({ Message: '' });
        drafts.delete(conversationId);
        onSent(message);
      },
      // Kept as typed, with the reason (an opt-out, say) under the field.
      onError: (error) => setError('Message', { message: error.message }, { shouldFocus: true }),
    }),
  );

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ borderTop: 1, borderColor: 'divider', px: { xs: 2, md: 3 }, pt: 2, pb: 1 }}>
      <FormTextField
        control={control}
        name="Message"
        id={fieldId}
        label={`Reply to ${recipientName}`}
        placeholder="Type a reply. Ctrl+Enter sends it."
        multiline
        minRows={2}
        maxRows={8}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            // One text per press: not again while held down, nor while the last one is still being sent.
            if (!event.repeat && !send.isPending) void submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onLeave();
          }
        }}
        slotProps={{ htmlInput: { 'aria-describedby': `${fieldId}-helper-text ${counterId}` } }}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mt: -1 }}>
        <SmsSegmentCounter
          count={countSegments(firstText && text.trim() ? withOptOutNotice(text.trim()) : text)}
          id={counterId}
          note={firstText ? `Counted as sent: a first text gets “${OPT_OUT_NOTICE}” added.` : undefined}
        />
        <Button type="submit" variant="contained" endIcon={<SendOutlined />} loading={send.isPending} sx={{ flexShrink: 0 }}>
          Send
        </Button>
      </Stack>
      <Box sx={{ mt: 1, '&:empty': { display: 'none' } }}>
        {/* Only a first text need name its sender; it gets the service's opt-out notice (decision 0191). */}
        <TextChecks
          text={text}
          context={{ sender: firstText ? sender : null, optOut: firstText ? 'notice-added' : 'not-first-text' }}
          headingLevel={3}
          maxHeight="30vh"
          onChange={(next) => {
            setValue('Message', next, { shouldDirty: true });
            // The button is gone once its finding is: the reply takes the focus back.
            setFocus('Message');
          }}
        />
      </Box>
    </Box>
  );
}
