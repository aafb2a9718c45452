import { authorizationHeader } from '../../oauth1/oauth1.ts';
import type { FuzzBody } from './endpoints.ts';

export const FUZZ_APP_KEY = 'fuzz-app-key';
export const FUZZ_SECRET_KEY = 'fuzz-secret-key';
const LOGIN_TOKEN = '00000000-0000-0000-0000-000000000000';

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
  ms: number;
}

/** One request to a sandbox over HTTP, signed as our server signs them, given up after `timeoutMs` (a hang). */
export async function signedFetch(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  { token, body, timeoutMs }: { token?: string; body?: FuzzBody | null; timeoutMs: number },
): Promise<Answer> {
  // Sign the URL as the sandbox will see it (WHATWG-normalised), or the signature would not match.
  const url = new URL(`${baseUrl}${pathAndQuery}`).toString();
  const headers: Record<string, string> = {
    authorization: authorizationHeader({ method, url }, { consumerKey: FUZZ_APP_KEY, consumerSecret: FUZZ_SECRET_KEY, token: token ?? LOGIN_TOKEN }),
  };
  let payload: string | Buffer | undefined;
  if (body && method !== 'GET') {
    if (body.kind === 'json') {
      payload = JSON.stringify(body.value) ?? '';
      headers['content-type'] = 'application/json';
    } else {
      payload = body.text;
      if (body.contentType !== null) headers['content-type'] = body.contentType;
    }
  }
  const started = performance.now();
  const response = await fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: bytes, ms: performance.now() - started };
}

export async function logIn(baseUrl: string, credentials: { UserName: string; PinCode: string }): Promise<string> {
  const answer = await signedFetch(baseUrl, 'POST', '/v1/user/login', { body: { kind: 'json', value: credentials }, timeoutMs: 30_000 });
  if (answer.status !== 200) throw new Error(`Login failed: ${answer.status} ${answer.body.toString()}`);
  return (JSON.parse(answer.body.toString()) as { AuthToken: string }).AuthToken;
}
