import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { fieldErrorsOf } from './field-errors.ts';

const apiError = (errorName: string, message: string, status = 400) => new ApiError(message, { status, errorName });

describe('fieldErrorsOf', () => {
  it('puts each validation message on its field', () => {
    const error = apiError('ValidationFailed', 'CallerID: Not a valid US phone number; StopTimeOfDay: The calling window must end after it starts');
    expect(fieldErrorsOf(error, ['CallerID', 'StopTimeOfDay'])).toEqual({
      fields: { CallerID: 'Not a valid US phone number', StopTimeOfDay: 'The calling window must end after it starts' },
      message: null,
    });
  });

  it('keeps messages for fields the form does not have', () => {
    const error = apiError('ValidationFailed', 'Text: Enter the text to speak; Voice: Choose one of the listed voices');
    expect(fieldErrorsOf(error, ['Text'])).toEqual({ fields: { Text: 'Enter the text to speak' }, message: 'Voice: Choose one of the listed voices' });
  });

  it('knows which field a duplicate user name concerns', () => {
    const error = apiError('DuplicateUserName', 'The user name han@cea is taken. Choose another.', 409);
    expect(fieldErrorsOf(error, ['UserName'])).toEqual({ fields: { UserName: 'The user name han@cea is taken. Choose another.' }, message: null });
  });

  it('puts an item of a list field on the list field, and a form names its own kinds of error', () => {
    const error = apiError('ValidationFailed', 'Lists.0: No list has ID 99; Notes: At most 50 characters');
    expect(fieldErrorsOf(error, ['Lists', 'Notes'])).toEqual({ fields: { Lists: 'No list has ID 99', Notes: 'At most 50 characters' }, message: null });
    const taken = apiError('Conflict', 'A list named Staff exists.', 409);
    expect(fieldErrorsOf(taken, ['ListName'], { Conflict: 'ListName' })).toEqual({ fields: { ListName: 'A list named Staff exists.' }, message: null });
    expect(fieldErrorsOf(taken, ['ListName'])).toEqual({ fields: {}, message: 'A list named Staff exists.' });
  });

  it('leaves other errors to the form as a whole', () => {
    const error = apiError('PermissionDenied', 'You may change your own settings but not your own Permissions.', 403);
    expect(fieldErrorsOf(error, ['Permissions'])).toEqual({ fields: {}, message: 'You may change your own settings but not your own Permissions.' });
    expect(fieldErrorsOf(new Error('offline'), ['UserName'])).toEqual({ fields: {}, message: 'offline' });
  });
});
