import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-body.ts';
import { MAX_UNINDEXED_PAGE_DEPTH } from './list-query.ts';

describe('the sandbox bounds its own costly requests', () => {
  const sandbox = createSandboxHarness();

  it('refuses a page deeper than 10,000 rows in an order no index serves, with the documented 400', async () => {
    const master = await sandbox.as();
    const deepPage = MAX_UNINDEXED_PAGE_DEPTH / 50 + 1;
    const refused = await master.request('GET', `/v1/contacts?sortby=Notes&pagesize=50&page=${deepPage}`);
    expect(refused.status).toBe(400);
    const body = apiErrorBodySchema.parse(await refused.json());
    expect(body).toMatchObject({ ErrorName: 'InvalidQueryParameter', ErrorCode: 2103 });
    expect(body.Message).toContain('Notes');
    // Shallower pages, indexed orders and the default order go as deep as asked.
    expect((await master.request('GET', `/v1/contacts?sortby=Notes&pagesize=50&page=${deepPage - 1}`)).status).toBe(200);
    for (const sort of ['-LastUpdated', 'LastName', 'PersonID', '']) {
      expect((await master.request('GET', `/v1/contacts?sortby=${sort}&pagesize=50&page=${deepPage}`.replace('sortby=&', ''))).status).toBe(200);
    }
    expect((await master.request('GET', '/v1/contacts?pagesize=1001')).status).toBe(400);
  });

  it('refuses JSON nested deeper than 32 levels before parsing it, with the documented 400', async () => {
    const master = await sandbox.as();
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const response = await master.request('POST', '/v1/contacts', { rawBody: deep, contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json())).toMatchObject({ ErrorName: 'InvalidJson' });
  });

  it('counts nesting outside strings only', () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`, MAX_JSON_DEPTH)).toBe(false);
    // A string that ends in an escaped backslash ends at its quote: the brackets after it count.
    expect(nestsDeeperThan(`["a\\\\",${'['.repeat(MAX_JSON_DEPTH)}]`, MAX_JSON_DEPTH)).toBe(true);
  });
});
