import { chromium, type Browser } from '@playwright/test';
import { onEnd } from './processes.ts';
import { throwIfEnded } from './section.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium through Playwright, closed with the bench's other processes when the area passes its deadline or
 * the bench is interrupted. Playwright's own signal handlers stay off: they would close the browser and then either
 * exit before the bench has ended its servers (SIGINT) or keep the bench running (SIGTERM, SIGHUP).
 */
export async function launchChromium(): Promise<Browser> {
  throwIfEnded();
  const browser = await chromium.launch({ executablePath: CHROMIUM, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  try {
    // The area may have ended while it launched.
    throwIfEnded();
  } catch (error) {
    await browser.close();
    throw error;
  }
  const forget = onEnd('Chromium (Playwright)', () => browser.close());
  browser.once('disconnected', forget);
  return browser;
}
