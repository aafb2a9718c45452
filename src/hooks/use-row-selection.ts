import type { GridRowId, GridRowSelectionModel } from '@mui/x-data-grid';
import { useState } from 'react';

export interface RowSelection {
  /** The grid's selection model: the chosen rows, or every row of this page while all matches are selected. */
  model: GridRowSelectionModel;
  onModelChange: (model: GridRowSelectionModel) => void;
  /** True when "every match of the query", on every page, is selected, not just the rows ticked. */
  allMatching: boolean;
  /** The ticked rows' IDs (empty while all matches are selected). */
  ids: number[];
  /** How many rows are selected, given the query's total. */
  count: (total: number) => number;
  selectAllMatching: () => void;
  clear: () => void;
}

interface SelectionState {
  scope: string;
  allMatching: boolean;
  ids: ReadonlySet<GridRowId>;
}

/**
 * Selection of a server-paged grid: rows ticked on any page, or every row matching the query ("select all N").
 * It empties itself when `scope` (the query) changes, since the ticked rows may no longer match.
 */
export function useRowSelection(scope: string, pageIds: readonly GridRowId[]): RowSelection {
  const [state, setState] = useState<SelectionState>({ scope, allMatching: false, ids: new Set() });
  const current = state.scope === scope ? state : { scope, allMatching: false, ids: new Set<GridRowId>() };
  if (current !== state) setState(current);

  return {
    model: { type: 'include', ids: current.allMatching ? new Set(pageIds) : new Set(current.ids) },
    onModelChange: (model) => setState({ scope, allMatching: false, ids: new Set(model.type === 'include' ? model.ids : []) }),
    allMatching: current.allMatching,
    ids: [...current.ids].map(Number),
    count: (total) => (current.allMatching ? total : current.ids.size),
    selectAllMatching: () => setState({ scope, allMatching: true, ids: new Set() }),
    clear: () => setState({ scope, allMatching: false, ids: new Set() }),
  };
}
