import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';
import { lazy, Suspense, useState } from 'react';
import { DeferredTooltip } from '../data-display/deferred-tooltip.tsx';
import { colorModes } from './color-modes.ts';

// The menu's code loads when it is first opened.
const ColorModeMenu = lazy(() => import('./color-mode-menu.tsx').then((module) => ({ default: module.ColorModeMenu })));

/** Light, dark, or whatever the system prefers (the default); remembered in this browser. */
export function ColorModeToggle() {
  const { mode, setMode } = useColorScheme();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [opened, setOpened] = useState(false);
  const current = colorModes.find((option) => option.value === mode) ?? colorModes[0];

  return (
    <>
      <DeferredTooltip title={`Theme: ${current.label}`}>
        <IconButton
          color="inherit"
          aria-label="Change theme"
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(event) => {
            setAnchor(event.currentTarget);
            setOpened(true);
          }}
        >
          <current.Icon />
        </IconButton>
      </DeferredTooltip>
      {opened && (
        <Suspense fallback={null}>
          <ColorModeMenu
            anchor={anchor}
            current={current.value}
            onChoose={(value) => {
              setMode(value);
              setAnchor(null);
            }}
            onClose={() => setAnchor(null)}
          />
        </Suspense>
      )}
    </>
  );
}
