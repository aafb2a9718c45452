import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contactQueries } from '@/api/resources/contacts/contact-queries.ts';
import { useAddListMembers } from '@/api/resources/lists/list-mutations.ts';
import { contactIdOf, contactNameOf, type Contact } from '@/api/schemas/contact.ts';
import { formatPhoneNumber } from '@/api/schemas/phone-number.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { useDebouncedValue } from '@/hooks/use-debounced-value.ts';
import { formatCount } from '@/utils/format-number.ts';

/** Finds contacts by name or number as you type and adds the chosen ones to a list. */
export function ContactPicker({ listId, listName }: { listId: number; listName: string }) {
  const notify = useNotify();
  const add = useAddListMembers();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Contact[]>([]);
  const search = useDebouncedValue(text.trim());
  const matches = useQuery({ ...contactQueries.list({ search, pageSize: 20 }), enabled: search.length > 0 });
  const label = (contact: Contact) => contactNameOf(contact) || formatPhoneNumber(contact.PrimaryPhone);

  const addChosen = () =>
    add.mutate(
      { listId, personIds: chosen.map((contact) => contactIdOf(contact)!) },
      {
        onSuccess: (result) => {
          const already = chosen.length - result.Count;
          notify({
            message: `${formatCount(result.Count)} added to ${listName}${already > 0 ? `; ${formatCount(already)} already in it` : ''}.`,
          });
          setChosen([]);
          setText('');
        },
      },
    );

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
      <Autocomplete
        multiple
        size="small"
        sx={{ flex: 1, minWidth: 280 }}
        options={search ? (matches.data?.Items ?? []) : []}
        value={chosen}
        onChange={(_event, value) => setChosen(value)}
        inputValue={text}
        onInputChange={(_event, value, reason) => {
          if (reason !== 'reset') setText(value);
        }}
        filterOptions={(options) => options}
        loading={matches.isFetching}
        getOptionLabel={label}
        isOptionEqualToValue={(option, value) => contactIdOf(option) === contactIdOf(value)}
        noOptionsText={search ? 'No contact matches.' : 'Type a name or a number.'}
        renderOption={({ key, ...props }, contact) => (
          <Box component="li" key={key} {...props}>
            <Box>
              <Typography variant="body2">{contactNameOf(contact) || 'No name'}</Typography>
              <Typography variant="caption" color="text.secondary">
                {formatPhoneNumber(contact.PrimaryPhone)}
              </Typography>
            </Box>
          </Box>
        )}
        renderInput={(params) => <TextField {...params} label="Add contacts" placeholder="Search by name or number" />}
      />
      <Button variant="contained" startIcon={<PersonAddOutlined />} disabled={chosen.length === 0} loading={add.isPending} onClick={addChosen}>
        {chosen.length > 1 ? `Add ${chosen.length}` : 'Add'}
      </Button>
    </Stack>
  );
}
