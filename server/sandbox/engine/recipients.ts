import { SYSTEM_LIST_IDS } from '../../../src/contract/list.ts';
import type { FailedContact } from '../../../src/contract/draft-broadcast.ts';
import type { BroadcastCreateInput } from '../../../src/contract/broadcast.ts';
import type { PersonInput } from '../../../src/contract/contact.ts';
import type { SkippedNumbers } from '../../../src/contract/broadcast-plan.ts';
import { normalizePhoneNumber, phoneProblemMessages } from '../../../src/contract/phone-number.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { contactConditions, findContactsByPhones, folderOfList, type ContactRow } from '../model/contacts.ts';
import { requireVisibleUpload, valuesOfUploadRow, type FileUploadRow } from '../model/file-uploads.ts';
import { findVisibleList, isSystemList } from '../model/lists.ts';
import { errors } from '../http/errors.ts';

/** One phone number to call or text, with the contact fields the details feed and merge fields need. */
export interface Recipient {
  phoneNumber: string;
  personId: number | null;
  firstName: string;
  lastName: string;
  notes: string;
  integrationData: string;
  /** The contact's do-not-call flag for this number. */
  doNotCall: boolean;
  /** Known not to take texts (opt-in status NotTextable). */
  notTextable: boolean;
}

export interface RecipientPool {
  recipients: Recipient[];
  failedContacts: FailedContact[];
  skipped: Pick<SkippedNumbers, 'Invalid' | 'Duplicate' | 'Excluded'>;
}

interface ContactPhonesRow {
  person_id: number;
  first_name: string;
  last_name: string;
  notes: string;
  integration_data: string;
  primary_phone: string;
  secondary_phone: string;
  tertiary_phone: string;
  dnc_primary: number;
  dnc_secondary: number;
  dnc_tertiary: number;
  optin_primary: string;
  optin_secondary: string;
  optin_tertiary: string;
}

const CONTACT_COLUMNS = `c.person_id, c.first_name, c.last_name, c.notes, c.integration_data, c.primary_phone,
  c.secondary_phone, c.tertiary_phone, c.dnc_primary, c.dnc_secondary, c.dnc_tertiary, c.optin_primary,
  c.optin_secondary, c.optin_tertiary`;

const invalidRecipient = (person: PersonInput, message: string): FailedContact => ({
  ErrorCode: errors.ValidationFailed.code,
  ErrorMessage: message,
  Contact: {
    FirstName: person.FirstName ?? null,
    LastName: person.LastName ?? null,
    PrimaryPhone: person.PrimaryPhone,
    SecondaryPhone: person.SecondaryPhone ?? null,
    TertiaryPhone: person.TertiaryPhone ?? null,
    Notes: person.Notes ?? null,
    IntegrationData: person.IntegrationData ?? null,
  },
});

/**
 * Everyone a Create Broadcast body names: its Lists, Contacts and FileUploads, in that order, minus
 * ExcludedContacts, one entry per phone number (the first source to name a number wins). Opt-outs are not
 * applied here; they depend on the channel each number gets.
 */
export function collectRecipients(db: SandboxDatabase, user: AuthUser, input: BroadcastCreateInput): RecipientPool {
  const primaryOnly = input.PrimaryPhoneNumbersOnly ?? true;
  const byPhone = new Map<string, Recipient>();
  const failedContacts: FailedContact[] = [];
  const skipped = { Invalid: 0, Duplicate: 0, Excluded: 0 };

  const excluded = new Set<string>();
  for (const person of input.ExcludedContacts ?? []) {
    for (const phone of [person.PrimaryPhone, person.SecondaryPhone, person.TertiaryPhone]) {
      const check = normalizePhoneNumber(phone);
      if (check.ok) excluded.add(check.digits);
    }
  }

  const add = (recipient: Recipient) => {
    if (excluded.has(recipient.phoneNumber)) skipped.Excluded += 1;
    else if (byPhone.has(recipient.phoneNumber)) skipped.Duplicate += 1;
    else byPhone.set(recipient.phoneNumber, recipient);
  };

  const addContactRow = (row: ContactPhonesRow) => {
    const phones: Array<[string, number, string]> = [[row.primary_phone, row.dnc_primary, row.optin_primary]];
    if (!primaryOnly) {
      phones.push([row.secondary_phone, row.dnc_secondary, row.optin_secondary], [row.tertiary_phone, row.dnc_tertiary, row.optin_tertiary]);
    }
    for (const [phone, doNotCall, optIn] of phones) {
      if (!phone) continue;
      add({
        phoneNumber: phone,
        personId: row.person_id,
        firstName: row.first_name,
        lastName: row.last_name,
        notes: row.notes,
        integrationData: row.integration_data,
        doNotCall: doNotCall === 1,
        notTextable: optIn === 'NotTextable',
      });
    }
  };

  // The contacts of each list, by the same rules the Lists and Contacts pages use (visibility, Unfiled, Deleted).
  for (const { ListID } of input.Lists ?? []) {
    if (ListID === SYSTEM_LIST_IDS.Deleted) throw new SandboxError('ValidationFailed', 'Lists: the Deleted folder cannot receive broadcasts.');
    if (!isSystemList(ListID) && !findVisibleList(db, user, ListID)) {
      throw new SandboxError('ValidationFailed', `Lists: list ${ListID} was not found.`);
    }
    const conditions = contactConditions(user, folderOfList(ListID));
    const rows = db
      .prepare<unknown[], ContactPhonesRow>(`SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE ${conditions.where.join(' AND ')} ORDER BY c.person_id`)
      .all(...conditions.params);
    for (const row of rows) addContactRow(row);
  }

  /** Numbers looked up at once: one query per few thousand instead of one per number. */
  const LOOKUP_BATCH = 5000;
  const addPeople = (people: readonly PersonInput[]) => {
    const checked = people.map((person) =>
      [person.PrimaryPhone, ...(primaryOnly ? [] : [person.SecondaryPhone, person.TertiaryPhone])].map((phone) =>
        phone ? { phone, check: normalizePhoneNumber(phone) } : null,
      ),
    );
    const wanted = [...new Set(checked.flat().flatMap((entry) => (entry?.check.ok ? [entry.check.digits] : [])))];
    const known = new Map<string, ContactRow>();
    for (let start = 0; start < wanted.length; start += LOOKUP_BATCH) {
      for (const [phone, row] of findContactsByPhones(db, user, wanted.slice(start, start + LOOKUP_BATCH))) known.set(phone, row);
    }
    for (const [personIndex, person] of people.entries()) {
      for (const [index, entry] of checked[personIndex]!.entries()) {
        if (!entry) continue;
        const { phone, check } = entry;
        if (!check.ok) {
          // Only a bad primary number makes the contact fail; a bad extra number is skipped.
          if (index === 0) failedContacts.push(invalidRecipient(person, `${phone}: ${phoneProblemMessages[check.problem]}.`));
          skipped.Invalid += 1;
          continue;
        }
        // A number the user already has as a contact keeps that contact's do-not-call flag and text status, and
        // fills the fields the request left out (so merge fields work for people picked one by one).
        const contact = known.get(check.digits);
        add({
          phoneNumber: check.digits,
          personId: contact?.person_id ?? null,
          firstName: person.FirstName || contact?.first_name || '',
          lastName: person.LastName || contact?.last_name || '',
          notes: person.Notes || contact?.notes || '',
          integrationData: person.IntegrationData || contact?.integration_data || '',
          doNotCall: contact?.dnc_primary === 1,
          notTextable: contact?.optin_primary === 'NotTextable',
        });
      }
    }
  };
  addPeople(input.Contacts ?? []);

  for (const { FileID } of input.FileUploads ?? []) {
    try {
      requireVisibleUpload(db, user, FileID);
    } catch {
      throw new SandboxError('ValidationFailed', `FileUploads: file ${FileID} was not found.`);
    }
    // Only the rows the upload found usable (docs/decisions/0017-file-uploads.md); the rest were reported then.
    const rows = db.prepare<[string], FileUploadRow>('SELECT * FROM file_upload_rows WHERE file_id = ? AND problem IS NULL ORDER BY row_number').all(FileID);
    addPeople(rows.map(valuesOfUploadRow));
  }

  return { recipients: [...byPhone.values()], failedContacts, skipped };
}
