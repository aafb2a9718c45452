import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { Control } from 'react-hook-form';
import type { Permissions } from '@contract/user.ts';
import { FormSwitch } from '@/components/form/form-switch.tsx';
import { permissionLabels } from '../user-summary.ts';
import type { UserFormInput } from '../user-form-schema.ts';

/** The four visibility permissions; read-only (with the reason) when the signed-in user may not change them. */
export function PermissionSwitches({ control, readOnlyReason }: { control: Control<UserFormInput>; readOnlyReason?: string }) {
  return (
    <Stack spacing={1.5}>
      {readOnlyReason && (
        <Alert severity="info" variant="outlined">
          {readOnlyReason}
        </Alert>
      )}
      {(Object.keys(permissionLabels) as (keyof Permissions)[]).map((permission) => (
        <FormSwitch
          key={permission}
          control={control}
          name={`Permissions.${permission}`}
          label={permissionLabels[permission].label}
          description={permissionLabels[permission].description}
          disabled={readOnlyReason !== undefined}
        />
      ))}
    </Stack>
  );
}
