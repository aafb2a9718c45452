import { parentPort, workerData } from 'node:worker_threads';
import type { SandboxOptions, SandboxThreadMessage } from './sandbox.ts';
import { startSandboxInThisThread } from './serve-sandbox.ts';

/** The sandbox's own thread (started by startSandbox in sandbox.ts): serves it, and closes it when asked. */
const port = parentPort!;
const say = (message: SandboxThreadMessage) => port.postMessage(message);

try {
  const sandbox = await startSandboxInThisThread(workerData as SandboxOptions);
  port.once('message', () => {
    void sandbox.close().then(() => {
      say({ type: 'closed' });
      port.close();
    });
  });
  say({ type: 'ready', url: sandbox.url });
} catch (error) {
  // The message alone: it is shown to whoever started the server, as a reason, not a stack trace.
  say({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
