import type { z } from '@contract/zod.ts';
import { ApiError } from './api-error.ts';
import { noteFailedAnswer } from './route-availability.ts';

/** Our server's API root: the SPA only ever talks to its own origin. */
export const API_BASE = '/api';

export interface RequestOptions<Schema extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON-serialisable body, a raw one (a File or string) sent with `contentType`, or FormData (multipart). */
  body?: unknown;
  contentType?: string;
  /** The response is parsed with this schema: a reply that breaks the contract fails loudly. */
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
export async function apiRequest<Schema extends z.ZodType>(
  path: string,
  { method = 'GET', body, contentType, schema, signal, headers = {} }: RequestOptions<Schema>,
): Promise<z.infer<Schema>> {
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
    throw new ApiError('The server answered with something that is not JSON.', { status: response.status, errorName: 'InvalidResponse' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiError('The server answered in a form this app does not understand.', {
      status: response.status,
      errorName: 'InvalidResponse',
    });
  }
  return parsed.data;
}
