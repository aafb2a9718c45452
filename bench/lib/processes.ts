import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { endFamily, findFamily, killFamilyNow, RUN_MARK, type Family } from './process-table.ts';
import { throwIfEnded } from './section.ts';
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

const runFamily = (): Family => ({
  groups: tracked.keys(),
  ...(process.env[RUN_MARK] ? { mark: { name: RUN_MARK, value: process.env[RUN_MARK] } } : {}),
});

/** The process groups the bench started (each spawned process leads its own) and has not seen end, by their labels. */
const tracked = new Map<number, string>();
/** Told of each group as it is tracked: the reaper, which ends them should the bench be killed outright. */
let groupListener: ((pgid: number) => void) | null = null;
export function onTrackedGroup(listener: (pgid: number) => void): void {
  groupListener = listener;
  for (const pgid of tracked.keys()) listener(pgid);
}

/** What ends things that are no processes of ours to signal (a Playwright browser's close), with their labels. */
const closers = new Map<symbol, { label: string; close: () => Promise<unknown> }>();

/** Registers `close` to run when the bench ends what it started; the returned function forgets it. */
export function onEnd(label: string, close: () => Promise<unknown>): () => void {
  const key = Symbol(label);
  closers.set(key, { label, close });
  return () => closers.delete(key);
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Waits for `work`, `milliseconds` at most (without keeping the bench alive after). */
async function within(work: Promise<unknown>, milliseconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, milliseconds)))]);
  clearTimeout(timer);
}

/**
 * Ends everything the bench started and still runs: the closers first (each given 3 s), then every tracked process
 * group and marked process, politely, then not. What it ended, by label.
 */
export async function endEverything(): Promise<string[]> {
  const labels: string[] = [];
  for (const [key, { label, close }] of closers) {
    closers.delete(key);
    labels.push(label);
    await within(close(), 3000);
  }
  const groups = new Map(tracked);
  const ended = await endFamily(runFamily());
  for (const [pgid, label] of groups) if (ended.includes(pgid)) labels.push(`${label} (pid ${pgid})`);
  const others = ended.filter((pid) => !groups.has(pid)).length;
  if (others > 0) labels.push(`${others} process(es) those started`);
  tracked.clear();
  return labels;
}

/** The same at once: for the moment the bench exits, when nothing can be awaited. */
export function endEverythingNow(): void {
  killFamilyNow(runFamily());
  tracked.clear();
}
process.once('exit', endEverythingNow);

/**
 * Spawns a process as the leader of a process group of its own (`detached`), so that it ends with all it started,
 * and tracks the group until nothing of it runs. Refused once the running area has ended.
 */
export function spawnTracked(command: string, args: readonly string[], label: string, options: SpawnOptions = {}): ChildProcess {
  throwIfEnded();
  const child = spawn(command, args, { ...options, detached: true });
  const pgid = child.pid;
  if (pgid !== undefined) {
    tracked.set(pgid, label);
    groupListener?.(pgid);
    child.once('exit', () => {
      if (findFamily({ groups: [pgid] }).length === 0) tracked.delete(pgid);
    });
  }
  return child;
}

/** Ends a spawned process, its group and all it started: SIGTERM, then SIGKILL after `graceMs`. */
export async function endProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  await endFamily({ roots: [child.pid], groups: [child.pid] }, graceMs);
  tracked.delete(child.pid);
}

/**
 * Runs a program to its end (as `execFile` does), tracked as every process the bench starts: its output, or an
 * error with its stderr when it fails or passes `timeoutMs` (it is ended then, with what it started).
 */
export function runProcess(options: {
  command?: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  label: string;
}): Promise<{ stdout: string; stderr: string }> {
  const child = spawnTracked(options.command ?? process.execPath, options.args, options.label, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      timedOut = true;
      void endProcess(child, 2000);
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${options.label} could not start: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      // Whatever it left behind goes with it.
      void endProcess(child, 2000);
      if (timedOut) reject(new Error(`${options.label} did not end within ${options.timeoutMs / 1000} s`));
      else if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${options.label} failed (${code ?? signal}): ${stderr.slice(-2000)}`));
    });
  });
}

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
 * not speak HTTP). Stopping it ends its process group and all it started.
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
  const child = spawnTracked(options.command ?? process.execPath, options.args, options.label, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const stop = () => endProcess(child);
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
