import { splitFullName } from '@contract/column-mapping.ts';
import { normalizePhoneNumber } from '@contract/phone-number.ts';
import { walkContacts } from '@/api/resources/contacts/contact-requests.ts';
import { needsOf, parsePastedNumbers, type BroadcastDraft } from './broadcast-draft.ts';
import { peopleOfCsv } from './recipient-file.ts';
import type { SplitPerson } from './zone-split.ts';

/*
 * Everyone a draft reaches, as people a split sends inline (decision 0198): what the draft holds, and each list read
 * in full through its documented member route. A split part no longer follows the list, so it is read at Send.
 */

interface PhonesOf {
  FirstName?: string | null;
  LastName?: string | null;
  PrimaryPhone?: string | null;
  SecondaryPhone?: string | null;
  TertiaryPhone?: string | null;
  Notes?: string | null;
  IntegrationData?: string | null;
  /** A contact's record: a number marked do-not-call is not called (sent inline, the mark would be lost). */
  DoNotCallPrimaryPhone?: boolean | null | undefined;
  DoNotCallSecondaryPhone?: boolean | null | undefined;
  DoNotCallTertiaryPhone?: boolean | null | undefined;
}

/**
 * A person as one entry per number they are reached on: the primary number, and the others too unless only primary
 * numbers are called (each is placed in its own zone).
 */
function entriesOf(person: PhonesOf, primaryOnly: boolean, calls = false): SplitPerson[] {
  const slots = [
    [person.PrimaryPhone, person.DoNotCallPrimaryPhone],
    [person.SecondaryPhone, person.DoNotCallSecondaryPhone],
    [person.TertiaryPhone, person.DoNotCallTertiaryPhone],
  ] as const;
  const phones = (primaryOnly ? slots.slice(0, 1) : slots).filter(([, doNotCall]) => !(calls && doNotCall === true)).map(([phone]) => phone);
  return phones.flatMap((phone) => {
    const check = normalizePhoneNumber(phone ?? '');
    if (!check.ok) return [];
    return [
      {
        FirstName: person.FirstName ?? '',
        LastName: person.LastName ?? '',
        PrimaryPhone: check.digits,
        Notes: person.Notes ?? '',
        IntegrationData: person.IntegrationData ?? '',
      },
    ];
  });
}

/** Whether a draft's people can all be known here: a large uploaded file's rows are not kept in the draft. */
export const canSplit = (draft: BroadcastDraft) => draft.recipients.files.every((file) => file.csv !== undefined);

/** People the draft's lists hold, for a progress bar's "of". */
export const listPeopleCount = (draft: BroadcastDraft) => draft.recipients.lists.reduce((sum, list) => sum + list.count, 0);

/**
 * Everyone the draft reaches, one entry a number (the first source naming a number gives its name), leaving out the
 * excluded numbers. `onRead` hears how many list members are read so far.
 */
export async function peopleOfDraft(draft: BroadcastDraft, signal: AbortSignal, onRead: (read: number) => void): Promise<SplitPerson[]> {
  const { recipients } = draft;
  const primaryOnly = recipients.primaryOnly;
  const calls = needsOf(draft.type).voice;
  const people: SplitPerson[] = [
    ...(recipients.carried?.people ?? []).flatMap((person) => entriesOf(person, true)),
    ...recipients.contacts.flatMap((contact) => entriesOf({ ...splitFullName(contact.name), PrimaryPhone: contact.phone }, true)),
    ...parsePastedNumbers(recipients.pasted).valid.flatMap((phone) => entriesOf({ PrimaryPhone: phone }, true)),
    ...recipients.files.flatMap((file) => (file.csv ? peopleOfCsv(file.csv).flatMap((person) => entriesOf(person, primaryOnly)) : [])),
  ];
  let read = 0;
  for (const list of recipients.lists) {
    for await (const page of walkContacts({ listId: list.id, pageSize: 1000 }, signal)) {
      for (const contact of page.items) people.push(...entriesOf(contact, primaryOnly, calls));
      onRead((read += page.items.length));
    }
  }
  const excluded = new Set(recipients.excluded.flatMap((person) => entriesOf({ PrimaryPhone: person.phone }, true).map((entry) => entry.PrimaryPhone)));
  const seen = new Set<string>();
  return people.filter((person) => {
    if (excluded.has(person.PrimaryPhone) || seen.has(person.PrimaryPhone)) return false;
    seen.add(person.PrimaryPhone);
    return true;
  });
}
