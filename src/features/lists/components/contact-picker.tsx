import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useContactSearch } from '@/api/resources/contacts/use-contact-search.ts';
import { useAddListMembers } from '@/api/resources/lists/list-mutations.ts';
import { contactIdOf, contactNameOf, type Contact } from '@contract/contact.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { renderAutocompleteOption } from '@/components/form/autocomplete-option.tsx';
import { formatCount } from '@/utils/format-number.ts';
import { useNotOfferedSentence } from '@/api/route-availability.ts';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';

/** Finds contacts by name or number as you type and adds the chosen ones to a list. */
export function ContactPicker({ listId, listName }: { listId: number; listName: string }) {
  const notify = useNotify();
  const add = useAddListMembers();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Contact[]>([]);
  const matches = useContactSearch(text, 20);
  const label = (contact: Contact) => contactNameOf(contact) || formatPhoneNumber(contact.PrimaryPhone);
  // Adding existing contacts to a list is an [inferred] route (decision 0131).
  const notOffered = useNotOfferedSentence('listAddContacts');
  if (notOffered) return <NotOfferedNote sentence={notOffered} />;

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
        options={matches.contacts}
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
        noOptionsText={matches.noOptionsText}
        renderOption={(props, contact) =>
          renderAutocompleteOption(props, contactNameOf(contact) || 'No name', formatPhoneNumber(contact.PrimaryPhone), 'stacked')
        }
        renderInput={(params) => <TextField {...params} label="Add contacts" placeholder="Search by name or number" />}
      />
      <Button variant="contained" startIcon={<PersonAddOutlined />} disabled={chosen.length === 0} loading={add.isPending} onClick={addChosen}>
        {chosen.length > 1 ? `Add ${chosen.length}` : 'Add'}
      </Button>
    </Stack>
  );
}
