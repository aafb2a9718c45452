import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { elapsedMs } from './stats.ts';

export interface Started {
  child: ChildProcess;
  /** Milliseconds from spawning to the first good answer. */
  readyMs: number;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

/** Every process the bench started and has not stopped: ended with the bench, however it ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Resident and peak memory of a process, from procfs. */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMiB: field('VmRSS'), peakMiB: field('VmHWM') };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Spawns `node <args>` (or `command <args>`) and polls `readyUrl` every 10 ms until it answers 2xx (or the URL
 * `readyFrom` finds in the output, when it is not known in advance, or until `ready` holds for a process that does
 * not speak HTTP). Stops the process by its pid only.
 */
export async function startProcess(options: {
  /** The program to run; node when left out. */
  command?: string;
  args: string[];
  env?: Record<string, string>;
  readyUrl?: string;
  /** Reads the URL to poll from what the process printed; null until it is there. */
  readyFrom?: (output: string) => string | null;
  /** Whether the process is ready, for one that answers something other than HTTP. */
  ready?: () => Promise<boolean>;
  cwd?: string;
  timeoutMs?: number;
  label: string;
}): Promise<Started> {
  const started = process.hrtime.bigint();
  const child = spawn(options.command ?? process.execPath, options.args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  // E.g. a program that is not installed: said by the loop below, instead of an unhandled 'error' event.
  let failedToStart: Error | null = null;
  child.once('error', (error) => (failedToStart = error));
  let output = '';
  // Our server logs a line per request: keep the latest megabyte or so, not a whole run's lines.
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    for (let waited = 0; waited < 5000 && child.exitCode === null && child.signalCode === null; waited += 50) await sleep(50);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const deadline = options.timeoutMs ?? 120_000;
  for (;;) {
    if (failedToStart) throw new Error(`${options.label} could not start: ${(failedToStart as Error).message}`);
    if (child.exitCode !== null) throw new Error(`${options.label} exited with ${child.exitCode}: ${output.slice(-500)}`);
    if (elapsedMs(started) > deadline) {
      await stop();
      throw new Error(`${options.label} was not ready within ${deadline / 1000} s`);
    }
    if (options.ready) {
      if (await options.ready()) break;
    } else {
      const url = options.readyUrl ?? options.readyFrom?.(output) ?? null;
      if (url && (await answers(url))) break;
    }
    await sleep(10);
  }
  return {
    child,
    readyMs: elapsedMs(started),
    output: () => output,
    memory: () => processMemory(child.pid!),
    stop,
  };
}
