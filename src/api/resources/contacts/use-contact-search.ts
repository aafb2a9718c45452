import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@/hooks/use-debounced-value.ts';
import { contactQueries } from './contact-queries.ts';

/** Contacts matching what the user types (by name or number), asked for once typing pauses; none for no text. */
export function useContactSearch(text: string, pageSize: number) {
  const search = useDebouncedValue(text.trim());
  const matches = useQuery({ ...contactQueries.list({ search, pageSize }), enabled: search.length > 0 });
  return {
    search,
    contacts: search ? (matches.data?.Items ?? []) : [],
    isFetching: matches.isFetching,
    noOptionsText: search ? 'No contact matches.' : 'Type a name or a number.',
  };
}
