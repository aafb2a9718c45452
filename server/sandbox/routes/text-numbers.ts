import { Hono } from 'hono';
import type { TextNumber } from '../../../src/contract/text-number.ts';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { parseListQuery, queryFeed, type ListSpec } from '../http/list-query.ts';

interface TextNumberRow {
  text_number_id: number;
  text_phone_number: string;
  name: string;
  description: string;
  is_default: number;
}

const toApiTextNumber = (row: TextNumberRow): TextNumber => ({
  TextNumberID: row.text_number_id,
  TextPhoneNumber: row.text_phone_number,
  Name: row.name,
  Description: row.description,
  IsDefault: row.is_default === 1,
});

const textNumberList: ListSpec = {
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
    params: [`%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`, `%${term.replace(/\D/g, '') || term}%`],
  }),
};

const SELECT = 'tn.text_number_id, tn.text_phone_number, tn.name, tn.description, tn.is_default';

/** Text numbers (§9; docs/decisions/0034-text-numbers.md): every user of the account may text from each of them. */
export function textNumberRoutes({ db }: SandboxDeps) {
  const byId = db.prepare<[number, number], TextNumberRow>(`SELECT ${SELECT} FROM text_numbers tn WHERE tn.text_number_id = ? AND tn.account_id = ?`);

  return new Hono<SandboxEnv>()
    .get('/textnumbers', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, textNumberList, user.timeZone);
      const source = { from: 'text_numbers tn', where: ['tn.account_id = ?'], params: [user.accountId], select: SELECT };
      return c.json(queryFeed(db, url, source, query, toApiTextNumber));
    })
    .get('/textnumbers/:id{-?[0-9]+}', (c) => {
      const id = Number(c.req.param('id'));
      const row = byId.get(id, c.get('user').accountId);
      if (!row) throw notFound('Text number', id);
      return c.json(toApiTextNumber(row));
    });
}
