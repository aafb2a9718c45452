import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import SettingsBrightnessOutlined from '@mui/icons-material/SettingsBrightnessOutlined';

/** The colour modes a user can pick: what the system prefers (the default), light or dark. */
export const colorModes = [
  { value: 'system', label: 'Match system', Icon: SettingsBrightnessOutlined },
  { value: 'light', label: 'Light', Icon: LightModeOutlined },
  { value: 'dark', label: 'Dark', Icon: DarkModeOutlined },
] as const;
export type ColorMode = (typeof colorModes)[number]['value'];
