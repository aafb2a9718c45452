import type { Answer } from '@contract/answer.ts';
import { z } from '@contract/zod.ts';
import { apiRequest } from '../../api-client.ts';
import { isApiError } from '../../api-error.ts';
import { sessionUserSchema, type LoginInput, type SessionUser } from '@contract/user.ts';

/** The signed-in user, or null when there is no session. */
export async function getSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return await apiRequest('/session', { schema: sessionUserSchema, signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function logIn(credentials: LoginInput): Promise<SessionUser> {
  return apiRequest('/session', { method: 'POST', body: credentials, schema: sessionUserSchema });
}

export async function logOut(): Promise<void> {
  await apiRequest('/session', { method: 'DELETE', schema: z.unknown() });
}

/** Ends every session of the signed-in user, this one too (docs/decisions/0112-sessions-end-with-pin-changes.md). */
export async function logOutEverywhere(): Promise<void> {
  await apiRequest('/session/everywhere', { method: 'DELETE', schema: z.unknown() });
}

export const serverConfigSchema = z.object({ Sandbox: z.boolean() });
export type ServerConfig = Answer<z.infer<typeof serverConfigSchema>>;

export function getServerConfig(signal?: AbortSignal): Promise<ServerConfig> {
  return apiRequest('/config', { schema: serverConfigSchema, signal });
}
