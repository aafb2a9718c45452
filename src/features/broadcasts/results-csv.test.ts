import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { BroadcastDetail } from '@contract/broadcast-detail.ts';
import { csvHeader, csvRows, exportFileName, resultColumns } from './results-csv.ts';

const call: BroadcastDetail = {
  UriCallBroadcast: '/v1/broadcasts/39609',
  PhoneNumber: '2145555055',
  NumberOfAttempts: 2,
  LastCallTime: '2017-05-25 17:54:53-0500',
  FirstName: 'John',
  LastName: 'Doe, Jr.',
  Notes: null,
  IntegrationData: '=HYPERLINK("x")',
  SurveyResult: '1',
  CallResultCategory: 'Live Answer',
  CallStatus: 'Completed',
  TransferDuration: 0,
  TransferCredits: 0,
  IsTransferInitiated: false,
};

describe('results CSV', () => {
  it('writes a header and one quoted, formula-safe row per number', () => {
    const columns = resultColumns('Call', {
      survey: true,
      surveyLabels: new Map([
        ['1', 'Yes'],
        ['2', 'No'],
      ]),
      messageText: false,
    });
    const text = `${csvHeader(columns)}\r\n${csvRows(columns, [call, { ...call, PhoneNumber: '9725551212', SurveyResult: null }])}`;
    const parsed = Papa.parse<string[]>(text.trim()).data;
    expect(parsed[0]).toEqual([
      'Phone number',
      'First name',
      'Last name',
      'Result',
      'Status',
      'Attempts',
      'Last call time',
      'Key pressed',
      'Survey answer',
      'Notes',
      'Integration data',
    ]);
    expect(parsed).toHaveLength(3);
    expect(parsed[1]).toEqual([
      '2145555055',
      'John',
      'Doe, Jr.',
      'Live Answer',
      'Completed',
      '2',
      '2017-05-25 17:54:53-0500',
      '1',
      'Yes',
      '',
      `'=HYPERLINK("x")`,
    ]);
    expect(parsed[2]?.slice(7, 9)).toEqual(['', '']);
  });

  it('leaves the survey answer empty when the API did not say what a key means', () => {
    const columns = resultColumns('Call', { survey: true, messageText: false });
    expect(Papa.parse<string[]>(csvRows(columns, [call]).trim()).data[0]?.slice(7, 9)).toEqual(['1', '']);
  });

  it('has the text columns, with the message only when it was personalised', () => {
    expect(resultColumns('Text', { survey: false, messageText: false }).map((column) => column.header)).toEqual([
      'Phone number',
      'First name',
      'Last name',
      'Result',
      'Status',
      'Notes',
      'Integration data',
    ]);
    expect(resultColumns('Text', { survey: false, messageText: true }).map((column) => column.header)).toContain('Message sent');
  });

  it('writes nothing for an empty page, and names the file after the filter', () => {
    expect(csvRows(resultColumns('Call', { survey: false, messageText: false }), [])).toBe('');
    expect(exportFileName(39601, ['Busy/No Answer', 'Completed'])).toBe('broadcast-39601-busy-no-answer-completed.csv');
    expect(exportFileName(39601, [])).toBe('broadcast-39601.csv');
  });
});
