import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { useTheme, type SxProps, type Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { MouseEvent, ReactNode } from 'react';
import { LiveRegion } from '@/components/feedback/live-region.tsx';
import type { ServerListState } from './server-data-grid.tsx';

export interface TableColumn<Row> {
  /** The API field the column sorts by. */
  field: string;
  header: string;
  /** Pixels; a column without one takes the room left. */
  width?: number;
  align?: 'left' | 'right';
  sortable?: boolean;
  /** Left out on a phone's width, so the columns that matter fit without scrolling sideways. */
  hideOnPhone?: boolean;
  /** Pixels on a phone's width, when narrower than `width`. */
  phoneWidth?: number;
  render: (row: Row) => ReactNode;
}

export interface ServerTableProps<Row> {
  /** Names the table for screen readers. */
  label: string;
  /** The list's URL state (useListSearchParams). */
  list: ServerListState;
  rows: readonly Row[];
  /** Total matches on the server (the Feed's Size). */
  rowCount: number;
  columns: readonly TableColumn<Row>[];
  getRowId: (row: Row) => string | number;
  /** True until the first page has arrived. */
  loading: boolean;
  /** Every row is this tall, so nothing moves when the rows replace their stand-ins. */
  rowHeight: number;
  /** Shown in the table's body when the page has no rows. */
  empty: ReactNode;
  onRowClick?: (row: Row) => void;
}

/**
 * The body is plain markup styled here once, as MUI's cells look: a page of rows is then only elements. Cells hold
 * text or a small vocabulary of classes: a row's link, quieter text and a second, smaller line.
 */
function tableStyles(width: number, rowHeight: number, clickable: boolean): SxProps<Theme> {
  return (theme) => {
    const { palette } = theme.vars ?? theme;
    return {
      tableLayout: 'fixed',
      minWidth: width,
      '& th': { fontWeight: 500, whiteSpace: 'nowrap' },
      '& tbody tr': { height: rowHeight },
      '& tbody td': {
        ...theme.typography.body2,
        color: palette.text.primary,
        px: 2,
        py: 0.5,
        borderBottom: `1px solid ${theme.vars?.palette.TableCell.border ?? theme.palette.divider}`,
      },
      '& tbody td.align-right': { textAlign: 'right' },
      // A phone's width: tighter cells, and a header's sort arrow only once it sorts.
      [theme.breakpoints.down('sm')]: {
        '& th, & tbody td': { px: 1 },
        '& .MuiTableSortLabel-root:not(.Mui-active) .MuiTableSortLabel-icon': { display: 'none' },
      },
      '& tbody td.no-border': { borderBottom: 0 },
      '& .cell-link': { color: palette.primary.main, fontWeight: 500, textDecoration: 'none' },
      '& .cell-link:hover': { textDecoration: 'underline' },
      '& .cell-quiet': { color: palette.text.secondary },
      '& .cell-caption': { ...theme.typography.caption, display: 'block', color: palette.text.secondary },
      ...(clickable && {
        '& tbody tr[data-row]': { cursor: 'pointer' },
        '& tbody tr[data-row]:hover': { bgcolor: palette.action.hover },
      }),
    };
  };
}

/**
 * A server-paged, server-sorted table for lists that need no more than reading, sorting and paging: plain table
 * markup, so the page draws its rows in one cheap pass (the DataGrid stays with the lists that select and edit).
 * Sorting cycles ascending, descending, none, as the grid's headers do.
 */
export function ServerTable<Row>({ label, list, rows, rowCount, columns: allColumns, getRowId, loading, rowHeight, empty, onRowClick }: ServerTableProps<Row>) {
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'));
  const columns = phone
    ? allColumns.filter((column) => !column.hideOnPhone).map((column) => ({ ...column, width: column.phoneWidth ?? column.width }))
    : allColumns;
  const sortBy = (field: string) => {
    if (list.sort?.field !== field) list.setSort({ field, desc: false });
    else if (!list.sort.desc) list.setSort({ field, desc: true });
    else list.setSort(null);
  };
  const width = columns.reduce((sum, column) => sum + (column.width ?? (phone ? 136 : 240)), 0);

  return (
    <Box sx={{ bgcolor: 'background.paper', borderRadius: 2, border: 1, borderColor: 'divider', overflow: 'hidden' }}>
      <LiveRegion label={`${label} loading`} announcement={{ text: loading ? `Loading ${label.toLowerCase()}…` : '', id: 0 }} />
      <TableContainer>
        <Table aria-label={label} aria-busy={loading} sx={tableStyles(width, rowHeight, Boolean(onRowClick))}>
          <colgroup>
            {columns.map((column) => (
              <col key={column.field} style={column.width ? { width: column.width } : undefined} />
            ))}
          </colgroup>
          <TableHead>
            <TableRow>
              {columns.map((column) => {
                const direction = list.sort?.field === column.field ? (list.sort.desc ? 'desc' : 'asc') : false;
                return (
                  <TableCell key={column.field} align={column.align} sortDirection={direction}>
                    {column.sortable === false ? (
                      column.header
                    ) : (
                      <TableSortLabel active={direction !== false} direction={direction || 'asc'} onClick={() => sortBy(column.field)}>
                        {column.header}
                      </TableSortLabel>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <tbody>
            {loading &&
              Array.from({ length: list.pageSize }, (_, index) => (
                <tr key={index} aria-hidden>
                  <td colSpan={columns.length}>
                    <Skeleton variant="text" width={index % 2 === 0 ? '60%' : '45%'} />
                  </td>
                </tr>
              ))}
            {!loading && rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="no-border">
                  {empty}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr
                key={getRowId(row)}
                data-row
                // Links and buttons in the row do their own thing; the row's click is for the rest of it.
                onClick={onRowClick && ((event: MouseEvent) => !(event.target as Element).closest('a, button') && onRowClick(row))}
              >
                {columns.map((column) => (
                  <td key={column.field} className={column.align === 'right' ? 'align-right' : undefined}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={rowCount}
        page={rowCount === 0 ? 0 : list.page - 1}
        rowsPerPage={list.pageSize}
        rowsPerPageOptions={list.pageSizeOptions}
        onPageChange={(_, page) => list.setPage(page + 1)}
        onRowsPerPageChange={(event) => list.setPageSize(Number(event.target.value))}
        // The browser's own select: no menu, popover and list components built with the page.
        slotProps={{ select: { native: true, inputProps: { 'aria-label': 'Rows per page' } } }}
        sx={{ borderTop: 1, borderColor: 'divider' }}
      />
    </Box>
  );
}
