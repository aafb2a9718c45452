import ButtonBase from '@mui/material/ButtonBase';
import type { ReactNode } from 'react';

export interface FilterToggleProps {
  /** Whether the report is filtered to this entry now. */
  active: boolean;
  onToggle: () => void;
  /** A full name for screen readers when the visible text is split into parts ("Live answer: 1,200 (68%)"). */
  label?: string;
  /** Spread across the row (legend entries) or sized to its text (chips). */
  fullWidth?: boolean;
  children: ReactNode;
}

/** A chart's legend entry that filters the numbers below to it: a toggle button that shows when it is in effect. */
export function FilterToggle({ active, onToggle, label, fullWidth = false, children }: FilterToggleProps) {
  return (
    <ButtonBase
      onClick={onToggle}
      aria-pressed={active}
      aria-label={label}
      sx={{
        width: fullWidth ? '100%' : 'auto',
        justifyContent: 'flex-start',
        gap: 1.25,
        px: 1.25,
        py: fullWidth ? 0.75 : 0.5,
        borderRadius: 1.5,
        border: 1,
        borderColor: active ? 'primary.main' : fullWidth ? 'transparent' : 'divider',
        bgcolor: active ? 'action.selected' : 'transparent',
        '&:hover': { bgcolor: 'action.hover' },
        '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 1 },
      }}
    >
      {children}
    </ButtonBase>
  );
}
