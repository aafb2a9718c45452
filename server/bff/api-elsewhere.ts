import type { Context } from 'hono';
import { errorResponse } from './errors.ts';

/**
 * `/v1/...` sent to the dashboard (a client pointed at the wrong port): a 404 in the API's error body that says
 * where the API is, rather than the app's HTML page. The dashboard itself calls it under /api/v1 (decision 102).
 */
export function apiIsElsewhere(options: { apiUrl: string; sandbox: boolean }) {
  const message = options.sandbox
    ? `This is the Callboard dashboard, not the API. Call the sandbox's v1 API at ${options.apiUrl}/v1/…, signed with ` +
      'OAuth 1.0a (README: "Calling the sandbox from your own code"; `npm run sandbox` runs it alone).'
    : `This is the Callboard dashboard, not the API. Call the Call-Em-All API directly at ${options.apiUrl}/v1/….`;
  return (c: Context) => errorResponse(c, 'NotFound', message);
}
