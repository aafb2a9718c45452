import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedSearchField } from './debounced-search-field.tsx';

/** Holds each search handed on until the test lets it through, as a URL that updates after a navigation does. */
function SlowUrl({ handedOn }: { handedOn: string[] }) {
  const [value, setValue] = useState('');
  const [held, setHeld] = useState<string | null>(null);
  return (
    <>
      <DebouncedSearchField
        label="Search"
        value={value}
        onChange={(next) => {
          handedOn.push(next);
          setHeld(next);
        }}
      />
      <button onClick={() => held !== null && setValue(held)}>Land</button>
      <button onClick={() => setValue('from a link')}>Follow a link</button>
      <p>{`value=${value}`}</p>
    </>
  );
}

describe('DebouncedSearchField', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps what was typed while its previous search was still landing, and hands that on next', () => {
    const handedOn: string[] = [];
    render(<SlowUrl handedOn={handedOn} />);
    const field = screen.getByRole('searchbox', { name: 'Search' });

    fireEvent.change(field, { target: { value: 'Mullerexport' } });
    act(() => vi.advanceTimersByTime(200));
    expect(handedOn).toEqual(['Mullerexport']);

    // Typed again before the first search reached the value.
    fireEvent.change(field, { target: { value: 'export' } });
    fireEvent.click(screen.getByRole('button', { name: 'Land' }));
    expect(screen.getByText('value=Mullerexport')).toBeInTheDocument();
    expect(field).toHaveValue('export');

    act(() => vi.advanceTimersByTime(200));
    expect(handedOn).toEqual(['Mullerexport', 'export']);
  });

  it('shows a value changed from outside instead of what was typed', () => {
    render(<SlowUrl handedOn={[]} />);
    const field = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(field, { target: { value: 'half typed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Follow a link' }));
    expect(field).toHaveValue('from a link');
  });
});
