import { apiRequest } from '../../api-client.ts';
import { accountSchema, type Account } from '../../schemas/account.ts';

export function getAccount(signal?: AbortSignal): Promise<Account> {
  return apiRequest('/v1/account', { schema: accountSchema, signal });
}
