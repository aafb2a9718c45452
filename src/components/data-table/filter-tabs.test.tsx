import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FilterTabs } from './filter-tabs.tsx';

const options = [
  { value: 'all', label: 'All' },
  { value: 'running', label: 'Running' },
  { value: 'done', label: 'Done' },
] as const;

describe('FilterTabs', () => {
  it('marks the chosen tab and chooses another on a click', async () => {
    const onChange = vi.fn();
    render(<FilterTabs label="Status" value="running" options={options} onChange={onChange} />);
    expect(screen.getByRole('tablist', { name: 'Status' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Running', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'All' })).toHaveAttribute('aria-selected', 'false');
    await userEvent.click(screen.getByRole('tab', { name: 'Done' }));
    expect(onChange).toHaveBeenCalledWith('done');
  });

  it('is one tab stop; arrows, Home and End move between tabs, which Enter chooses', async () => {
    const onChange = vi.fn();
    render(<FilterTabs label="Status" value="all" options={options} onChange={onChange} />);
    await userEvent.tab();
    expect(screen.getByRole('tab', { name: 'All' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Done' })).toHaveFocus();
    await userEvent.keyboard('{Home}{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Running' })).toHaveFocus();
    expect(onChange).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith('running');
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Done' })).toHaveFocus();
  });
});
