import { request } from '@playwright/test';
import { defaultSendingSettings, type SendingSettings } from '../../src/contract/sending-settings.ts';
import { DEMO_MASTER } from './demo-users.ts';

/**
 * Sets the demo account's undo window on the server at `baseURL`. Each worker's server starts with it off, so a
 * broadcast sent in a spec starts at once, as the specs expect; e2e/undo-window.spec.ts turns it on for itself and off
 * again. The documented-only and real-shape servers' APIs do not say who is a master user, so the window cannot be
 * changed there (decision 0184): documented-only holds nothing (it cannot cancel), and real-shape sends are held, as
 * they would be on such an API.
 */
export async function setUndoWindow(baseURL: string, seconds: number) {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-requested-with': 'callboard' } });
  try {
    const login = await context.post('/api/session', { data: { UserName: DEMO_MASTER.userName, PinCode: DEMO_MASTER.pinCode } });
    if (!login.ok()) throw new Error(`Logging in to ${baseURL} failed: ${login.status()}`);
    const current = await context.get('/api/sending-settings');
    const settings = current.ok() ? ((await current.json()) as SendingSettings) : defaultSendingSettings;
    const saved = await context.put('/api/sending-settings', { data: { ...settings, UndoWindowSeconds: seconds } });
    if (!saved.ok()) throw new Error(`Setting the undo window on ${baseURL} failed: ${saved.status()} ${await saved.text()}`);
  } finally {
    await context.dispose();
  }
}
