import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SandboxStartError, superviseSandboxThread } from './sandbox.ts';

/** How the main thread hears from the sandbox's thread: stand-in threads play each turn the real one can take. */
const thread = (code: string) => new Worker(`const { parentPort } = require('node:worker_threads');\n${code}`, { eval: true });

describe("the sandbox's thread", () => {
  it('ready: its URL is the sandbox, and close() asks the thread to close, then ends it', async () => {
    const sandbox = await superviseSandboxThread(
      thread(`
        parentPort.postMessage({ type: 'ready', url: 'http://127.0.0.1:1' });
        parentPort.once('message', () => parentPort.postMessage({ type: 'closed' }));
      `),
    );
    expect(sandbox.url).toBe('http://127.0.0.1:1');
    let crashed = false;
    void sandbox.crashed.then(() => (crashed = true));
    await sandbox.close();
    expect(crashed).toBe(false);
  });

  it("a sandbox that cannot start: start-up fails with the thread's message alone", async () => {
    const starting = superviseSandboxThread(
      thread(`parentPort.postMessage({ type: 'failed', message: 'The sandbox database cannot be opened (DATA_DIR).' });`),
    );
    await expect(starting).rejects.toThrow(SandboxStartError);
    await expect(starting).rejects.toThrow(/^The sandbox database cannot be opened \(DATA_DIR\)\.$/);
  });

  it('a thread that throws before it is ready fails start-up with what it threw', async () => {
    await expect(superviseSandboxThread(thread(`throw new Error('better-sqlite3 could not be loaded');`))).rejects.toThrow(
      new SandboxStartError('better-sqlite3 could not be loaded'),
    );
  });

  it('a thread that dies once running is reported through crashed', async () => {
    const sandbox = await superviseSandboxThread(
      thread(`
        parentPort.postMessage({ type: 'ready', url: 'http://127.0.0.1:1' });
        setTimeout(() => { throw new Error('the simulator broke'); }, 10);
      `),
    );
    expect((await sandbox.crashed).message).toBe('the simulator broke');
    await sandbox.close();
  });
});
