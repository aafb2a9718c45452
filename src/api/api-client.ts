import { readAnswer, type Answer } from '@contract/answer.ts';
import type { z } from '@contract/zod.ts';
import { reportOddFields } from './answer-mismatches.ts';
import { ApiError } from './api-error.ts';
import { noteFailedAnswer } from './route-availability.ts';

/** Our server's API root: the SPA only ever talks to its own origin. */
export const API_BASE = '/api';

export interface RequestOptions<Schema extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON-serialisable body, a raw one (a File or string) sent with `contentType`, or FormData (multipart). */
  body?: unknown;
  contentType?: string;
  /** The answer is read with this schema's lenient form (answerSchemaOf); one it cannot read at all fails loudly. */
  schema: Schema;
  signal?: AbortSignal;
  /** Extra headers, e.g. an idempotency key. */
  headers?: Record<string, string>;
}

function isRawBody(body: unknown): body is Blob | string | ArrayBuffer {
  return body instanceof Blob || typeof body === 'string' || body instanceof ArrayBuffer;
}

/**
 * The one fetch wrapper: JSON in and out, the CSRF header on writes, the caller's AbortSignal, and an
 * `ApiError` for every failure. It shows nothing and redirects nowhere; callers and the query cache decide.
 */
export function apiRequest<Schema extends z.ZodType>(path: string, options: RequestOptions<Schema>): Promise<Answer<z.output<Schema>>> {
  return send(path, options, null);
}

/**
 * A create the service accepted (2xx) but answered in a form we cannot read. It happened: the app shows it as
 * created (with its ID when the answer or the Location header gives one) and never offers to send it again.
 */
export interface CreatedUnread {
  readonly createdUnread: true;
  readonly id: number | null;
}

export const isCreatedUnread = (value: unknown): value is CreatedUnread =>
  typeof value === 'object' && value !== null && (value as Partial<CreatedUnread>).createdUnread === true;

/** Every create goes through here (decision 92): once the service says 2xx, the create is done whatever the body. */
export function apiCreate<Schema extends z.ZodType>(
  path: string,
  options: Omit<RequestOptions<Schema>, 'method'>,
): Promise<Answer<z.output<Schema>> | CreatedUnread> {
  return send<Schema, CreatedUnread>(path, { ...options, method: 'POST' }, (json, response) => ({
    createdUnread: true,
    id: createdIdOf(json, response.headers.get('location')),
  }));
}

/** The new thing's ID: a top-level `…ID` field holding a whole number (or its digits), else the Location's last number. */
function createdIdOf(json: unknown, location: string | null): number | null {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    for (const [key, value] of Object.entries(json)) {
      if (!key.endsWith('ID')) continue;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
      if (typeof value === 'string' && /^\d{1,15}$/.test(value) && Number(value) > 0) return Number(value);
    }
  }
  const match = location === null ? null : /\/(\d{1,15})\/?$/.exec(location);
  return match ? Number(match[1]) : null;
}

async function send<Schema extends z.ZodType, Unreadable = never>(
  path: string,
  { method = 'GET', body, contentType, schema, signal, headers = {} }: RequestOptions<Schema>,
  onUnreadable: ((json: unknown, response: Response) => Unreadable) | null,
): Promise<Answer<z.output<Schema>> | Unreadable> {
  const requestHeaders: Record<string, string> = { accept: 'application/json', ...headers };
  if (method !== 'GET') requestHeaders['x-requested-with'] = 'callboard';
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    if (body instanceof FormData) {
      // The browser writes the multipart Content-Type itself, with the boundary it chose.
      payload = body;
    } else if (isRawBody(body)) {
      payload = body;
      requestHeaders['content-type'] = contentType ?? 'application/octet-stream';
    } else {
      payload = JSON.stringify(body);
      requestHeaders['content-type'] = 'application/json';
    }
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers: requestHeaders,
      body: payload,
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Cannot reach the server. Check your connection.', { status: 0, errorName: 'NetworkError' });
  }
  // A route the API lacks comes back as a RouteNotOfferedError, and the page learns it (route-availability.ts).
  if (!response.ok) throw noteFailedAnswer(method, path, await ApiError.fromResponse(response));

  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    if (onUnreadable) return onUnreadable(undefined, response);
    throw new ApiError('The server answered with something that is not JSON.', { status: response.status, errorName: 'InvalidResponse' });
  }
  // Answers are read leniently (decision 90): a value that does not fit is shown as missing and reported once.
  const reading = readAnswer(schema, json);
  if (!reading.ok) {
    console.error(`Unexpected response from ${method} ${path}`, reading.issues);
    if (onUnreadable) return onUnreadable(json, response);
    throw new ApiError('The server answered in a form this app does not understand.', {
      status: response.status,
      errorName: 'InvalidResponse',
    });
  }
  if (reading.oddFields.length > 0) reportOddFields(method, path, reading.oddFields);
  return reading.data;
}
