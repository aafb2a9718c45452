import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultSendingSettings, sendingSettingsSchema, type SendingSettings } from '@contract/sending-settings.ts';
import { z } from '@contract/zod.ts';
import { apiRequest } from './api-client.ts';

/**
 * The account's sending settings (local sending hours, the undo window after Send). The API has no place for them:
 * our server keeps them, one copy per API account (GET and PUT /api/sending-settings; decision 0184).
 */

/** Our own answer is read strictly; one that does not fit reads as the defaults rather than failing a page. */
function readSettings(answer: unknown): SendingSettings {
  const parsed = sendingSettingsSchema.safeParse(answer);
  return parsed.success ? parsed.data : defaultSendingSettings;
}

export async function getSendingSettings(signal?: AbortSignal): Promise<SendingSettings> {
  return readSettings(await apiRequest('/sending-settings', { schema: z.unknown(), signal }));
}

export async function putSendingSettings(settings: SendingSettings): Promise<SendingSettings> {
  return readSettings(await apiRequest('/sending-settings', { method: 'PUT', body: settings, schema: z.unknown() }));
}

export const sendingSettingsQueries = {
  all: () => ['sending-settings'] as const,
  current: () =>
    queryOptions({
      queryKey: sendingSettingsQueries.all(),
      queryFn: ({ signal }) => getSendingSettings(signal),
      // Changed rarely, and only through this app: a minute is fresh enough, and a save updates the entry itself.
      staleTime: 60_000,
    }),
};

/**
 * The account's sending settings: the defaults (8:00–21:00, a 60 s undo window) until they have been read, and if
 * they cannot be. `isLoaded` tells a caller that must not act on the defaults (the send's hold) to wait.
 */
export function useSendingSettings() {
  const query = useQuery(sendingSettingsQueries.current());
  return {
    settings: query.data ?? defaultSendingSettings,
    isLoaded: query.data !== undefined,
    isPending: query.isPending,
    error: query.error,
  };
}

/** Saves the account's sending settings (master users only: others get 403). */
export function useSaveSendingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: SendingSettings) => putSendingSettings(settings),
    meta: { handlesErrors: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(sendingSettingsQueries.current().queryKey, saved);
    },
  });
}
