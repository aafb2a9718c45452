import type { TooltipProps } from '@mui/material/Tooltip';
import { lazy, Suspense } from 'react';

const Tooltip = lazy(() => import('@mui/material/Tooltip'));

/**
 * A tooltip for the app's frame. Its code (and the positioning library under it) is not part of the first load: the
 * element renders at once and gains its tooltip when that code arrives, just after. Give the element its own
 * accessible name (aria-label); the tooltip only repeats it for the eye.
 */
export function DeferredTooltip(props: TooltipProps) {
  return (
    <Suspense fallback={props.children}>
      <Tooltip {...props} />
    </Suspense>
  );
}
