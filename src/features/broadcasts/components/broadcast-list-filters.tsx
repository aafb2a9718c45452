import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import CalendarTodayOutlined from '@mui/icons-material/CalendarTodayOutlined';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { lazy, Suspense, useState } from 'react';
import { broadcastStatusCategories, broadcastTypes } from '@contract/broadcast.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { FilterTabs } from '@/components/data-table/filter-tabs.tsx';
import { categoryLabels, typeLabels, type BroadcastListFilter } from '../broadcast-display.ts';

export interface BroadcastListFiltersProps {
  filters: Record<BroadcastListFilter, string>;
  search: string;
  onFiltersChange: (changes: Partial<Record<BroadcastListFilter, string | null>>) => void;
  onSearchChange: (search: string) => void;
}

// The date pickers are most of the list's code, and most visits never touch them: plain fields that look the same
// stand in until one is focused, and the pickers take their place, focused where the user was. Their code starts
// loading as soon as the pointer comes near.
const loadStartDateFilters = () => import('./start-date-filters.tsx');
const StartDateFilters = lazy(() => loadStartDateFilters().then((module) => ({ default: module.StartDateFilters })));

const statusTabs = [{ value: 'all', label: 'All' }, ...broadcastStatusCategories.map((category) => ({ value: category, label: categoryLabels[category] }))];

type DateField = 'from' | 'to';
const dateFieldLabels: Record<DateField, string> = { from: 'Starting from', to: 'Starting until' };

function DateFieldStandIns({ onFocusField }: { onFocusField: (field: DateField) => void }) {
  return (['from', 'to'] as const).map((field) => (
    <TextField
      key={field}
      size="small"
      label={dateFieldLabels[field]}
      placeholder="MM/DD/YYYY"
      onPointerEnter={() => void loadStartDateFilters()}
      onFocus={() => onFocusField(field)}
      slotProps={{
        htmlInput: { readOnly: true },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <CalendarTodayOutlined fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
      sx={{ maxWidth: { md: 190 } }}
    />
  ));
}

/** The list's filters: status category as tabs, then type, start dates and a name search. All of it lives in the URL. */
export function BroadcastListFilters({ filters, search, onFiltersChange, onSearchChange }: BroadcastListFiltersProps) {
  const [focusedField, setFocusedField] = useState<DateField | undefined>(undefined);
  // A range already in the URL needs the pickers to show it.
  const showPickers = focusedField !== undefined || Boolean(filters.from || filters.to);
  return (
    <Stack spacing={2} sx={{ mb: 2 }}>
      <FilterTabs
        label="Status"
        value={filters.category || 'all'}
        options={statusTabs}
        onChange={(value) => onFiltersChange({ category: value === 'all' ? null : value })}
      />
      {/* Top-aligned: a date's message below it moves nothing beside it. */}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'flex-start' } }}>
        <DebouncedSearchField label="Search by name" value={search} onChange={onSearchChange} />
        <TextField
          select
          size="small"
          label="Type"
          value={filters.type}
          onChange={(event) => onFiltersChange({ type: event.target.value || null })}
          sx={{ minWidth: 180, maxWidth: { md: 200 } }}
        >
          <MenuItem value="">Any type</MenuItem>
          {broadcastTypes.map((type) => (
            <MenuItem key={type} value={type}>
              {typeLabels[type]}
            </MenuItem>
          ))}
        </TextField>
        {showPickers ? (
          <Suspense fallback={<DateFieldStandIns onFocusField={setFocusedField} />}>
            <StartDateFilters from={filters.from} to={filters.to} onFiltersChange={onFiltersChange} autoFocus={focusedField} />
          </Suspense>
        ) : (
          <DateFieldStandIns onFocusField={setFocusedField} />
        )}
      </Stack>
    </Stack>
  );
}
