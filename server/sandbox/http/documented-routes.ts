import type { MiddlewareHandler } from 'hono';
import { SandboxError } from './errors.ts';

/** A route as docs/api/REFERENCE.md writes it: a method and a path whose `{name}` segments take any value. */
export interface RouteTemplate {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
}

/** The routes a public source shows (REFERENCE.md §19, evidence "E"); documented-routes.test.ts checks the list. */
export const documentedRoutes: readonly RouteTemplate[] = [
  { method: 'POST', path: '/v1/user/login' },
  { method: 'GET', path: '/v1/account' },
  { method: 'POST', path: '/v1/account/users' },
  { method: 'PUT', path: '/v1/account/users/{id}' },
  { method: 'POST', path: '/v1/broadcasts' },
  { method: 'GET', path: '/v1/broadcasts' },
  { method: 'GET', path: '/v1/broadcasts/{id}' },
  { method: 'GET', path: '/v1/broadcasts/{id}/details' },
  { method: 'POST', path: '/v1/audio/{filename}' },
  { method: 'GET', path: '/v1/textnumbers' },
  { method: 'POST', path: '/v1/conversations' },
  { method: 'GET', path: '/v1/conversations/single' },
  { method: 'POST', path: '/v1/conversations/{id}/textmessages' },
  { method: 'GET', path: '/v1/contacts' },
  { method: 'GET', path: '/v1/contacts/{id}' },
  { method: 'POST', path: '/v1/contacts' },
  { method: 'DELETE', path: '/v1/contacts/{id}' },
  { method: 'DELETE', path: '/v1/contacts' },
  { method: 'GET', path: '/v1/lists' },
  { method: 'GET', path: '/v1/lists/{id}' },
  { method: 'GET', path: '/v1/lists/everyone' },
  { method: 'POST', path: '/v1/lists' },
  { method: 'DELETE', path: '/v1/lists/{id}' },
  { method: 'GET', path: '/v1/lists/{id}/contacts' },
  { method: 'DELETE', path: '/v1/lists/{id}/contacts/{contactId}' },
  { method: 'DELETE', path: '/v1/lists/{id}/contacts' },
  { method: 'DELETE', path: '/v1/lists/deleted/contacts' },
  { method: 'GET', path: '/v1/optouts' },
  { method: 'POST', path: '/v1/fileuploads' },
  { method: 'POST', path: '/v1/draftbroadcasts' },
  { method: 'POST', path: '/v1/singlesignon/conversations' },
];

/**
 * The sandbox's routes that no public source documents: REFERENCE.md's [inferred] routes, then our own
 * (decision 0130). `SANDBOX_DOCUMENTED_ONLY=true` answers each of them as an unknown route.
 */
export const undocumentedRoutes: readonly RouteTemplate[] = [
  // [inferred] in REFERENCE.md
  { method: 'GET', path: '/v1/account/users' },
  { method: 'GET', path: '/v1/account/users/{id}' },
  { method: 'DELETE', path: '/v1/broadcasts/{id}' },
  { method: 'GET', path: '/v1/audio' },
  { method: 'GET', path: '/v1/audio/{id}' },
  { method: 'GET', path: '/v1/textnumbers/{id}' },
  { method: 'GET', path: '/v1/conversations' },
  { method: 'GET', path: '/v1/conversations/{id}' },
  { method: 'GET', path: '/v1/conversations/{id}/textmessages' },
  { method: 'PUT', path: '/v1/conversations/{id}' },
  { method: 'PUT', path: '/v1/contacts/{id}' },
  { method: 'GET', path: '/v1/lists/unfiled' },
  { method: 'GET', path: '/v1/lists/deleted' },
  { method: 'PUT', path: '/v1/lists/{id}' },
  { method: 'POST', path: '/v1/lists/{id}/contacts' },
  { method: 'POST', path: '/v1/optouts' },
  { method: 'DELETE', path: '/v1/optouts/{phoneNumber}' },
  // Ours alone: REFERENCE.md does not list them at all.
  { method: 'GET', path: '/v1/account/usage' },
  { method: 'POST', path: '/v1/audio' },
  { method: 'PUT', path: '/v1/audio/{id}' },
  { method: 'DELETE', path: '/v1/audio/{id}' },
  { method: 'GET', path: '/v1/audio/{id}/content' },
  { method: 'POST', path: '/v1/broadcasts/preview' },
  { method: 'POST', path: '/v1/broadcasts/{id}/pause' },
  { method: 'POST', path: '/v1/broadcasts/{id}/resume' },
  { method: 'POST', path: '/v1/broadcasts/{id}/cancel' },
  { method: 'GET', path: '/v1/draftbroadcasts/{id}' },
  { method: 'POST', path: '/v1/contacts/import' },
  { method: 'GET', path: '/v1/contacts/import/{id}/problems' },
  { method: 'GET', path: '/v1/fileuploads/{id}' },
  { method: 'GET', path: '/v1/optouts/{phoneNumber}' },
  { method: 'GET', path: '/v1/optouts/{phoneNumber}/history' },
  { method: 'GET', path: '/v1/phonenumbers/{phoneNumber}/broadcasts' },
];

const segmentsOf = (path: string) => path.toLowerCase().replace(/\/+$/, '').split('/');

/** A template split once, at load: a request is matched against these, not against the templates' text. */
interface CompiledTemplate {
  method: string;
  /** Lowercased segments; null where the template has a `{name}` placeholder. */
  segments: ReadonlyArray<string | null>;
  placeholders: number;
  documented: boolean;
}

const compile = (template: RouteTemplate, documented: boolean): CompiledTemplate => {
  const segments = segmentsOf(template.path).map((segment) => (segment.startsWith('{') ? null : segment));
  return { method: template.method, segments, placeholders: segments.filter((segment) => segment === null).length, documented };
};

/** Fewest placeholders first, so the first match is the most specific. */
const compiledTemplates: readonly CompiledTemplate[] = [
  ...documentedRoutes.map((template) => compile(template, true)),
  ...undocumentedRoutes.map((template) => compile(template, false)),
].sort((a, b) => a.placeholders - b.placeholders);

function matches(template: CompiledTemplate, method: string, segments: readonly string[]): boolean {
  if (template.method !== method || template.segments.length !== segments.length) return false;
  return template.segments.every((wanted, index) => (wanted === null ? segments[index] !== '' : wanted === segments[index]));
}

/**
 * Whether a request is for a route no public source documents. Where a documented and an undocumented template
 * both match, the one with fewer placeholders wins: `/v1/conversations/single` is documented although
 * `/v1/conversations/{id}` is not, and `/v1/lists/deleted` is not although `/v1/lists/{id}` is.
 */
export function isUndocumentedRoute(method: string, path: string): boolean {
  const segments = segmentsOf(path);
  const upperMethod = method.toUpperCase();
  const best = compiledTemplates.find((template) => matches(template, upperMethod, segments));
  return best !== undefined && !best.documented;
}

/** The answer to a route the sandbox does not have. */
export const routeNotFound = (method: string, path: string) => new SandboxError('RouteNotFound', `There is no ${method} ${path} in the v1 API.`);

/** Answers an undocumented route exactly as the sandbox answers a route it does not have (decision 0130). */
export const refuseUndocumentedRoutes: MiddlewareHandler = async (c, next) => {
  if (isUndocumentedRoute(c.req.method, c.req.path)) throw routeNotFound(c.req.method, c.req.path);
  await next();
};
