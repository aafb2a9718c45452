import { describe, expect, it } from 'vitest';
import { recognizeHeader } from './contact-import.ts';
import { checkImportRow, detectColumnMapping, looksLikeHeaderRow } from './contact-import-rows.ts';
import { checkContactPhones, contactFormSchema } from './contact-phones.ts';

describe('recognizeHeader', () => {
  it.each([
    ['First Name', 'FirstName'],
    ['first_name', 'FirstName'],
    ['SURNAME', 'LastName'],
    ['Phone Number', 'PrimaryPhone'],
    ['Cell #', 'PrimaryPhone'],
    ['Mobile', 'PrimaryPhone'],
    ['Home Phone', 'SecondaryPhone'],
    ['Phone 3', 'TertiaryPhone'],
    ['Comments', 'Notes'],
    ['Student ID', 'IntegrationData'],
    ['Email', null],
    ['', null],
  ])('reads %j as %s', (header, field) => {
    expect(recognizeHeader(header)).toBe(field);
  });
});

describe('detectColumnMapping', () => {
  it('maps bugalert’s production header', () => {
    expect(detectColumnMapping(['First Name', 'Last Name', 'Notes', 'Phone Number'], [])).toEqual(['FirstName', 'LastName', 'Notes', 'PrimaryPhone']);
  });

  it('gives a second and third "Phone" column the next phone slots, and each field one column only', () => {
    expect(detectColumnMapping(['Phone', 'Phone', 'Phone', 'Phone', 'Name', 'First', 'First'], [])).toEqual([
      'PrimaryPhone',
      'SecondaryPhone',
      'TertiaryPhone',
      null,
      null,
      'FirstName',
      null,
    ]);
  });

  it('finds unnamed phone columns by their content', () => {
    const rows = [
      ['Ada', '214-555-1234', 'x', '(972) 555-0100'],
      ['Bob', '2145551235', 'y', ''],
      ['Cy', 'unknown', 'z', '9725550101'],
    ];
    expect(detectColumnMapping(['Name', 'Col B', 'Col C', 'Col D'], rows)).toEqual([null, 'PrimaryPhone', null, 'SecondaryPhone']);
  });

  it('does not guess by content once a phone column is named', () => {
    expect(detectColumnMapping(['Mobile', 'Other'], [['2145551234', '9725550100']])).toEqual(['PrimaryPhone', null]);
  });
});

describe('looksLikeHeaderRow', () => {
  it('takes a row with a phone number for data', () => {
    expect(looksLikeHeaderRow(['First Name', 'Phone'])).toBe(true);
    expect(looksLikeHeaderRow(['Ada', '214-555-1234'])).toBe(false);
    expect(looksLikeHeaderRow(['', ''])).toBe(false);
  });
});

describe('checkImportRow', () => {
  it('normalises phones, repairs Excel’s scientific notation and trims text', () => {
    const check = checkImportRow({ FirstName: ' Ada ', PrimaryPhone: '2.145551234E+09', SecondaryPhone: '+1 (972) 555-0100' });
    expect(check).toEqual({
      ok: true,
      values: {
        FirstName: 'Ada',
        LastName: '',
        PrimaryPhone: '2145551234',
        SecondaryPhone: '9725550100',
        TertiaryPhone: '',
        Notes: '',
        IntegrationData: '',
      },
      repairedPhones: ['PrimaryPhone'],
    });
  });

  it('keeps a number repeated on one row once', () => {
    const check = checkImportRow({ PrimaryPhone: '2145551234', SecondaryPhone: '214.555.1234' });
    expect(check.ok && check.values.SecondaryPhone).toBe('');
  });

  it.each([
    [{ FirstName: 'Ada' }, 'InvalidPhone', 'Phone number is missing'],
    [{ PrimaryPhone: '555-1234' }, 'InvalidPhone', 'Phone number "555-1234": Not a valid US phone number'],
    [{ PrimaryPhone: '2.14555E+09' }, 'InvalidPhone', 'Phone number "2.14555E+09": The number was shortened by a spreadsheet (scientific notation)'],
    [{ PrimaryPhone: '2145551234', TertiaryPhone: 'n/a' }, 'InvalidPhone', 'Tertiary phone "n/a": Not a valid US phone number'],
    [{ PrimaryPhone: '2145551234', LastName: 'x'.repeat(51) }, 'TooLong', 'Last name has 51 characters (at most 50)'],
    [{ PrimaryPhone: '2145551234', IntegrationData: 'x'.repeat(513) }, 'TooLong', 'Integration data has 513 characters (at most 512)'],
  ])('refuses %j: %s', (row, reason, message) => {
    expect(checkImportRow(row)).toEqual({ ok: false, reason, message });
  });
});

describe('contact phones', () => {
  it('normalises each number and refuses a repeated or invalid one', () => {
    expect(checkContactPhones({ PrimaryPhone: '(214) 555-1234', SecondaryPhone: '' })).toEqual({
      digits: { PrimaryPhone: '2145551234', SecondaryPhone: '' },
      issues: [],
    });
    expect(checkContactPhones({ PrimaryPhone: '2145551234', TertiaryPhone: '1-214-555-1234' }).issues).toEqual([
      { path: ['TertiaryPhone'], message: 'Same number as primary phone' },
    ]);
  });

  it('puts the form’s phone errors next to the phone fields', () => {
    const result = contactFormSchema.safeParse({ PrimaryPhone: '555-1234', SecondaryPhone: 'abc' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['PrimaryPhone', 'Not a valid US phone number'],
      ['SecondaryPhone', 'Not a valid US phone number'],
    ]);
  });
});
