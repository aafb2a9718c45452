import type { ApiErrorBody } from '../../../src/contract/error.ts';

/**
 * The sandbox's error catalogue (docs/decisions/0003-error-catalogue.md). Only 3005 is documented by the
 * vendor; the rest are ours, grouped by thousands: 1xxx authentication, 2xxx requests, 3xxx broadcasts.
 */
export const errors = {
  MissingAuthorization: { status: 401, code: 1001, type: 'Authentication' },
  UnsupportedSignatureMethod: { status: 401, code: 1002, type: 'Authentication' },
  UnknownAppKey: { status: 401, code: 1003, type: 'Authentication' },
  TimestampOutOfRange: { status: 401, code: 1004, type: 'Authentication' },
  InvalidSignature: { status: 401, code: 1005, type: 'Authentication' },
  NonceReused: { status: 401, code: 1006, type: 'Authentication' },
  InvalidAuthToken: { status: 401, code: 1007, type: 'Authentication' },
  InvalidCredentials: { status: 401, code: 1008, type: 'Authentication' },
  PermissionDenied: { status: 403, code: 1101, type: 'Authorization' },
  ResourceNotFound: { status: 404, code: 2001, type: 'NotFound' },
  RouteNotFound: { status: 404, code: 2002, type: 'NotFound' },
  MethodNotAllowed: { status: 405, code: 2003, type: 'NotFound' },
  InvalidJson: { status: 400, code: 2101, type: 'Validation' },
  ValidationFailed: { status: 400, code: 2102, type: 'Validation' },
  InvalidQueryParameter: { status: 400, code: 2103, type: 'Validation' },
  PayloadTooLarge: { status: 413, code: 2104, type: 'Validation' },
  UnsupportedMediaType: { status: 415, code: 2105, type: 'Validation' },
  HeadersTooLarge: { status: 431, code: 2107, type: 'Validation' },
  MalformedRequest: { status: 400, code: 2108, type: 'Validation' },
  Conflict: { status: 409, code: 2201, type: 'Conflict' },
  DuplicateUserName: { status: 409, code: 2202, type: 'Conflict' },
  DuplicateContact: { status: 409, code: 2203, type: 'Conflict' },
  InvalidStateTransition: { status: 409, code: 2204, type: 'Conflict' },
  TooManyRequests: { status: 429, code: 2301, type: 'RateLimit' },
  NoValidBroadcastContacts: { status: 400, code: 3005, type: 'Informational' },
  InsufficientCredits: { status: 400, code: 3006, type: 'Informational' },
  RecipientOptedOut: { status: 400, code: 3007, type: 'Informational' },
  InternalError: { status: 500, code: 9001, type: 'Server' },
} as const satisfies Record<string, { status: number; code: number; type: string }>;

export type ErrorName = keyof typeof errors;

/** Thrown anywhere in a handler; the app turns it into the documented error body. */
export class SandboxError extends Error {
  readonly errorName: ErrorName;

  constructor(errorName: ErrorName, message: string) {
    super(message);
    this.name = 'SandboxError';
    this.errorName = errorName;
  }

  get status(): number {
    return errors[this.errorName].status;
  }

  toBody(): ApiErrorBody {
    const { code, type } = errors[this.errorName];
    return { ErrorCode: code, ErrorName: this.errorName, ErrorType: type, Message: this.message };
  }
}

export const notFound = (what: string, id: string | number) => new SandboxError('ResourceNotFound', `${what} ${id} was not found.`);
