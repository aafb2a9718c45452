import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PieChart } from '@mui/x-charts/PieChart';
import { formatCount } from '@/utils/format-number.ts';
import type { ResultGroup } from '../broadcast-display.ts';
import { formatShare } from '../report-figures.ts';
import { FilterToggle } from './filter-toggle.tsx';

export interface ResultBreakdownProps {
  groups: ResultGroup[];
  total: number;
  /** The result the details are filtered to (an API value, '' for none yet), or null for all. */
  selected: string | null;
  onSelect: (value: string | null) => void;
}

/**
 * Results as a donut with a legend of buttons: clicking a slice or its legend entry shows those numbers below,
 * clicking it again shows everyone. The legend carries the numbers too, so nothing depends on reading the chart.
 */
export function ResultBreakdown({ groups, total, selected, onSelect }: ResultBreakdownProps) {
  const shown = groups.filter((group) => group.count > 0);
  const toggle = (value: string) => onSelect(selected === value ? null : value);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: 'center' }}>
      <Box sx={{ position: 'relative', width: 180, height: 180, flexShrink: 0 }}>
        <PieChart
          width={180}
          height={180}
          hideLegend
          margin={0}
          skipAnimation
          series={[
            {
              innerRadius: 56,
              outerRadius: 86,
              paddingAngle: shown.length > 1 ? 1.5 : 0,
              cornerRadius: 3,
              highlightScope: { fade: 'global', highlight: 'item' },
              faded: { additionalRadius: -4, color: 'var(--mui-palette-action-disabled)' },
              valueFormatter: (item) => `${formatCount(item.value)} (${formatShare(item.value, total)})`,
              data: shown.map((group) => ({ id: group.value || 'none', value: group.count, label: group.label, color: group.color })),
            },
          ]}
          onItemClick={(_event, item) => toggle(shown[item.dataIndex]!.value)}
          aria-hidden
        />
        <Box sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', pointerEvents: 'none', textAlign: 'center' }}>
          <div>
            <Typography component="p" sx={{ fontSize: '1.5rem', fontWeight: 600, lineHeight: 1.1 }}>
              {formatCount(total)}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              numbers
            </Typography>
          </div>
        </Box>
      </Box>
      <Stack component="ul" aria-label="Results" spacing={0.5} sx={{ listStyle: 'none', p: 0, m: 0, width: '100%', minWidth: 0 }}>
        {groups
          .filter((group) => group.count > 0 || group.value !== '')
          .map((group) => {
            const active = selected === group.value;
            return (
              <li key={group.value || 'none'}>
                <FilterToggle
                  fullWidth
                  active={active}
                  onToggle={() => toggle(group.value)}
                  label={`${group.label}: ${formatCount(group.count)} (${formatShare(group.count, total)})`}
                >
                  <Box component="span" aria-hidden sx={{ width: 12, height: 12, borderRadius: '3px', bgcolor: group.color, flexShrink: 0 }} />
                  <Typography variant="body2" component="span" noWrap sx={{ flexGrow: 1, textAlign: 'left' }}>
                    {group.label}
                  </Typography>
                  <Typography variant="body2" component="span" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                    {formatCount(group.count)}
                  </Typography>
                  <Typography
                    variant="body2"
                    component="span"
                    color="textSecondary"
                    sx={{ minWidth: 48, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
                  >
                    {formatShare(group.count, total)}
                  </Typography>
                </FilterToggle>
              </li>
            );
          })}
      </Stack>
    </Stack>
  );
}
