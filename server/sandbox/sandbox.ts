import { Worker } from 'node:worker_threads';

/** Plain data only: it is handed whole to the sandbox's thread. */
export interface SandboxOptions {
  databasePath: string;
  appKey: string;
  secretKey: string;
  /** Simulated seconds per real second. */
  clockSpeed: number;
  /** Fill an empty database with the demo account. */
  seedDemo?: boolean;
  /** 0 picks a free port. */
  port?: number;
  /** The address to listen on; loopback unless said otherwise. */
  host?: string;
  /** Answer only the routes a public source documents (decision 0130). */
  documentedOnly?: boolean;
  /** The dashboard's public URL, for absolute single sign-on links; http://localhost:8080 when absent. */
  dashboardUrl?: string;
}

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:41234 (the v1 API is under /v1). */
  url: string;
  close(): Promise<void>;
}

export interface SandboxThread extends RunningSandbox {
  /** Settles only if the sandbox's thread dies on its own (not through close()), with what ended it. */
  crashed: Promise<Error>;
}

/** The sandbox could not start (a bad database file, a port in use): its message says why, for the person starting it. */
export class SandboxStartError extends Error {
  override name = 'SandboxStartError';
}

/** What the sandbox's thread tells the thread that started it (server/sandbox/sandbox-worker.ts). */
export type SandboxThreadMessage = { type: 'ready'; url: string } | { type: 'failed'; message: string } | { type: 'closed' };

/**
 * The built server runs dist-server/sandbox-worker.mjs beside it; from TypeScript sources (dev, tests) a small
 * module first teaches the new thread TypeScript (tsx), then loads sandbox-worker.ts.
 */
const workerEntry = import.meta.url.endsWith('.ts') ? new URL('./sandbox-worker-tsx.mjs', import.meta.url) : new URL('./sandbox-worker.mjs', import.meta.url);

/**
 * Starts the sandbox in its own worker thread, so nothing sent to it (a big import, a costly sort) holds up the
 * thread that serves the dashboard (decision 0100). Our server still reaches it over signed HTTP. Rejects with a
 * SandboxStartError carrying the sandbox's own message when it cannot start.
 */
export function startSandbox(options: SandboxOptions): Promise<SandboxThread> {
  return superviseSandboxThread(new Worker(workerEntry, { workerData: options }));
}

/**
 * The main thread's half of the exchange with a sandbox's thread (sandbox-worker.ts is the other): waits for `ready`
 * or `failed`, reports a thread that dies afterwards through `crashed`, and ends it on close().
 */
export function superviseSandboxThread(worker: Worker): Promise<SandboxThread> {
  let closing = false;
  let exited = false;
  let reportCrash: (error: Error) => void = () => {};
  const crashed = new Promise<Error>((resolve) => (reportCrash = resolve));

  return new Promise((resolve, reject) => {
    let started = false;
    const fail = (error: Error) => {
      if (closing) return;
      if (started) reportCrash(error);
      else reject(new SandboxStartError(error.message));
      void worker.terminate();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      exited = true;
      fail(new Error(`The sandbox's thread exited (code ${code}).`));
    });
    worker.on('message', (message: SandboxThreadMessage) => {
      if (message.type === 'failed') fail(new Error(message.message));
      if (message.type !== 'ready') return;
      started = true;
      resolve({
        url: message.url,
        crashed,
        close: async () => {
          // A thread that already died (crashed) has nothing left to close.
          if (closing || exited) return;
          closing = true;
          // The thread stops its simulator and closes its server and database, then says so; then it is ended.
          const closed = new Promise<void>((done) => {
            worker.on('message', (reply: SandboxThreadMessage) => reply.type === 'closed' && done());
            worker.once('exit', () => done());
          });
          worker.postMessage('close');
          await closed;
          await worker.terminate();
        },
      });
    });
  });
}
