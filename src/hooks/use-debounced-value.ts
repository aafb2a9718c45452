import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `delay` ms (for search-as-you-type requests). */
export function useDebouncedValue<Value>(value: Value, delay = 250): Value {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
