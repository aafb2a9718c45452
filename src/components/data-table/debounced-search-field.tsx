import SearchOutlined from '@mui/icons-material/SearchOutlined';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useEffect, useEffectEvent, useState } from 'react';

export interface DebouncedSearchFieldProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  /** Milliseconds of quiet before the search runs. */
  delay?: number;
}

/** A search box that searches as you type, once typing pauses; it follows outside changes (Back, links). */
export function DebouncedSearchField({ value, onChange, label, placeholder, delay = 120 }: DebouncedSearchFieldProps) {
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  // The last search this field handed on, until it comes back as the value.
  const [sent, setSent] = useState<string | null>(null);
  if (value !== shownValue) {
    setShownValue(value);
    setSent(null);
    // Our own search arriving late keeps what was typed since; a change from outside (Back, a link) replaces it.
    if (value !== sent) setText(value);
  }
  const commit = useEffectEvent((next: string) => {
    setSent(next);
    onChange(next);
  });

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => commit(text), delay);
    return () => clearTimeout(timer);
  }, [text, value, delay]);

  return (
    <TextField
      size="small"
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      sx={{ maxWidth: 360 }}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchOutlined fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
