import { isApiError } from './api-error.ts';

export interface FieldErrors {
  /** Messages by field path (`UserName`, `Permissions.CanSeeAllAudio`), for the fields of the form that sent them. */
  fields: Record<string, string>;
  /** What belongs to no field of the form: shown above it. */
  message: string | null;
}

/** Which field an error that names none belongs to. */
const fieldOfError: Record<string, string> = { DuplicateUserName: 'UserName' };

/**
 * Splits an API error into messages for a form's fields. Validation errors list their fields as
 * `Field: message; Other.Field: message` (server/sandbox/http/json-body.ts); a few errors name one by their kind.
 */
export function fieldErrorsOf(error: unknown, formFields: readonly string[]): FieldErrors {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  if (!isApiError(error)) return { fields: {}, message };
  const named = error.errorName ? fieldOfError[error.errorName] : undefined;
  if (named && formFields.includes(named)) return { fields: { [named]: message }, message: null };
  if (error.errorName !== 'ValidationFailed') return { fields: {}, message };

  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part);
    const root = match?.[1]?.split('.')[0];
    if (match && root && formFields.includes(root)) fields[match[1]!] ??= match[2]!;
    else rest.push(part);
  }
  return { fields, message: rest.length > 0 ? rest.join('; ') : null };
}
