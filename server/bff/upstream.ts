import { authorizationHeader } from '../oauth1/oauth1.ts';

/** The token the official clients sign login with: the API accepts any token there. */
export const LOGIN_TOKEN = '00000000-0000-0000-0000-000000000000';

export interface UpstreamRequest {
  method: string;
  /** Path and query under the API root, starting with /v1/. */
  path: string;
  token: string;
  body?: ArrayBuffer | string | null;
  contentType?: string | null;
  signal?: AbortSignal;
}

/** Signs every request with OAuth 1.0a (AppKey, SecretKey, the user's AuthToken) and sends it upstream. */
export function createUpstream(options: { baseUrl: string; appKey: string; secretKey: string }) {
  const base = new URL(options.baseUrl);

  return {
    origin: base.origin,

    /** The absolute URL for an API path, or null if it would leave the configured host. */
    resolve(path: string): URL | null {
      if (!path.startsWith('/v1/') && path !== '/v1') return null;
      const url = new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base);
      return url.origin === base.origin ? url : null;
    },

    async send(request: UpstreamRequest, url: URL): Promise<Response> {
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: authorizationHeader(
          { method: request.method, url: url.toString() },
          { consumerKey: options.appKey, consumerSecret: options.secretKey, token: request.token },
        ),
      };
      const hasBody = request.body !== undefined && request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
      if (hasBody) headers['content-type'] = request.contentType ?? 'application/json';
      else if (request.method !== 'GET' && request.method !== 'HEAD') headers['content-length'] = '0';
      return fetch(url, {
        method: request.method,
        headers,
        body: hasBody ? request.body : undefined,
        redirect: 'manual',
        signal: request.signal,
      });
    },
  };
}
export type Upstream = ReturnType<typeof createUpstream>;
