import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { lazy, Suspense } from 'react';
import { broadcastStatusCategories, broadcastTypes } from '@/api/schemas/broadcast.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { categoryLabels, typeLabels, type BroadcastListFilter } from '../broadcast-display.ts';

export interface BroadcastListFiltersProps {
  filters: Record<BroadcastListFilter, string>;
  search: string;
  onFiltersChange: (changes: Partial<Record<BroadcastListFilter, string | null>>) => void;
  onSearchChange: (search: string) => void;
}

// The date pickers are most of the list's code: fields that look the same hold their place until they arrive.
const StartDateFilters = lazy(() => import('./start-date-filters.tsx').then((module) => ({ default: module.StartDateFilters })));

/** The list's filters: status category as tabs, then type, start dates and a name search. All of it lives in the URL. */
export function BroadcastListFilters({ filters, search, onFiltersChange, onSearchChange }: BroadcastListFiltersProps) {
  return (
    <Stack spacing={2} sx={{ mb: 2 }}>
      <Tabs
        value={filters.category || 'all'}
        onChange={(_event, value: string) => onFiltersChange({ category: value === 'all' ? null : value })}
        aria-label="Status"
        variant="scrollable"
        allowScrollButtonsMobile
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="all" label="All" />
        {broadcastStatusCategories.map((category) => (
          <Tab key={category} value={category} label={categoryLabels[category]} />
        ))}
      </Tabs>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' } }}>
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
        <Suspense
          fallback={
            <>
              <TextField size="small" label="Starting from" disabled value={filters.from} sx={{ maxWidth: { md: 190 } }} />
              <TextField size="small" label="Starting until" disabled value={filters.to} sx={{ maxWidth: { md: 190 } }} />
            </>
          }
        >
          <StartDateFilters from={filters.from} to={filters.to} onFiltersChange={onFiltersChange} />
        </Suspense>
      </Stack>
    </Stack>
  );
}
