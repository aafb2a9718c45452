import { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { parseListQuery } from '../http/list-query.ts';
import { queryTextNumberFeed, textNumberFeedSpec, textNumberQueries, toApiTextNumber } from '../model/text-numbers.ts';

/** Text numbers (§9; docs/decisions/0034-text-numbers.md): every user of the account may text from each of them. */
export function textNumberRoutes({ db }: SandboxDeps) {
  const textNumbers = textNumberQueries(db);

  return new Hono<SandboxEnv>()
    .get('/textnumbers', (c) => {
      const user = c.get('user');
      const url = new URL(c.req.url);
      const query = parseListQuery(url, textNumberFeedSpec, user.timeZone);
      return c.json(queryTextNumberFeed(db, user, url, query));
    })
    .get('/textnumbers/:id{-?[0-9]+}', (c) => {
      const id = Number(c.req.param('id'));
      const row = textNumbers.byId(c.get('user').accountId, id);
      if (!row) throw notFound('Text number', id);
      return c.json(toApiTextNumber(row));
    });
}
