import BlockOutlined from '@mui/icons-material/BlockOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import PauseCircleOutlined from '@mui/icons-material/PauseCircleOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import SyncOutlined from '@mui/icons-material/SyncOutlined';
import TimerOffOutlined from '@mui/icons-material/TimerOffOutlined';
import Chip, { type ChipProps } from '@mui/material/Chip';
import type { ReactElement } from 'react';
import type { BroadcastStatusCategory } from '@contract/broadcast.ts';
import { MISSING } from '@/utils/missing.ts';
import { categoryLabels } from '../broadcast-display.ts';

const looks: Record<BroadcastStatusCategory, { color: ChipProps['color']; icon: ReactElement }> = {
  Scheduled: { color: 'info', icon: <ScheduleOutlined /> },
  InProgress: { color: 'primary', icon: <SyncOutlined /> },
  Paused: { color: 'warning', icon: <PauseCircleOutlined /> },
  Completed: { color: 'success', icon: <CheckCircleOutlined /> },
  Canceled: { color: 'default', icon: <BlockOutlined /> },
  Expired: { color: 'error', icon: <TimerOffOutlined /> },
};

const lightModeText = { info: '#01579b', warning: '#a84300' } as const;

/** A broadcast's status category as a coloured chip with an icon, so it does not rely on colour alone. */
export function BroadcastStatusChip({ category, size = 'small' }: { category: BroadcastStatusCategory | null; size?: ChipProps['size'] }) {
  // A status the API left out, or one we do not know.
  if (category === null || !(category in looks)) return <Chip size={size} variant="outlined" label={MISSING} />;
  const { color, icon } = looks[category];
  return (
    <Chip
      size={size}
      variant="outlined"
      color={color}
      icon={icon}
      label={categoryLabels[category]}
      sx={[
        { fontWeight: 500 },
        // Info and warning are too light for small text on white; these darker shades pass WCAG AA in light mode.
        (color === 'info' || color === 'warning') &&
          ((theme) => {
            const text = lightModeText[color];
            const dark = theme.vars?.palette[color].light;
            return { color: text, '& .MuiChip-icon': { color: text }, ...theme.applyStyles('dark', { color: dark, '& .MuiChip-icon': { color: dark } }) };
          }),
      ]}
    />
  );
}
