import { DataGrid, type DataGridProps, type GridSortModel, type GridValidRowModel } from '@mui/x-data-grid';
import type { ListSort } from '@/hooks/use-list-search-params.ts';

export interface ServerListState {
  page: number;
  pageSize: number;
  sort: ListSort | null;
  pageSizeOptions: number[];
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
  setSort: (sort: ListSort | null) => void;
}

export type ServerDataGridProps<Row extends GridValidRowModel> = Omit<
  DataGridProps<Row>,
  'paginationMode' | 'sortingMode' | 'filterMode' | 'paginationModel' | 'onPaginationModelChange' | 'sortModel' | 'onSortModelChange'
> & {
  /** The list's URL state (useListSearchParams). */
  list: ServerListState;
  /** Total matches on the server (the Feed's Size). */
  rowCount: number;
  /** Names the grid for screen readers. */
  label: string;
};

/** The page's CSP nonce (docs/decisions/0008-content-security-policy.md): the grid injects a <style> of its own. */
const cspNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

/**
 * The DataGrid in server mode, driven by URL state: paging and sorting are the API's, never done in the browser.
 * The grid counts pages from 0, the API and the URL from 1.
 */
export function ServerDataGrid<Row extends GridValidRowModel>({ list, label, rowCount, ...props }: ServerDataGridProps<Row>) {
  const sortModel: GridSortModel = list.sort ? [{ field: list.sort.field, sort: list.sort.desc ? 'desc' : 'asc' }] : [];
  return (
    <DataGrid
      aria-label={label}
      nonce={cspNonce}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      disableColumnFilter
      disableRowSelectionOnClick
      rowCount={rowCount}
      pageSizeOptions={list.pageSizeOptions}
      paginationModel={{ page: list.page - 1, pageSize: list.pageSize }}
      onPaginationModelChange={(model) => {
        if (model.pageSize !== list.pageSize) list.setPageSize(model.pageSize);
        else if (model.page !== list.page - 1) list.setPage(model.page + 1);
      }}
      sortModel={sortModel}
      onSortModelChange={(model) => {
        const [first] = model;
        list.setSort(first?.sort ? { field: first.field, desc: first.sort === 'desc' } : null);
      }}
      sx={{ bgcolor: 'background.paper', borderRadius: 2, border: 1, borderColor: 'divider', ...props.sx }}
      {...props}
    />
  );
}
