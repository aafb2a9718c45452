import { z } from 'zod';

/**
 * The app's one zod instance. In the browser zod must not probe `new Function` to compile faster parsers: the
 * Content-Security-Policy forbids eval. Every schema imports `z` from here so this runs before any is created.
 */
if ('document' in globalThis) z.config({ jitless: true });

export { z };
