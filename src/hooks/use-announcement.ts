import { useCallback, useState } from 'react';

export interface Announcement {
  text: string;
  /** Changes with every announcement, so saying the same thing twice is heard twice. */
  id: number;
}

/** What a live region should say next; `announce` replaces it. Pair with `<LiveRegion announcement={…} />`. */
export function useAnnouncement() {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', id: 0 });
  const announce = useCallback((text: string) => setAnnouncement((current) => ({ text, id: current.id + 1 })), []);
  return [announcement, announce] as const;
}
