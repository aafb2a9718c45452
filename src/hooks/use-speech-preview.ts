import { useCallback, useEffect, useState } from 'react';

/** The browser's speech synthesis, when it has one (docs/decisions/0043-text-to-speech-preview.md). */
const synthesis = (): SpeechSynthesis | null => ('speechSynthesis' in globalThis ? globalThis.speechSynthesis : null);

/**
 * Speaks a text-to-speech message with the browser's own English voice, one message at a time. The real message is
 * spoken by the service's voice on the call; this only lets staff hear the wording and pacing.
 */
export function useSpeechPreview() {
  const [speakingKey, setSpeakingKey] = useState<string | null>(null);
  const supported = synthesis() !== null;

  const stop = useCallback(() => {
    synthesis()?.cancel();
    setSpeakingKey(null);
  }, []);

  const speak = useCallback((key: string, text: string) => {
    const engine = synthesis();
    if (!engine) return;
    engine.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'en-US';
    const voice = engine.getVoices().find((candidate) => candidate.lang === 'en-US') ?? engine.getVoices().find((candidate) => candidate.lang.startsWith('en'));
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeakingKey((current) => (current === key ? null : current));
    utterance.onerror = utterance.onend;
    setSpeakingKey(key);
    engine.speak(utterance);
  }, []);

  // Nothing keeps talking after its page is gone.
  useEffect(() => () => synthesis()?.cancel(), []);

  return { supported, speakingKey, speak, stop };
}
