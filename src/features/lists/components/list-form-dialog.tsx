import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { fieldErrorsOf } from '@/api/field-errors.ts';
import { useCreateList, useUpdateList } from '@/api/resources/lists/list-mutations.ts';
import { listInputSchema, type ContactList, type ListInput } from '@contract/list.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { isCreatedUnread, type CreatedUnread } from '@/api/api-client.ts';
import { textOr } from '@/utils/missing.ts';
import { failureSeverityOf } from '@/utils/not-offered.ts';

export interface ListFormDialogProps {
  open: boolean;
  /** The list to rename; without one the dialog creates a list. */
  list?: ContactList;
  onClose: () => void;
  onSaved?: (list: ContactList) => void;
}

/** Creating and renaming a list share this form; a name in use is reported beside the name. */
export function ListFormDialog({ open, list, onClose, onSaved }: ListFormDialogProps) {
  const titleId = useId();
  const formId = useId();
  const notify = useNotify();
  const create = useCreateList();
  const update = useUpdateList();
  const mutation = list ? update : create;
  const { control, handleSubmit, setError, reset, getValues } = useForm<ListInput>({
    resolver: zodResolver(listInputSchema),
    values: { ListName: list?.ListName ?? '', ListDescription: list?.ListDescription ?? '' },
  });

  const close = () => {
    reset();
    create.reset();
    update.reset();
    onClose();
  };
  // A name another list has is the API's Conflict.
  const serverErrorsOf = (error: unknown) => fieldErrorsOf(error, ['ListName', 'ListDescription'], { Conflict: 'ListName' });
  const showServerError = (error: unknown) => {
    Object.entries(serverErrorsOf(error).fields).forEach(([field, message], index) =>
      setError(field as keyof ListInput, { message }, { shouldFocus: index === 0 }),
    );
  };
  const saved = (result: ContactList | CreatedUnread) => {
    // Created, even when the answer could not be read (decision 92).
    if (isCreatedUnread(result)) {
      notify({ message: `List “${getValues('ListName')}” created.` });
      close();
      return;
    }
    notify({ message: list ? 'List saved.' : `List “${textOr(result.ListName)}” created.` });
    onSaved?.(result);
    close();
  };
  const submit = handleSubmit((values) =>
    list
      ? update.mutate({ listId: list.ListID, input: values }, { onSuccess: saved, onError: showServerError })
      : create.mutate(values, { onSuccess: saved, onError: showServerError }),
  );
  // What belongs to no field is said above the form; the rest is beside its field.
  const formError = mutation.isError ? serverErrorsOf(mutation.error).message : null;

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{list ? 'Rename list' : 'New list'}</DialogTitle>
      <DialogContent>
        <Box component="form" id={formId} noValidate onSubmit={submit} sx={{ pt: 1 }}>
          {formError && (
            <Alert severity={failureSeverityOf(mutation.error)} role="alert" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <FormTextField control={control} name="ListName" label="Name" required autoFocus fullWidth />
          <FormTextField control={control} name="ListDescription" label="Description" fullWidth multiline minRows={2} />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button type="submit" form={formId} variant="contained" loading={mutation.isPending}>
          {list ? 'Save' : 'Create list'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
