import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { Controller, type Control } from 'react-hook-form';
import type { Permissions } from '@/api/schemas/user.ts';
import { permissionLabels } from '../user-summary.ts';
import type { UserFormInput } from './user-form-schema.ts';

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
        <Controller
          key={permission}
          control={control}
          name={`Permissions.${permission}`}
          render={({ field }) => (
            <FormControlLabel
              disabled={readOnlyReason !== undefined}
              sx={{ alignItems: 'flex-start', ml: 0, gap: 1.5 }}
              control={
                <Switch
                  checked={Boolean(field.value)}
                  onChange={(event) => field.onChange(event.target.checked)}
                  onBlur={field.onBlur}
                  name={field.name}
                  slotProps={{ input: { ref: field.ref } }}
                  sx={{ mt: -0.5 }}
                />
              }
              label={
                <Box>
                  <Typography variant="body1">{permissionLabels[permission].label}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {permissionLabels[permission].description}
                  </Typography>
                </Box>
              }
            />
          )}
        />
      ))}
    </Stack>
  );
}
