import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEM_ROWS, type ContactImportResult, type ImportProblemRow } from '@contract/contact-import.ts';
import { ImportSummary } from './import-summary.tsx';

const problemRow = (rowNumber: number): ImportProblemRow => ({
  RowNumber: rowNumber,
  Reason: 'InvalidPhone',
  Message: `Phone number "555-${rowNumber}": Not a valid US phone number`,
  FirstName: 'Bad',
  LastName: `Row ${rowNumber}`,
  PrimaryPhone: `555-${rowNumber}`,
  SecondaryPhone: '',
  TertiaryPhone: '',
  Notes: '',
  IntegrationData: '',
});

/** A dry run of a big file: 31,204 rejects, of which the answer lists the first ones only. */
const bigDryRun: ContactImportResult = {
  FileID: '0b5e3c1e-4f7a-4a51-9d0e-8c7c2f1d9a10',
  DryRun: true,
  ListID: null,
  TotalRows: 1_000_000,
  New: 968_796,
  Updated: 0,
  Unchanged: 0,
  Rejected: 31_204,
  RejectedByReason: { InvalidPhone: 31_204, DuplicateInFile: 0, TooLong: 0 },
  Failed: 0,
  AddedToList: 0,
  PhonesNotAdded: 0,
  ProblemRows: Array.from({ length: MAX_LISTED_PROBLEM_ROWS }, (_, index) => problemRow(10 + index * 30)),
};

const shownRowNumbers = () =>
  within(screen.getByRole('table', { name: 'Rejected rows' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('ImportSummary', () => {
  it('shows the first rejected rows, says how many there are, and links to the API for all of them', () => {
    render(<ImportSummary result={bigDryRun} fileHadHeader listName={null} />);
    expect(shownRowNumbers()).toEqual(['10', '40', '70', '100', '130', '160', '190', '220']);
    expect(screen.getByText('The first 8 of 31,204; the download holds every rejected row.')).toBeInTheDocument();
    const download = screen.getByRole('link', { name: 'Download rejected rows' });
    expect(download).toHaveAttribute('href', `/api/v1/contacts/import/${bigDryRun.FileID}/problems`);
    expect(download).toHaveAttribute('download');
  });

  it('numbers the rows as the user’s own file when the page added its header line', () => {
    render(<ImportSummary result={bigDryRun} fileHadHeader={false} listName={null} />);
    expect(shownRowNumbers()[0]).toBe('9');
    expect(screen.getByRole('link', { name: 'Download rejected rows' })).toHaveAttribute(
      'href',
      `/api/v1/contacts/import/${bigDryRun.FileID}/problems?FirstRowNumber=0`,
    );
  });

  it('offers no download when the only problems are rows the import could not save', () => {
    const failed = { ...problemRow(12), Reason: 'Failed' as const, Message: 'The target list was deleted while the import ran.' };
    const result: ContactImportResult = { ...bigDryRun, DryRun: false, Rejected: 0, RejectedByReason: { InvalidPhone: 0, DuplicateInFile: 0, TooLong: 0 }, Failed: 1, ProblemRows: [failed] };
    render(<ImportSummary result={result} fileHadHeader listName={null} />);
    expect(screen.getByText('Could not be saved: 1')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download rejected rows' })).not.toBeInTheDocument();
  });
});
