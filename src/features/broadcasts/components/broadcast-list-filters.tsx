import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { dayjs, type Dayjs } from '@/utils/dayjs.ts';
import { broadcastStatusCategories, broadcastTypes } from '@/api/schemas/broadcast.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { categoryLabels, typeLabels, type BroadcastListFilter } from '../broadcast-display.ts';
import { DatePickersProvider } from '@/components/form/date-pickers-provider.tsx';

export interface BroadcastListFiltersProps {
  filters: Record<BroadcastListFilter, string>;
  search: string;
  onFiltersChange: (changes: Partial<Record<BroadcastListFilter, string | null>>) => void;
  onSearchChange: (search: string) => void;
}

const DAY_FORMAT = 'YYYY-MM-DD';
const toDay = (value: string) => (value && dayjs(value, DAY_FORMAT).isValid() ? dayjs(value, DAY_FORMAT) : null);
const fromDay = (value: Dayjs | null) => (value?.isValid() ? value.format(DAY_FORMAT) : null);

/** The list's filters: status category as tabs, then type, start dates and a name search. All of it lives in the URL. */
export function BroadcastListFilters({ filters, search, onFiltersChange, onSearchChange }: BroadcastListFiltersProps) {
  const from = toDay(filters.from);
  const to = toDay(filters.to);
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
      <DatePickersProvider>
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
          <DatePicker
            label="Starting from"
            value={from}
            maxDate={to ?? undefined}
            onChange={(value) => onFiltersChange({ from: fromDay(value) })}
            slotProps={{ textField: { size: 'small', sx: { maxWidth: { md: 190 } } }, field: { clearable: true } }}
          />
          <DatePicker
            label="Starting until"
            value={to}
            minDate={from ?? undefined}
            onChange={(value) => onFiltersChange({ to: fromDay(value) })}
            slotProps={{ textField: { size: 'small', sx: { maxWidth: { md: 190 } } }, field: { clearable: true } }}
          />
        </Stack>
      </DatePickersProvider>
    </Stack>
  );
}
