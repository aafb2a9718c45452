import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';

/** Marks the embedded sandbox in the top bar, so no one mistakes it for the real service. */
export function SandboxBadge() {
  return (
    <Tooltip title="Connected to the built-in sandbox: nothing is really called or texted.">
      <Chip label="Sandbox" size="small" color="warning" variant="outlined" />
    </Tooltip>
  );
}
