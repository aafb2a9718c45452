import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationSendInput, ConversationUpdateInput, TextMessageInput } from '@contract/conversation.ts';
import { conversationQueries } from './conversation-queries.ts';
import { sendTextMessage, startConversation, updateConversation } from './conversation-requests.ts';
import { isCreatedUnread } from '../../api-client.ts';

export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConversationSendInput) => startConversation(input),
    // The form shows the error next to the field it concerns.
    meta: { handlesErrors: true },
    onSuccess: async (conversation) => {
      if (!isCreatedUnread(conversation)) queryClient.setQueryData(conversationQueries.detail(conversation.ConversationID).queryKey, conversation);
      await queryClient.invalidateQueries({ queryKey: conversationQueries.all() });
    },
  });
}

export function useSendTextMessage(conversationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TextMessageInput) => sendTextMessage(conversationId, input),
    meta: { handlesErrors: true },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationQueries.detail(conversationId).queryKey }),
        queryClient.invalidateQueries({ queryKey: conversationQueries.lists() }),
      ]);
    },
  });
}

export function useUpdateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, changes }: { conversationId: number; changes: ConversationUpdateInput }) => updateConversation(conversationId, changes),
    onSuccess: async (conversation) => {
      queryClient.setQueryData(conversationQueries.detail(conversation.ConversationID).queryKey, conversation);
      await queryClient.invalidateQueries({ queryKey: conversationQueries.lists() });
    },
  });
}
