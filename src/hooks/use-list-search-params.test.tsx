import { act, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { useListSearchParams } from './use-list-search-params.ts';

function Probe() {
  const list = useListSearchParams({ filters: ['category'] });
  return (
    <>
      <p>{`category=${list.filters.category} q=${list.search}`}</p>
      <button onClick={() => list.setFilter('category', 'Scheduled')}>Scheduled</button>
      <button onClick={() => list.setSearch('')}>Clear search</button>
    </>
  );
}

describe('useListSearchParams', () => {
  it('keeps a change made while the previous one waits for the route’s loader', async () => {
    // Each navigation waits for its loader, as the app's routes do, until the test lets it through.
    const held: Array<() => void> = [];
    const router = createMemoryRouter([{ path: '/list', element: <Probe />, loader: () => new Promise<null>((resolve) => held.push(() => resolve(null))) }], {
      initialEntries: ['/list?category=InProgress&q=dismissal'],
      hydrationData: { loaderData: { 0: null } },
    });
    render(<RouterProvider router={router} />);
    expect(await screen.findByText('category=InProgress q=dismissal')).toBeInTheDocument();

    // A tab is picked, and the search is cleared before the tab's navigation has landed.
    fireEvent.click(screen.getByRole('button', { name: 'Scheduled' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    await act(async () => {
      for (const release of held.splice(0)) release();
    });

    expect(router.state.location.search).toBe('?category=Scheduled');
    expect(await screen.findByText('category=Scheduled q=')).toBeInTheDocument();
  });
});
