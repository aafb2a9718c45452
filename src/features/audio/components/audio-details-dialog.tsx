import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useUpdateAudio } from '@/api/resources/audio/audio-mutations.ts';
import { audioUpdateInputSchema, type Audio, type AudioUpdateInput } from '@contract/audio.ts';
import { FormSwitch } from '@/components/form/form-switch.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { textOr } from '@/utils/missing.ts';

/** Renames an item, describes it, and shares it with the team (or stops sharing it). */
export function AudioDetailsDialog({ item, onClose }: { item: Audio; onClose: () => void }) {
  const titleId = useId();
  const updateAudio = useUpdateAudio();
  const notify = useNotify();
  const { control, handleSubmit } = useForm<AudioUpdateInput>({
    resolver: zodResolver(audioUpdateInputSchema),
    defaultValues: { Name: item.Name ?? '', Description: item.Description ?? '', Shared: item.Shared ?? false },
  });

  const submit = handleSubmit((values) =>
    updateAudio.mutate(
      { audioId: item.AudioID, input: values },
      {
        onSuccess: (saved) => {
          notify({ message: `Saved ${textOr(saved.Name)}.` });
          onClose();
        },
      },
    ),
  );

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>Edit details</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ pt: 1 }}>
            <FormTextField control={control} name="Name" label="Name" required autoFocus />
            <FormTextField control={control} name="Description" label="Description" multiline minRows={2} />
            <FormSwitch control={control} name="Shared" label="Share with the team" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={updateAudio.isPending}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
