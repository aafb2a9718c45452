import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEM_ROWS, type ContactImportResult, type ImportProblemRow } from '@contract/contact-import.ts';
import { ImportSummary } from './import-summary.tsx';
import { importActionLabel } from './import-wording.ts';

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
  it('shows the rejected rows the answer lists, says how many there are, and links to the API for all of them', () => {
    render(<ImportSummary result={bigDryRun} fileHadHeader listName={null} />);
    expect(shownRowNumbers()).toHaveLength(MAX_LISTED_PROBLEM_ROWS);
    expect(shownRowNumbers().slice(0, 3)).toEqual(['10', '40', '70']);
    expect(screen.getByText('The first 100 of 31,204; the download holds every rejected row.')).toBeInTheDocument();
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
    const result: ContactImportResult = {
      ...bigDryRun,
      DryRun: false,
      Rejected: 0,
      RejectedByReason: { InvalidPhone: 0, DuplicateInFile: 0, TooLong: 0 },
      Failed: 1,
      ProblemRows: [failed],
    };
    render(<ImportSummary result={result} fileHadHeader listName={null} />);
    expect(screen.getByText('Could not be saved: 1')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download rejected rows' })).not.toBeInTheDocument();
  });

  it('shows every rejected row when they all fit', () => {
    const twelve = Array.from({ length: 12 }, (_, index) => problemRow(2 + index));
    const result: ContactImportResult = {
      ...bigDryRun,
      TotalRows: 40,
      New: 28,
      Rejected: 12,
      RejectedByReason: { InvalidPhone: 12, DuplicateInFile: 0, TooLong: 0 },
      ProblemRows: twelve,
    };
    render(<ImportSummary result={result} fileHadHeader listName={null} />);
    expect(shownRowNumbers()).toEqual(twelve.map((row) => String(row.RowNumber)));
    expect(screen.queryByText(/^The first/)).not.toBeInTheDocument();
  });
});

describe('the review of an import that updates contacts', () => {
  const review: ContactImportResult = {
    ...bigDryRun,
    ListID: 36,
    TotalRows: 5_212,
    New: 5_000,
    Updated: 210,
    Unchanged: 2,
    Rejected: 0,
    RejectedByReason: { InvalidPhone: 0, DuplicateInFile: 0, TooLong: 0 },
    AddedToList: 5_211,
    ProblemRows: [],
    KeepExistingValues: false,
    Conflicts: 1,
    UpdatedContacts: [
      {
        RowNumber: 4,
        PersonID: 77,
        PrimaryPhone: '2145550100',
        Name: 'Bob Lilly',
        Changes: [
          { Field: 'LastName', Before: 'Lilly', After: 'Lily' },
          { Field: 'Notes', Before: '', After: 'Walks home' },
        ],
      },
    ],
  };

  it('says how many are created, updated and join the list, and the button agrees', () => {
    render(<ImportSummary result={review} fileHadHeader listName="Staff" />, { wrapper: MemoryRouter });
    expect(screen.getByText(/5,211 contacts will join Staff: the 5,000 new ones and 211 you already had\./)).toBeInTheDocument();
    expect(importActionLabel(review, 'Staff')).toBe('Create 5,000, update 210 and add 211 existing to Staff');
    expect(importActionLabel({ ...review, AddedToList: 5_000 }, 'Staff')).toBe('Create 5,000 and update 210');
    expect(importActionLabel({ ...review, Updated: 0, AddedToList: 5_001 }, 'Staff')).toBe('Create 5,000 and add 1 existing to Staff');
    expect(importActionLabel({ ...review, New: 0, AddedToList: 0 }, null)).toBe('Update 210 contacts');
    expect(importActionLabel({ ...review, New: 0, Updated: 0, AddedToList: 3 }, 'Staff')).toBe('Add 3 contacts to Staff');
    expect(importActionLabel({ ...review, Updated: 0, AddedToList: 5_000 }, 'Staff')).toBe('Import 5,000 contacts');
  });

  it('shows each updated contact’s changes, before and after, and offers to keep the values they hold', () => {
    const choices: boolean[] = [];
    render(<ImportSummary result={review} fileHadHeader listName="Staff" keepExisting={{ checked: false, onChange: (keep) => choices.push(keep) }} />, {
      wrapper: MemoryRouter,
    });
    const changes = within(screen.getByRole('table', { name: 'Changes to existing contacts' })).getAllByRole('row')[1]!;
    expect(changes).toHaveTextContent('4Bob Lilly(214) 555-0100Last name: Lilly → LilyNotes: (empty) → Walks home');
    expect(screen.getByText('1 contact holds a value the file replaces, shown as before → after.')).toBeInTheDocument();
    expect(screen.getByText('The first 1 of 210 updated contacts.')).toBeInTheDocument();
    screen.getByRole('checkbox', { name: 'Keep the values contacts already have (fill only empty fields)' }).click();
    expect(choices).toEqual([true]);
  });

  it('reads an answer without the changes (an older server) as before', () => {
    const { KeepExistingValues: _keep, Conflicts: _conflicts, UpdatedContacts: _updates, ...older } = review;
    render(<ImportSummary result={older} fileHadHeader listName="Staff" keepExisting={{ checked: false, onChange: () => {} }} />, { wrapper: MemoryRouter });
    expect(screen.queryByRole('heading', { name: 'Changes to existing contacts' })).not.toBeInTheDocument();
  });
});
