import { apiRequest } from '../../api-client.ts';
import { accountSchema, accountUsageSchema, type Account, type AccountUsage } from '@contract/account.ts';

export function getAccount(signal?: AbortSignal): Promise<Account> {
  return apiRequest('/v1/account', { schema: accountSchema, signal });
}

/** Inclusive calendar days (`yyyy-MM-dd`) in the user's zone (docs/decisions/0041-account-usage.md). */
export interface UsageRange {
  dateFrom: string;
  dateTo: string;
}

export function getAccountUsage({ dateFrom, dateTo }: UsageRange, signal?: AbortSignal): Promise<AccountUsage> {
  const query = new URLSearchParams({ 'date-from': dateFrom, 'date-to': dateTo });
  return apiRequest(`/v1/account/usage?${query.toString()}`, { schema: accountUsageSchema, signal });
}
