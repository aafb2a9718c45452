import { csvLine, csvLines } from '@contract/csv.ts';
import type { BroadcastDetail } from '@contract/broadcast-detail.ts';
import type { Channel } from './broadcast-display.ts';

export interface CsvColumn {
  header: string;
  value: (detail: BroadcastDetail) => string | number | boolean | null | undefined;
}

const contactColumns: CsvColumn[] = [
  { header: 'Phone number', value: (d) => d.PhoneNumber },
  { header: 'First name', value: (d) => d.FirstName },
  { header: 'Last name', value: (d) => d.LastName },
];
const trailingColumns: CsvColumn[] = [
  { header: 'Notes', value: (d) => d.Notes },
  { header: 'Integration data', value: (d) => d.IntegrationData },
];

/** The export's columns (docs/decisions/0022-results-export.md): what the grid shows, plus the contact's own fields. */
export function resultColumns(channel: Channel, options: { survey: boolean; surveyLabels?: ReadonlyMap<string, string>; messageText: boolean }): CsvColumn[] {
  // The key as the API gives it, and what it means (decision 155); the meaning is empty when it is not known.
  const surveyColumns: CsvColumn[] = [
    { header: 'Key pressed', value: (d) => d.SurveyResult },
    { header: 'Survey answer', value: (d) => (d.SurveyResult ? options.surveyLabels?.get(d.SurveyResult) : null) },
  ];
  if (channel === 'Call') {
    return [
      ...contactColumns,
      { header: 'Result', value: (d) => d.CallResultCategory },
      { header: 'Status', value: (d) => d.CallStatus },
      { header: 'Attempts', value: (d) => d.NumberOfAttempts },
      { header: 'Last call time', value: (d) => d.LastCallTime },
      ...(options.survey ? surveyColumns : []),
      ...trailingColumns,
    ];
  }
  return [
    ...contactColumns,
    { header: 'Result', value: (d) => d.TextResultCategory },
    { header: 'Status', value: (d) => d.TextStatus },
    ...(options.messageText ? [{ header: 'Message sent', value: (d: BroadcastDetail) => d.MessageText }] : []),
    ...trailingColumns,
  ];
}

export function csvHeader(columns: readonly CsvColumn[]): string {
  return csvLine(columns.map((column) => column.header));
}

/** Rows of CSV (no header), each line ended, so pages can be appended as they arrive. */
export function csvRows(columns: readonly CsvColumn[], details: readonly BroadcastDetail[]): string {
  // The one CSV writer: a cell that starts with = + - @ must not run as a formula in a spreadsheet.
  return csvLines(details.map((detail) => columns.map((column) => column.value(detail))));
}

/** A file name that says what is in it: `broadcast-39601-live-answer.csv`. */
export function exportFileName(broadcastId: number, filterWords: readonly string[]): string {
  const suffix = filterWords
    .map((word) =>
      word
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  return `broadcast-${broadcastId}${suffix ? `-${suffix}` : ''}.csv`;
}
