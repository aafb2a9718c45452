import { config, z } from 'zod';

/**
 * The app's one zod instance. In the browser zod must not probe `new Function` to compile faster parsers: the
 * Content-Security-Policy forbids eval. Every schema imports `z` from here so this runs before any is created.
 * (`config` is called on its own: the build counts every `z.…` call as free of side effects, so that the schemas a
 * bundle does not use are left out of it.)
 */
if ('document' in globalThis) config({ jitless: true });

export { z };
