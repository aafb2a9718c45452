import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';

/**
 * `server/serve.ts` (what `npm start` runs once the app is built), plus one line on stdout naming the embedded
 * sandbox's loopback address, so the bench can also call the sandbox directly, signed, as our server does.
 */
const server = await startServer(loadConfig());
console.log(`BENCH ${JSON.stringify({ url: server.url, sandboxUrl: server.sandbox?.url ?? null })}`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
