import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ListSort } from '@/hooks/use-list-search-params.ts';
import type { ServerListState } from './server-data-grid.tsx';
import { ServerTable, type TableColumn } from './server-table.tsx';

interface Row {
  id: number;
  name: string;
}

const columns: TableColumn<Row>[] = [
  { field: 'Name', header: 'Name', render: (row) => <a href={`/rows/${row.id}`}>{row.name}</a> },
  { field: 'Id', header: 'Number', width: 100, align: 'right', sortable: false, render: (row) => row.id },
];

function listState(sort: ListSort | null = null): ServerListState {
  return { page: 2, pageSize: 10, sort, pageSizeOptions: [10, 25], setPage: vi.fn(), setPageSize: vi.fn(), setSort: vi.fn() };
}

function renderTable(list: ServerListState, props: { rows?: Row[]; loading?: boolean; onRowClick?: (row: Row) => void } = {}) {
  render(
    <ServerTable
      label="Things"
      list={list}
      rows={props.rows ?? [{ id: 11, name: 'Eleven' }]}
      rowCount={31}
      columns={columns}
      getRowId={(row) => row.id}
      loading={props.loading ?? false}
      rowHeight={48}
      empty={<p>Nothing here</p>}
      onRowClick={props.onRowClick}
    />,
  );
  return screen.getByRole('table', { name: 'Things' });
}

describe('ServerTable', () => {
  it('sorts an unsorted column ascending; a column that cannot be sorted has no button', async () => {
    const unsorted = listState();
    renderTable(unsorted);
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(unsorted.setSort).toHaveBeenCalledWith({ field: 'Name', desc: false });
    // A column that cannot be sorted has no button.
    expect(screen.queryByRole('button', { name: 'Number' })).toBeNull();
  });

  it('turns an ascending sort descending, and says which way in aria-sort', async () => {
    const ascending = listState({ field: 'Name', desc: false });
    const table = renderTable(ascending);
    expect(within(table).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(ascending.setSort).toHaveBeenCalledWith({ field: 'Name', desc: true });
  });

  it('turns a descending sort off', async () => {
    const descending = listState({ field: 'Name', desc: true });
    const table = renderTable(descending);
    expect(within(table).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(descending.setSort).toHaveBeenCalledWith(null);
  });

  it('pages by the server’s count, from 1 in the URL', async () => {
    const list = listState();
    renderTable(list);
    expect(screen.getByText('11–20 of 31')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(list.setPage).toHaveBeenCalledWith(3);
  });

  it('opens a row on a click outside its links, and leaves the links to themselves', async () => {
    const onRowClick = vi.fn();
    const table = renderTable(listState(), { onRowClick });
    await userEvent.click(within(table).getByRole('cell', { name: '11' }));
    expect(onRowClick).toHaveBeenCalledWith({ id: 11, name: 'Eleven' });
    onRowClick.mockClear();
    const link = within(table).getByRole('link', { name: 'Eleven' });
    link.addEventListener('click', (event) => event.preventDefault());
    await userEvent.click(link);
    expect(onRowClick).not.toHaveBeenCalled();
  });

  it('stands in rows while the first page loads, and shows the empty state when there are none', () => {
    const table = renderTable(listState(), { loading: true, rows: [] });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status', { name: 'Things loading' })).toHaveTextContent('Loading things…');
    expect(screen.queryByText('Nothing here')).toBeNull();
  });

  it('shows the empty state when the page has no rows', () => {
    renderTable(listState(), { rows: [] });
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
  });
});
