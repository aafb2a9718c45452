import { isApiError } from './api-error.ts';

export interface FieldErrors {
  /** Messages by field path (`UserName`, `Permissions.CanSeeAllAudio`), for the fields of the form that sent them. */
  fields: Record<string, string>;
  /** What belongs to no field of the form: shown above it. */
  message: string | null;
}

/** Which field an error that names none belongs to. */
const fieldOfError: Record<string, string> = { DuplicateUserName: 'UserName', DuplicateContact: 'PrimaryPhone' };

/**
 * Splits an API error into messages for a form's fields: the one helper every form uses. Validation errors list their
 * fields as `Field: message; Other.Field: message` (server/sandbox/http/json-body.ts); an item of a list field
 * (`Lists.0: …`) is the list field's. A few errors name their field by their kind; `fieldOfKind` adds a form's own.
 */
export function fieldErrorsOf(error: unknown, formFields: readonly string[], fieldOfKind: Record<string, string> = {}): FieldErrors {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  if (!isApiError(error)) return { fields: {}, message };
  const named = error.errorName ? (fieldOfKind[error.errorName] ?? fieldOfError[error.errorName]) : undefined;
  if (named && formFields.includes(named)) return { fields: { [named]: message }, message: null };
  if (error.errorName !== 'ValidationFailed') return { fields: {}, message };

  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part);
    const segments = match?.[1]?.split('.') ?? [];
    const item = segments.findIndex((segment) => /^\d+$/.test(segment));
    const field = (item === -1 ? segments : segments.slice(0, item)).join('.');
    if (match && segments[0] && formFields.includes(segments[0])) fields[field] ??= match[2]!;
    else rest.push(part);
  }
  return { fields, message: rest.length > 0 ? rest.join('; ') : null };
}
