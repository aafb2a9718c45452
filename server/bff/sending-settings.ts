import { Hono } from 'hono';
import { defaultSendingSettings, sendingSettingsSchema, type SendingSettings } from '../../src/contract/sending-settings.ts';
import { accountScope, fileRecords, type AccountScope, memoryRecords, parsedOrNull, readBody, sharedRecords, type RecordStore } from './account-records.ts';
import { errorResponse } from './errors.ts';
import { currentUserReader } from './session-routes.ts';
import type { Sessions } from './sessions.ts';
import type { SharedStore } from './shared-store.ts';
import type { Upstream } from './upstream.ts';

/**
 * The account's sending settings (docs/decisions/0184-sending-settings-on-our-server.md): the API has no place for
 * them, so our server keeps one copy per API account: in memory, in a JSON file in DATA_DIR, or in the store several
 * copies share (REDIS_URL).
 */
export interface SendingSettingsStore {
  read(accountId: number): Promise<SendingSettings | null>;
  write(accountId: number, settings: SendingSettings): Promise<void>;
}

/** The settings under the account's id: the file's `{ "accountId": settings }`, Redis's `callboard:sending-settings:<id>`. */
function sendingSettingsIn(records: RecordStore): SendingSettingsStore {
  return {
    read: async (accountId) => parsedOrNull(sendingSettingsSchema, await records.get(String(accountId))),
    write: (accountId, settings) => records.write({ set: { [accountId]: settings } }),
  };
}

export const memorySendingSettings = () => sendingSettingsIn(memoryRecords());
export const fileSendingSettings = (file: string) => sendingSettingsIn(fileRecords(file));
export const sharedSendingSettings = (store: SharedStore) => sendingSettingsIn(sharedRecords(store, 'sending-settings'));

/** /api/sending-settings: GET for every signed-in user, PUT for master users only. */
export function sendingSettingsRoutes({
  upstream,
  sessions,
  store,
  withAccount = accountScope({ upstream, sessions }),
}: {
  upstream: Upstream;
  sessions: Sessions;
  store: SendingSettingsStore;
  /** Shared with the other per-account routes, so a session's account is asked for once. */
  withAccount?: AccountScope;
}) {
  const currentUser = currentUserReader({ upstream, sessions });

  return new Hono()
    .get('/', (c) => withAccount(c, async (accountId) => c.json((await store.read(accountId)) ?? defaultSendingSettings)))
    .put('/', (c) =>
      withAccount(c, async (accountId) => {
        const current = await currentUser(c);
        if ('signedOut' in current) return errorResponse(c, 'NotLoggedIn', current.signedOut);
        // Our server decides here, not the API: only a user the API names a master user may change them (decision 0184).
        if (current.user.IsMasterUser !== true) {
          return errorResponse(c, 'PermissionDenied', 'Only a master user can change the sending settings.');
        }
        const input = await readBody(c, sendingSettingsSchema);
        if ('problem' in input) return errorResponse(c, 'ValidationFailed', input.problem || 'Send LocalSendingStart, LocalSendingEnd and UndoWindowSeconds.');
        await store.write(accountId, input.data);
        return c.json(input.data);
      }),
    );
}
