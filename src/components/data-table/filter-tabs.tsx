import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import { useRef, type KeyboardEvent } from 'react';

export interface FilterTabsProps<Value extends string> {
  /** Names the tab list for screen readers. */
  label: string;
  value: Value;
  options: ReadonlyArray<{ value: Value; label: string }>;
  onChange: (value: Value) => void;
}

/**
 * Tabs that choose a list's filter, drawn without measuring anything: MUI's Tabs read every tab's size on mount and
 * on each change to place their indicator and scroll buttons, which on a first load forces the browser to lay the
 * whole page out early. These underline the chosen tab with CSS and scroll sideways where they do not fit.
 * Keyboard as in WAI-ARIA tabs: one tab stop; arrows, Home and End move between tabs; Enter or Space chooses.
 */
export function FilterTabs<Value extends string>({ label, value, options, onChange }: FilterTabsProps<Value>) {
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const focusTab = (index: number) => tabs.current[(index + options.length) % options.length]?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.current.findIndex((tab) => tab === document.activeElement);
    const target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: options.length - 1 }[event.key];
    if (current === -1 || target === undefined) return;
    event.preventDefault();
    focusTab(target);
  };

  return (
    <Box
      role="tablist"
      aria-label={label}
      onKeyDown={onKeyDown}
      sx={{ display: 'flex', overflowX: 'auto', scrollbarWidth: 'none', borderBottom: 1, borderColor: 'divider' }}
    >
      {options.map((option, index) => {
        const selected = option.value === value;
        return (
          <ButtonBase
            key={option.value}
            ref={(tab) => {
              tabs.current[index] = tab;
            }}
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(option.value)}
            sx={(theme) => ({
              ...theme.typography.button,
              flexShrink: 0,
              minHeight: 48,
              px: 2,
              color: selected ? 'primary.main' : 'text.secondary',
              boxShadow: selected ? `inset 0 -2px 0 ${(theme.vars ?? theme).palette.primary.main}` : 'none',
              '&.Mui-focusVisible': { bgcolor: 'action.focus' },
            })}
          >
            {option.label}
          </ButtonBase>
        );
      })}
    </Box>
  );
}
