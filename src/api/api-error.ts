import { apiErrorBodySchema } from '@contract/error.ts';

/** A failed API call: the HTTP status and, when the server sent one, the documented error body's fields. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly errorCode: number | null;
  readonly errorName: string | null;
  /** Seconds to wait before retrying, from `Retry-After`. */
  readonly retryAfter: number | null;

  constructor(message: string, options: { status: number; errorCode?: number | null; errorName?: string | null; retryAfter?: number | null }) {
    super(message);
    this.status = options.status;
    this.errorCode = options.errorCode ?? null;
    this.errorName = options.errorName ?? null;
    this.retryAfter = options.retryAfter ?? null;
  }

  /** The server could not be reached at all (offline, server down). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** Nothing could answer: our server is unreachable, or it cannot reach the API (502, 503, 504). */
  get isUnavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const retryAfterHeader = response.headers.get('retry-after');
    const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON (a proxy's HTML error page, say): fall back to the status text.
    }
    const parsed = apiErrorBodySchema.safeParse(body);
    if (parsed.success) {
      return new ApiError(parsed.data.Message, {
        status: response.status,
        errorCode: parsed.data.ErrorCode,
        errorName: parsed.data.ErrorName,
        retryAfter,
      });
    }
    return new ApiError(defaultMessage(response.status), { status: response.status, retryAfter });
  }
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return `The server had a problem (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
