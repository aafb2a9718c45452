import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StartDateFilters } from './start-date-filters.tsx';

const untilField = () => within(screen.getByRole('group', { name: 'Starting until' }));

describe('StartDateFilters', () => {
  it('takes the day out of the filters when it is cleared', async () => {
    const onFiltersChange = vi.fn();
    render(<StartDateFilters from="" to="2000-01-31" onFiltersChange={onFiltersChange} />);
    await userEvent.click(untilField().getByRole('button', { name: 'Clear' }));
    expect(onFiltersChange.mock.calls).toEqual([[{ to: null }]]);
  });

  it('sends a day only once it is whole, and keeps what is half typed through a redraw', async () => {
    const onFiltersChange = vi.fn();
    const { rerender } = render(<StartDateFilters from="" to="" onFiltersChange={onFiltersChange} />);
    await userEvent.click(untilField().getByRole('spinbutton', { name: 'Month' }));
    await userEvent.keyboard('0131');
    expect(onFiltersChange).not.toHaveBeenCalled();

    rerender(<StartDateFilters from="" to="" onFiltersChange={onFiltersChange} />);
    await userEvent.keyboard('2000');

    expect(onFiltersChange.mock.calls).toEqual([[{ to: '2000-01-31' }]]);
  });

  it('keeps a range that ends before it starts out of the filters, and says why', async () => {
    const onFiltersChange = vi.fn();
    render(<StartDateFilters from="2020-01-01" to="" onFiltersChange={onFiltersChange} />);
    await userEvent.click(untilField().getByRole('spinbutton', { name: 'Month' }));
    await userEvent.keyboard('01312000');
    expect(onFiltersChange).not.toHaveBeenCalled();
    expect(screen.getByText('Not before 01/01/2020')).toBeInTheDocument();
  });

  it('follows the URL when it changes by other means', () => {
    const { rerender } = render(<StartDateFilters from="" to="2000-01-31" onFiltersChange={vi.fn()} />);
    expect(untilField().getByRole('spinbutton', { name: 'Year' })).toHaveAttribute('aria-valuenow', '2000');
    rerender(<StartDateFilters from="" to="" onFiltersChange={vi.fn()} />);
    expect(untilField().getByRole('spinbutton', { name: 'Year' })).not.toHaveAttribute('aria-valuenow');
  });
});
