import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StartDateFilters } from './start-date-filters.tsx';

describe('StartDateFilters', () => {
  it('takes the day out of the filters when it is cleared', async () => {
    const onFiltersChange = vi.fn();
    render(<StartDateFilters from="" to="2000-01-31" onFiltersChange={onFiltersChange} />);
    await userEvent.click(within(screen.getByRole('group', { name: 'Starting until' })).getByRole('button', { name: 'Clear' }));
    expect(onFiltersChange.mock.calls).toEqual([[{ to: null }]]);
  });
});
