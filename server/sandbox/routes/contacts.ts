import { Hono } from 'hono';
import { contactImportInputSchema } from '../../../src/contract/contact-import.ts';
import { contactInputSchema, contactUpdateInputSchema, type ContactInput } from '../../../src/contract/contact.ts';
import { checkContactPhones, type ContactPhoneField } from '../../../src/contract/contact-phones.ts';
import type { ListRefInput } from '../../../src/contract/list.ts';
import type { AuthUser, SandboxDeps, SandboxEnv } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { readBody, readJsonBody } from '../http/json-body.ts';
import { parseListQuery, type ListSpec } from '../http/list-query.ts';
import { moveToDeletedFolder, purgeContacts, resolveBatchTargets, type BatchTarget } from '../model/contact-batches.ts';
import { importContacts } from '../model/contact-import.ts';
import { MAX_UPLOAD_ROWS, requireVisibleUploadName } from '../model/file-uploads.ts';
import { attachmentDisposition, importProblemsCsv, rejectsFileName } from '../model/import-problems.ts';
import { contactFeedSpec, contactQueries, phoneSlots, queryContactFeed, requireVisibleContact, toApiContacts, type ContactRow } from '../model/contacts.ts';
import { findVisibleList, isSystemList } from '../model/lists.ts';

/** DELETE /v1/contacts reads the contact filters, to narrow "all", and the Deleted-folder option. */
const bulkDeleteSpec: ListSpec = { ...contactFeedSpec, extraParams: ['movetodeleted'] };

/** `FirstRowNumber=0` numbers the rejects from 0 (the uploader added the header line); it is 1 by default. */
function readFirstRowNumber(search: URLSearchParams): number {
  let firstRowNumber = 1;
  for (const [name, value] of search) {
    if (name.toLowerCase() !== 'firstrownumber') {
      throw new SandboxError('InvalidQueryParameter', `Unknown parameter ${name}. This route takes FirstRowNumber only.`);
    }
    if (!/^\d{1,7}$/.test(value.trim()) || Number(value) > MAX_UPLOAD_ROWS) {
      throw new SandboxError('InvalidQueryParameter', `FirstRowNumber must be a whole number from 0 to ${MAX_UPLOAD_ROWS}.`);
    }
    firstRowNumber = Number(value);
  }
  return firstRowNumber;
}

/** `MoveToDeleted=true` moves contacts to the Deleted folder instead of deleting them (decision 0012). */
function readMoveToDeleted(value: string | undefined): boolean {
  const lower = (value ?? '').trim().toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0' || lower === '') return false;
  throw new SandboxError('InvalidQueryParameter', 'MoveToDeleted must be true or false.');
}

/** The body's phones normalised to 10 digits; any that is not a valid US number is refused with 400. */
function validPhones(input: Partial<Record<ContactPhoneField, string>>): Partial<Record<ContactPhoneField, string>> {
  const { digits, issues } = checkContactPhones(input);
  if (issues.length > 0) {
    throw new SandboxError('ValidationFailed', issues.map((issue) => `${issue.path[0]}: ${issue.message}`).join('; '));
  }
  return digits;
}

/** User lists named in `Lists` (Everyone is implied and skipped); each must be one the user can see. */
function listsToJoin(db: SandboxDatabase, user: AuthUser, refs: readonly ListRefInput[]): number[] {
  const ids = [...new Set(refs.map((ref) => ref.ListID))].filter((listId) => listId !== 0);
  for (const listId of ids) {
    if (isSystemList(listId)) {
      throw new SandboxError('ValidationFailed', 'Lists: contacts join Unfiled and Deleted by themselves; name lists of yours.');
    }
    if (!findVisibleList(db, user, listId)) throw new SandboxError('ResourceNotFound', `List ${listId} was not found.`);
  }
  return ids;
}

const doNotCallFields = ['DoNotCallPrimaryPhone', 'DoNotCallSecondaryPhone', 'DoNotCallTertiaryPhone'] as const;
const phoneFields = ['PrimaryPhone', 'SecondaryPhone', 'TertiaryPhone'] as const;

/**
 * A contact's numbers after an update, each with its do-not-call flag and text opt-in status. Both belong to the
 * number (decision 0016): a number that moves to another slot takes them along; a new number starts clear.
 */
function nextPhoneSlots(row: ContactRow, digits: Partial<Record<ContactPhoneField, string>>, input: Partial<ContactInput>) {
  const before = new Map(
    phoneSlots.filter((slot) => row[slot.phone] !== '').map((slot) => [row[slot.phone], { dnc: row[slot.dnc], optIn: row[slot.optIn] }] as const),
  );
  const next = phoneSlots.map((slot, index) => {
    const phone = digits[phoneFields[index]!] ?? row[slot.phone];
    const carried = phone === '' ? undefined : before.get(phone);
    const requested = input[doNotCallFields[index]!];
    return {
      phone,
      dnc: phone !== '' && requested !== undefined ? (requested ? 1 : 0) : (carried?.dnc ?? 0),
      optIn: carried?.optIn ?? 'Unknown',
    };
  });
  const seen = new Map<string, string>();
  next.forEach(({ phone }, index) => {
    if (phone === '') return;
    const earlier = seen.get(phone);
    if (earlier) throw new SandboxError('ValidationFailed', `${phoneFields[index]}: Same number as ${earlier}`);
    seen.set(phone, phoneFields[index]!);
  });
  if (next[0]!.phone === '') throw new SandboxError('ValidationFailed', 'PrimaryPhone: Enter the primary phone number');
  return next;
}

/** Contacts (REFERENCE.md §15) and the import of uploaded files into them. */
export function contactRoutes({ db, clock }: SandboxDeps) {
  const contacts = contactQueries(db);

  const contactReply = (user: AuthUser, personId: number) => toApiContacts(db, user, [requireVisibleContact(db, user, personId)])[0];

  return (
    new Hono<SandboxEnv>()
      .get('/contacts', (c) => {
        const user = c.get('user');
        const url = new URL(c.req.url);
        return c.json(queryContactFeed(db, user, url, parseListQuery(url, contactFeedSpec, user.timeZone), { kind: 'active' }));
      })
      .post('/contacts/import', async (c) => {
        const user = c.get('user');
        const input = await readBody(c, contactImportInputSchema);
        const result = await importContacts(db, user, {
          fileId: input.FileID,
          listId: input.ListID,
          dryRun: input.DryRun ?? false,
          keepExisting: input.KeepExistingValues,
          now: () => clock.now(),
        });
        return c.json(result);
      })
      // Ours: every rejected row of an upload as CSV; the import's answer lists the first ones only (decision 0073).
      .get('/contacts/import/:id/problems', (c) => {
        const upload = requireVisibleUploadName(db, c.get('user'), c.req.param('id'));
        const firstRowNumber = readFirstRowNumber(new URL(c.req.url).searchParams);
        return c.body(importProblemsCsv(db, upload.file_id, firstRowNumber), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachmentDisposition(rejectsFileName(upload.file_name)),
        });
      })
      .get('/contacts/:id{[0-9]+}', (c) => {
        const user = c.get('user');
        return c.json(contactReply(user, Number(c.req.param('id'))));
      })
      .post('/contacts', async (c) => {
        const user = c.get('user');
        const input = await readBody(c, contactInputSchema);
        const phones = validPhones(input);
        const listIds = listsToJoin(db, user, input.Lists ?? []);
        const personId = contacts.create(
          user,
          {
            account_id: user.accountId,
            owner_user_id: user.userId,
            first_name: input.FirstName ?? '',
            last_name: input.LastName ?? '',
            primary_phone: phones.PrimaryPhone!,
            secondary_phone: phones.SecondaryPhone ?? '',
            tertiary_phone: phones.TertiaryPhone ?? '',
            notes: input.Notes ?? '',
            integration_data: input.IntegrationData ?? '',
            dnc_primary: input.DoNotCallPrimaryPhone ? 1 : 0,
            dnc_secondary: input.DoNotCallSecondaryPhone && phones.SecondaryPhone ? 1 : 0,
            dnc_tertiary: input.DoNotCallTertiaryPhone && phones.TertiaryPhone ? 1 : 0,
          },
          listIds,
          clock.now(),
        );
        return c.json(contactReply(user, personId));
      })
      .put('/contacts/:id{[0-9]+}', async (c) => {
        const user = c.get('user');
        const personId = Number(c.req.param('id'));
        const input = await readBody(c, contactUpdateInputSchema);
        const row = requireVisibleContact(db, user, personId);
        if (row.deleted_at !== null) {
          throw new SandboxError('Conflict', `Contact ${personId} is in the Deleted folder; restore it before editing it.`);
        }
        const slots = nextPhoneSlots(row, validPhones(input), input);
        const listIds = input.Lists === undefined ? undefined : listsToJoin(db, user, input.Lists);
        const next = {
          first_name: input.FirstName ?? row.first_name,
          last_name: input.LastName ?? row.last_name,
          notes: input.Notes ?? row.notes,
          integration_data: input.IntegrationData ?? row.integration_data,
          ...Object.fromEntries(
            phoneSlots.flatMap((slot, index) => [
              [slot.phone, slots[index]!.phone],
              [slot.dnc, slots[index]!.dnc],
              [slot.optIn, slots[index]!.optIn],
            ]),
          ),
        } as Partial<ContactRow>;
        contacts.update(user, row, next, listIds, clock.now());
        return c.json(contactReply(user, personId));
      })
      .delete('/contacts/:id{[0-9]+}', (c) => {
        const user = c.get('user');
        const url = new URL(c.req.url);
        let moveToDeleted = false;
        for (const [name, value] of url.searchParams) {
          if (name.toLowerCase() !== 'movetodeleted') {
            throw new SandboxError('InvalidQueryParameter', `Unknown parameter ${name}. This route takes MoveToDeleted=true only.`);
          }
          moveToDeleted = readMoveToDeleted(value);
        }
        const row = requireVisibleContact(db, user, Number(c.req.param('id')));
        const target: BatchTarget = { person_id: row.person_id, deleted: row.deleted_at === null ? 0 : 1, primary_phone: row.primary_phone };
        return c.json(moveToDeleted ? moveToDeletedFolder(db, [target], clock.now()) : purgeContacts(db, [target]));
      })
      .delete('/contacts', async (c) => {
        const user = c.get('user');
        const url = new URL(c.req.url);
        const query = parseListQuery(url, bulkDeleteSpec, user.timeZone);
        const moveToDeleted = readMoveToDeleted(query.extras.get('movetodeleted'));
        const targets = resolveBatchTargets(db, user, await readJsonBody(c), { kind: 'active' }, query);
        return c.json(moveToDeleted ? moveToDeletedFolder(db, targets, clock.now()) : purgeContacts(db, targets));
      })
  );
}
