import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { DataGrid, type DataGridProps, type GridSortModel, type GridValidRowModel } from '@mui/x-data-grid';
import { useState } from 'react';
import { LiveRegion } from '@/components/feedback/live-region.tsx';
import type { ListSort } from '@/hooks/use-list-search-params.ts';
import { cspNonce } from '@/utils/csp-nonce.ts';
import type { RowSelection } from '@/hooks/use-row-selection.ts';

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
  /** Checkbox selection kept across pages (useRowSelection); omit for a grid without selection. */
  selection?: RowSelection;
};

/** The grid's card look, which its stand-in shares. */
const FRAME = { bgcolor: 'background.paper', borderRadius: 2, border: 1, borderColor: 'divider' } as const;

/** The standard density's header, row and footer heights. */
const HEADER_HEIGHT = 56;
const ROW_HEIGHT = 52;
const FOOTER_HEIGHT = 52;

let scrollbarSize: number | undefined;

/**
 * The browser's scrollbar width, measured once on a probe of its own. Left to itself, each new grid measures it on
 * its freshly drawn rows, which forces the browser to lay the whole page out an extra time.
 */
function browserScrollbarSize(): number {
  if (scrollbarSize === undefined) {
    const probe = document.createElement('div');
    probe.style.position = 'absolute';
    probe.style.top = '-200px';
    probe.style.width = '99px';
    probe.style.height = '99px';
    probe.style.overflow = 'scroll';
    document.body.append(probe);
    scrollbarSize = probe.offsetWidth - probe.clientWidth;
    probe.remove();
  }
  return scrollbarSize;
}

/**
 * The DataGrid in server mode, driven by URL state: paging and sorting are the API's, never done in the browser.
 * The grid counts pages from 0, the API and the URL from 1. Until the first page has arrived, a frame of the same
 * size stands in: building the grid once, with its rows, costs half of building it empty and then again.
 */
export function ServerDataGrid<Row extends GridValidRowModel>({ list, label, rowCount, selection, sx, ...props }: ServerDataGridProps<Row>) {
  const [loaded, setLoaded] = useState(!props.loading);
  const [scrollbarWidth] = useState(browserScrollbarSize);
  if (!loaded && !props.loading) setLoaded(true);
  const sortModel: GridSortModel = list.sort ? [{ field: list.sort.field, sort: list.sort.desc ? 'desc' : 'asc' }] : [];
  // Loading shows as skeleton rows or a bar, which say nothing to a screen reader; this does.
  const loadingAnnouncement = <LiveRegion label={`${label} loading`} announcement={{ text: props.loading ? `Loading ${label.toLowerCase()}…` : '', id: 0 }} />;
  if (!loaded && props.autoHeight) {
    return (
      <>
        {loadingAnnouncement}
        <Box sx={{ ...FRAME, height: HEADER_HEIGHT + FOOTER_HEIGHT + list.pageSize * ROW_HEIGHT, overflow: 'hidden' }}>
          {/* A pulse (opacity only): a moving bar would be a layout shift on every first load. */}
          <Skeleton aria-hidden variant="rectangular" height={4} sx={{ mt: `${HEADER_HEIGHT - 4}px` }} />
        </Box>
      </>
    );
  }
  return (
    <>
      {loadingAnnouncement}
      <DataGrid
        aria-label={label}
        // The grid writes its CSS variables in a <style> of its own, which the CSP admits only with the page's nonce.
        nonce={cspNonce()}
        scrollbarSize={scrollbarWidth}
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
        {...(selection && {
          checkboxSelection: true,
          // Rows ticked on other pages stay ticked; "select all" on the header means this page only.
          keepNonExistentRowsSelected: true,
          disableRowSelectionExcludeModel: true,
          rowSelectionModel: selection.model,
          onRowSelectionModelChange: selection.onModelChange,
        })}
        // An empty grid with autoHeight is two rows tall: room enough for an empty state's title and action.
        sx={[{ ...FRAME, '--DataGrid-overlayHeight': '260px' }, ...(Array.isArray(sx) ? sx : [sx])]}
        {...props}
      />
    </>
  );
}
