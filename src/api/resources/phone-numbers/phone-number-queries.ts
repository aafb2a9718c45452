import { queryOptions } from '@tanstack/react-query';
import type { ListParams } from '../../list-params.ts';
import { listPhoneNumberBroadcasts } from './phone-number-requests.ts';

export const phoneNumberQueries = {
  all: () => ['phone-numbers'] as const,
  broadcasts: (phoneNumber: string, params: ListParams) =>
    queryOptions({
      queryKey: [...phoneNumberQueries.all(), phoneNumber, 'broadcasts', params],
      queryFn: ({ signal }) => listPhoneNumberBroadcasts(phoneNumber, params, signal),
    }),
};
