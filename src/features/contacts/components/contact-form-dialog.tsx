import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { fieldErrorsOf } from '@/api/field-errors.ts';
import { useCreateContact, useUpdateContact } from '@/api/resources/contacts/contact-mutations.ts';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import { CONTACT_LIMITS, contactIdOf, type Contact, type ContactInput } from '@contract/contact.ts';
import { contactFormSchema, type ContactFormValues, type ContactPhoneField } from '@contract/contact-phones.ts';
import { normalizePhoneNumber } from '@contract/phone-number.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { FormCheckbox } from '@/components/form/form-checkbox.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { textOr } from '@/utils/missing.ts';
import { isCreatedUnread, type CreatedUnread } from '@/api/api-client.ts';
import { failureSeverityOf } from '@/utils/not-offered.ts';

export interface ContactFormDialogProps {
  open: boolean;
  /** The contact to edit; without one the dialog creates a contact. */
  contact?: Contact;
  onClose: () => void;
  onSaved?: (contact: Contact) => void;
}

type FormValues = ContactFormValues;

const phoneRows = [
  { phone: 'PrimaryPhone', doNotCall: 'DoNotCallPrimaryPhone', label: 'Primary phone' },
  { phone: 'SecondaryPhone', doNotCall: 'DoNotCallSecondaryPhone', label: 'Secondary phone' },
  { phone: 'TertiaryPhone', doNotCall: 'DoNotCallTertiaryPhone', label: 'Tertiary phone' },
] as const;

function valuesOf(contact: Contact | undefined): Required<FormValues> {
  return {
    FirstName: contact?.FirstName ?? '',
    LastName: contact?.LastName ?? '',
    PrimaryPhone: formatPhoneNumber(contact?.PrimaryPhone),
    SecondaryPhone: formatPhoneNumber(contact?.SecondaryPhone),
    TertiaryPhone: formatPhoneNumber(contact?.TertiaryPhone),
    Notes: contact?.Notes ?? '',
    IntegrationData: contact?.IntegrationData ?? '',
    DoNotCallPrimaryPhone: contact?.DoNotCallPrimaryPhone ?? false,
    DoNotCallSecondaryPhone: contact?.DoNotCallSecondaryPhone ?? false,
    DoNotCallTertiaryPhone: contact?.DoNotCallTertiaryPhone ?? false,
    Lists: [],
  };
}

/** "Saved as (214) 555-1234" under a phone typed another way, so people see what will be stored. */
function PhoneField({ control, name, label, required }: { control: Control<FormValues>; name: ContactPhoneField; label: string; required: boolean }) {
  const value = useWatch({ control, name }) ?? '';
  const check = normalizePhoneNumber(value);
  const preview = check.ok && formatPhoneNumber(check.digits) !== value.trim() ? `Saved as ${formatPhoneNumber(check.digits)}` : undefined;
  return <FormTextField control={control} name={name} label={label} required={required} type="tel" autoComplete="off" helperText={preview} sx={{ flex: 1 }} />;
}

function ListsField({ control }: { control: Control<FormValues> }) {
  const lists = useQuery(listQueries.list({ pageSize: 1000, filters: [{ field: 'ListType', op: 'eq', value: 'User' }] }));
  const options = lists.data?.Items ?? [];
  return (
    <Controller
      control={control}
      name="Lists"
      render={({ field }) => (
        <Autocomplete
          multiple
          options={options}
          loading={lists.isPending}
          value={options.filter((list) => (field.value ?? []).some((ref) => Number(ref.ListID) === list.ListID))}
          onChange={(_event, chosen) => field.onChange(chosen.map((list) => ({ ListID: list.ListID })))}
          getOptionLabel={(list) => textOr(list.ListName)}
          isOptionEqualToValue={(option, value) => option.ListID === value.ListID}
          renderInput={(params) => <TextField {...params} label="Lists" helperText="Besides Everyone. Optional." />}
        />
      )}
    />
  );
}

/** One form for creating and editing a contact, checked as the server checks it; errors stay beside their fields. */
export function ContactFormDialog({ open, contact, onClose, onSaved }: ContactFormDialogProps) {
  const titleId = useId();
  const formId = useId();
  const notify = useNotify();
  const create = useCreateContact();
  const update = useUpdateContact();
  const editing = contact !== undefined;
  const { control, handleSubmit, setError, reset, formState } = useForm<FormValues, unknown, ContactInput>({
    resolver: zodResolver(contactFormSchema),
    values: valuesOf(contact),
  });
  const mutation = editing ? update : create;

  const close = () => {
    reset(valuesOf(contact));
    create.reset();
    update.reset();
    onClose();
  };

  const formFields = Object.keys(valuesOf(undefined));
  const showServerError = (error: unknown) => {
    Object.entries(fieldErrorsOf(error, formFields).fields).forEach(([field, message], index) =>
      setError(field as keyof FormValues, { message }, { shouldFocus: index === 0 }),
    );
  };

  const saved = (result: Contact | CreatedUnread, sent: Partial<ContactInput>) => {
    // Created, even when the answer could not be read (decision 92): say so and close, never offer to create again.
    if (isCreatedUnread(result)) {
      notify({ message: 'Contact created.' });
      close();
      return;
    }
    const keptByOptOut = phoneRows.filter((row) => sent[row.doNotCall] === false && result[row.doNotCall] === true);
    notify({
      severity: keptByOptOut.length > 0 ? 'info' : 'success',
      message:
        keptByOptOut.length > 0
          ? 'Saved. The number stays do-not-call: it is opted out for the whole account (see Opt-outs).'
          : editing
            ? 'Contact saved.'
            : 'Contact created.',
    });
    onSaved?.(result);
    close();
  };

  const submit = handleSubmit((values) => {
    if (!editing) {
      create.mutate(values, { onSuccess: (result) => saved(result, values), onError: showServerError });
      return;
    }
    // Only what was changed: a do-not-call box shown ticked because of an account opt-out must not become a flag.
    const changed = Object.fromEntries(
      Object.entries(values).filter(([field]) => field !== 'Lists' && formState.dirtyFields[field as keyof FormValues]),
    ) as Partial<ContactInput>;
    if (Object.keys(changed).length === 0) {
      close();
      return;
    }
    update.mutate({ personId: contactIdOf(contact)!, input: changed }, { onSuccess: (result) => saved(result, changed), onError: showServerError });
  });

  // What belongs to no field is said above the form; the rest is beside its field.
  const formError = mutation.isError ? fieldErrorsOf(mutation.error, formFields).message : null;
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{editing ? 'Edit contact' : 'New contact'}</DialogTitle>
      <DialogContent>
        <Box component="form" id={formId} noValidate onSubmit={submit} sx={{ pt: 1 }}>
          {formError && (
            <Alert severity={failureSeverityOf(mutation.error)} role="alert" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          )}
          <Stack spacing={1}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormTextField control={control} name="FirstName" label="First name" autoFocus sx={{ flex: 1 }} />
              <FormTextField control={control} name="LastName" label="Last name" sx={{ flex: 1 }} />
            </Stack>
            {phoneRows.map((row) => (
              <Stack key={row.phone} direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                <PhoneField control={control} name={row.phone} label={row.label} required={row.phone === 'PrimaryPhone'} />
                <Box sx={{ pt: 1, minWidth: 130 }}>
                  <FormCheckbox control={control} name={row.doNotCall} label="Do not call" />
                </Box>
              </Stack>
            ))}
            <FormTextField control={control} name="Notes" label="Notes" fullWidth helperText={`Up to ${CONTACT_LIMITS.notes} characters`} />
            <FormTextField
              control={control}
              name="IntegrationData"
              label="Integration data"
              fullWidth
              helperText="An ID from another system, e.g. a student number"
            />
            {!editing && <ListsField control={control} />}
          </Stack>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button type="submit" form={formId} variant="contained" loading={mutation.isPending}>
          {editing ? 'Save' : 'Create contact'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
