import LinearProgress, { linearProgressClasses } from '@mui/material/LinearProgress';
import { keyframes } from '@mui/material/styles';

// MUI's indeterminate bars move by `left` and `right`, so the page lays out and paints on its main thread every frame
// for as long as a check or an import runs (a minute at a million rows), and the garbage that leaves made long
// collections there. The same two bars moved by transform alone are animated by the compositor instead.
// translateX(a) scaleX(s) from the left edge covers a..a+s of the track, as `left: a; right: 1 - a - s` did.
const firstBar = keyframes`
  0% { transform: translateX(-35%) scaleX(0.35); }
  60%, 100% { transform: translateX(100%) scaleX(0.9); }
`;
const secondBar = keyframes`
  0% { transform: translateX(-200%) scaleX(2); }
  60%, 100% { transform: translateX(107%) scaleX(0.01); }
`;

/** An indeterminate progress bar for the long steps of an import, drawn off the main thread. */
export function ImportProgress({ label }: { label: string }) {
  return (
    <LinearProgress
      aria-label={label}
      sx={{
        [`& .${linearProgressClasses.bar}`]: { left: 0, right: 0, width: '100%', transformOrigin: 'left', willChange: 'transform' },
        [`& .${linearProgressClasses.bar1}`]: { animation: `${firstBar} 2.1s cubic-bezier(0.65, 0.815, 0.735, 0.395) infinite` },
        [`& .${linearProgressClasses.bar2}`]: { animation: `${secondBar} 2.1s cubic-bezier(0.165, 0.84, 0.44, 1) 1.15s infinite` },
        '@media (prefers-reduced-motion: reduce)': {
          [`& .${linearProgressClasses.bar1}`]: { animation: 'none', transform: 'translateX(30%) scaleX(0.4)' },
          [`& .${linearProgressClasses.bar2}`]: { display: 'none' },
        },
      }}
    />
  );
}
