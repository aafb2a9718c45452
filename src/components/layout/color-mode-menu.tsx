import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { colorModes, type ColorMode } from './color-modes.ts';

/** The colour mode choices, as a menu under the toggle. */
export function ColorModeMenu({
  anchor,
  current,
  onChoose,
  onClose,
}: {
  anchor: HTMLElement | null;
  current: ColorMode;
  onChoose: (mode: ColorMode) => void;
  onClose: () => void;
}) {
  return (
    <Menu anchorEl={anchor} open={anchor !== null} onClose={onClose}>
      {colorModes.map(({ value, label, Icon }) => (
        <MenuItem key={value} selected={value === current} role="menuitemradio" aria-checked={value === current} onClick={() => onChoose(value)}>
          <ListItemIcon>
            <Icon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{label}</ListItemText>
        </MenuItem>
      ))}
    </Menu>
  );
}
