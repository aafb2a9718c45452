/** Seconds a text-to-speech message lasts: about 150 words a minute, plus a short pause at each end. */
export function estimateSpeechSeconds(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 2.5 + 1));
}
