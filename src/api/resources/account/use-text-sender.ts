import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { senderOf, type TextSender } from '@contract/text-lints.ts';
import { sessionQueries } from '../session/session-queries.ts';
import { accountQueries } from './account-queries.ts';

/**
 * Who a text is from, for the check that it names its sender (docs/decisions/0190-sender-name-in-texts.md): the
 * account's organisation and the signed-in user's name, as far as the API gives them. Names it does not give (the
 * account route may not answer CompanyName) are left out; with none at all the check is skipped.
 */
export function useTextSender(): TextSender {
  const session = useQuery(sessionQueries.current());
  const account = useQuery(accountQueries.detail());
  const organization = account.data?.CompanyName;
  const firstName = session.data?.FirstName;
  const lastName = session.data?.LastName;
  return useMemo(() => senderOf({ organization, firstName, lastName }), [organization, firstName, lastName]);
}
