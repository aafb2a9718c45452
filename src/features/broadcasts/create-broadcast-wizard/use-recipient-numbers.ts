import { queryOptions, useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { normalizePhoneNumber } from '@contract/phone-number.ts';
import { walkContacts } from '@/api/resources/contacts/contact-requests.ts';
import { parsePastedNumbers, type BroadcastDraft } from './broadcast-draft.ts';
import { peopleOfCsv } from './recipient-file.ts';

/**
 * People read from each chosen list to place its numbers in time zones (decision 0181): two pages of the documented
 * member feed. A larger list is sampled, and the panel says how many of its people were read.
 */
export const LIST_SAMPLE = 2000;
const PAGE_SIZE = 1000;

const digitsOf = (phone: string | null | undefined): string | null => {
  const check = normalizePhoneNumber(phone ?? '');
  return check.ok ? check.digits : null;
};

/** The numbers a person is reached on: the primary one, or all three unless only primary numbers are called. */
const numbersOf = (person: { PrimaryPhone?: string | null; SecondaryPhone?: string | null; TertiaryPhone?: string | null }, primaryOnly: boolean) =>
  (primaryOnly ? [person.PrimaryPhone] : [person.PrimaryPhone, person.SecondaryPhone, person.TertiaryPhone])
    .map(digitsOf)
    .filter((digits): digits is string => digits !== null);

interface ListRead {
  numbers: string[];
  read: number;
  total: number;
}

/** The lists' answers as one value, kept the same while none changes (a module function, so useQueries memoises it). */
function combineLists(results: ReadonlyArray<{ data?: ListRead | undefined; isPending: boolean; error: Error | null }>) {
  return {
    reads: results.map((result) => result.data),
    numbers: results.flatMap((result) => result.data?.numbers ?? []),
    pending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

export interface SampledList {
  name: string;
  /** People read... */
  read: number;
  /** ...of the list's people. */
  of: number;
}

export interface RecipientNumbers {
  /** Distinct numbers known so far. */
  numbers: string[];
  /** While lists are read: people read and to read, for a progress bar. */
  reading: { read: number; of: number } | null;
  /** Lists read only in part. */
  sampled: SampledList[];
  /** Uploaded files whose rows the draft no longer holds (too large to keep), so their numbers are not known here. */
  unreadFiles: number;
  /** A list could not be read. */
  error: Error | null;
}

/**
 * The numbers a draft reaches, as far as the browser can know them: typed, chosen, carried over and uploaded ones
 * from the draft itself, and each list's members through `GET /v1/lists/{id}/contacts` (documented), sampled.
 */
export function useRecipientNumbers(draft: BroadcastDraft, enabled: boolean): RecipientNumbers {
  const { recipients } = draft;
  const [progress, setProgress] = useState<Record<number, number>>({});
  const lists = useQueries({
    queries: recipients.lists.map((list) =>
      queryOptions({
        queryKey: ['recipient-numbers', list.id, recipients.primaryOnly] as const,
        queryFn: async ({ signal }): Promise<ListRead> => {
          const numbers: string[] = [];
          let read = 0;
          let total = list.count;
          for await (const page of walkContacts({ listId: list.id, pageSize: PAGE_SIZE }, signal)) {
            for (const contact of page.items) numbers.push(...numbersOf(contact, recipients.primaryOnly));
            read = page.received;
            total = page.total;
            setProgress((current) => ({ ...current, [list.id]: read }));
            if (read >= LIST_SAMPLE) break;
          }
          return { numbers, read, total };
        },
        enabled,
        // A list changes rarely while a broadcast is written; reading it again on every step would be wasted.
        staleTime: 5 * 60_000,
      }),
    ),
    combine: combineLists,
  });

  const fromDraft = useMemo(() => {
    const numbers = [
      ...recipients.contacts.map((contact) => digitsOf(contact.phone)),
      ...parsePastedNumbers(recipients.pasted).valid,
      ...(recipients.carried?.people ?? []).map((person) => digitsOf(person.PrimaryPhone)),
      ...recipients.files.flatMap((file) => (file.csv ? peopleOfCsv(file.csv).flatMap((person) => numbersOf(person, recipients.primaryOnly)) : [])),
    ];
    return numbers.filter((digits): digits is string => digits !== null);
  }, [recipients.contacts, recipients.pasted, recipients.carried, recipients.files, recipients.primaryOnly]);

  const numbers = useMemo(() => [...new Set([...fromDraft, ...lists.numbers])], [fromDraft, lists.numbers]);
  const of = recipients.lists.reduce((sum, list) => sum + Math.min(list.count, LIST_SAMPLE), 0);
  const read = recipients.lists.reduce((sum, list, index) => sum + (lists.reads[index]?.read ?? progress[list.id] ?? 0), 0);
  return {
    numbers,
    reading: enabled && lists.pending ? { read: Math.min(read, of), of } : null,
    sampled: recipients.lists.flatMap((list, index) => {
      const data = lists.reads[index];
      return data && data.read < data.total ? [{ name: list.name, read: data.read, of: data.total }] : [];
    }),
    unreadFiles: recipients.files.filter((file) => !file.csv).length,
    error: lists.error,
  };
}
