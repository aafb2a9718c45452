import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../../src/contract/error.ts';
import { createSandboxHarness } from '../../testing/sandbox-client.ts';
import { documentedRoutes, isUndocumentedRoute, undocumentedRoutes, type RouteTemplate } from './documented-routes.ts';

const reference = readFileSync(new URL('../../../docs/api/REFERENCE.md', import.meta.url), 'utf8');
const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
const keys = (routes: readonly RouteTemplate[]) => routes.map(key).sort();

/** The rows of REFERENCE.md's endpoint index (§19), by evidence: E (a source shows it) or I (inferred). */
function endpointIndex(evidence: 'E' | 'I'): string[] {
  const index = reference.slice(reference.indexOf('## 19. Endpoint index'), reference.indexOf('## 20.'));
  return [...index.matchAll(/^\| \d+ \| (GET|POST|PUT|DELETE) \| `([^`]+)` \| (E|I)\b/gm)]
    .filter((row) => row[3] === evidence)
    .map((row) => `${row[1]} ${row[2]}`)
    .sort();
}

/** Every route of the endpoint tables whose source column says [inferred] (one cell may name several paths). */
function inferredTableRoutes(): string[] {
  const routes: string[] = [];
  for (const row of reference.matchAll(/^\| (GET|POST|PUT|DELETE) \| ([^|]+) \|.*\| ([^|]*) \|$/gm)) {
    if (!row[3]!.includes('[inferred]')) continue;
    for (const path of row[2]!.matchAll(/`(\/v1\/[^`]+)`/g)) routes.push(`${row[1]} ${path[1]}`);
  }
  return routes.sort();
}

/** The sandbox's own v1 routes as REFERENCE.md writes paths (`:id{[0-9]+}` becomes `{id}`). */
function sandboxRoutes(): string[] {
  const { app } = createSandboxHarness({ seed: false });
  const routes = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/v1/'))
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
  return [...new Set(routes)].sort();
}

describe('the documented and undocumented routes', () => {
  it('documents exactly the routes REFERENCE.md shows a source for', () => {
    expect(endpointIndex('E')).toHaveLength(31);
    expect(keys(documentedRoutes)).toEqual(endpointIndex('E'));
  });

  it('counts every route REFERENCE.md marks [inferred] as undocumented', () => {
    const inferred = [...new Set([...endpointIndex('I'), ...inferredTableRoutes()])];
    expect(inferred.length).toBeGreaterThanOrEqual(17);
    for (const route of inferred) expect(keys(undocumentedRoutes), route).toContain(route);
  });

  it('names every route of the sandbox in one list or the other, and none in both', () => {
    const documented = new Set(keys(documentedRoutes));
    const undocumented = new Set(keys(undocumentedRoutes));
    for (const route of sandboxRoutes()) {
      expect(documented.has(route) || undocumented.has(route), `${route} is in neither list`).toBe(true);
    }
    for (const route of documented) expect(undocumented.has(route), route).toBe(false);
  });

  it('lets the more literal template win where both match', () => {
    expect(isUndocumentedRoute('GET', '/v1/conversations/single')).toBe(false);
    expect(isUndocumentedRoute('GET', '/v1/conversations/812')).toBe(true);
    expect(isUndocumentedRoute('GET', '/v1/lists/deleted')).toBe(true);
    expect(isUndocumentedRoute('GET', '/v1/lists/34')).toBe(false);
    expect(isUndocumentedRoute('GET', '/v1/lists/deleted/contacts')).toBe(false);
    expect(isUndocumentedRoute('POST', '/v1/broadcasts/preview')).toBe(true);
    expect(isUndocumentedRoute('POST', '/v1/broadcasts')).toBe(false);
    expect(isUndocumentedRoute('GET', '/v1/no-such-thing')).toBe(false);
  });
});

describe('the sandbox with documentedOnly', () => {
  const sandbox = createSandboxHarness({ documentedOnly: true });

  it('answers an undocumented route as an unknown one, and a documented route as usual', async () => {
    const client = await sandbox.as();
    for (const [method, path] of [
      ['GET', '/v1/account/usage'],
      ['GET', '/v1/account/users'],
      ['POST', '/v1/broadcasts/preview'],
      ['GET', '/v1/lists/deleted'],
    ] as const) {
      const response = await client.request(method, path, method === 'POST' ? { body: {} } : {});
      expect(response.status, path).toBe(404);
      expect(apiErrorBodySchema.parse(await response.json())).toMatchObject({ ErrorName: 'RouteNotFound', ErrorCode: 2002 });
    }
    expect((await client.request('GET', '/v1/account')).status).toBe(200);
    expect((await client.request('GET', '/v1/conversations/single?textphonenumber=1&phonenumber=2')).status).not.toBe(404);
    expect((await client.request('GET', '/v1/lists/everyone')).status).toBe(200);
  });

  it('keeps the sandbox control routes', async () => {
    const client = await sandbox.as();
    expect((await client.request('GET', '/sandbox/clock')).status).toBe(200);
  });

  // Seeded here, outside the test's time limit: the demo data takes seconds on a busy machine.
  const everyRoute = createSandboxHarness();

  it('answers every route without the setting', async () => {
    const client = await everyRoute.as();
    expect((await client.request('GET', '/v1/account/usage')).status).toBe(200);
  });
});
