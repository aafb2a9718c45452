import type { Feed } from '../../../src/contract/feed.ts';
import type { TextNumber } from '../../../src/contract/text-number.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { escapeLike, queryFeed, type ListQuery, type ListSpec } from '../http/list-query.ts';

/** Text numbers (docs/decisions/0034-text-numbers.md): every user of the account may text from each of them. */

export interface TextNumberRow {
  text_number_id: number;
  text_phone_number: string;
  name: string;
  description: string;
  is_default: number;
}

const TEXT_NUMBER_SELECT = 'tn.text_number_id, tn.text_phone_number, tn.name, tn.description, tn.is_default';

export const toApiTextNumber = (row: TextNumberRow): TextNumber => ({
  TextNumberID: row.text_number_id,
  TextPhoneNumber: row.text_phone_number,
  Name: row.name,
  Description: row.description,
  IsDefault: row.is_default === 1,
});

export const textNumberFeedSpec: ListSpec = {
  fields: {
    TextNumberID: { sql: 'tn.text_number_id', type: 'integer' },
    TextPhoneNumber: { sql: 'tn.text_phone_number', type: 'string' },
    Name: { sql: 'tn.name', type: 'string' },
    Description: { sql: 'tn.description', type: 'string' },
    IsDefault: { sql: 'tn.is_default', type: 'boolean' },
  },
  // The default number first, as a picker wants it.
  defaultSort: 'tn.is_default DESC, tn.name COLLATE NOCASE',
  tieBreaker: 'tn.text_number_id',
  search: (term) => ({
    sql: "(tn.name LIKE ? ESCAPE '\\' OR tn.text_phone_number LIKE ?)",
    params: [`%${escapeLike(term)}%`, `%${term.replace(/\D/g, '') || term}%`],
  }),
};

/** One page of the account's text numbers. */
export function queryTextNumberFeed(db: SandboxDatabase, user: AuthUser, url: URL, query: ListQuery): Feed<TextNumber> {
  const source = { from: 'text_numbers tn', where: ['tn.account_id = ?'], params: [user.accountId], select: TEXT_NUMBER_SELECT };
  return queryFeed(db, url, source, query, toApiTextNumber);
}

/** Lookups of an account's text numbers, prepared once per database. */
export function textNumberQueries(db: SandboxDatabase) {
  const byId = db.prepare<[number, number], TextNumberRow>(
    `SELECT ${TEXT_NUMBER_SELECT} FROM text_numbers tn WHERE tn.text_number_id = ? AND tn.account_id = ?`,
  );
  const byPhone = db.prepare<[number, string], { text_number_id: number }>(
    'SELECT text_number_id FROM text_numbers WHERE account_id = ? AND substr(text_phone_number, -10) = ?',
  );
  return {
    byId: (accountId: number, textNumberId: number): TextNumberRow | undefined => byId.get(textNumberId, accountId),
    /** The ID of the account's text number with these ten digits (text numbers are kept with their leading 1). */
    idByPhone: (accountId: number, tenDigits: string): number | undefined => byPhone.get(accountId, tenDigits)?.text_number_id,
  };
}
