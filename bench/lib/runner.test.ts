import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { hasEnvironment, isRunning, listProcesses, RUN_MARK, signalAll } from './process-table.ts';
import { deadlineMs } from './runner.ts';

/**
 * Runs bench/lib/fixtures/hanging-bench.ts as the bench runs (node --import tsx), stops it the ways a caller stops
 * it, and looks in procfs for anything it started. Each run carries a mark of the test's own in its environment,
 * which every process it starts inherits: a process of the run, wherever it moved, is found by it.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = join(import.meta.dirname, 'fixtures', 'hanging-bench.ts');
const TEST_MARK = 'CALLBOARD_BENCH_TEST';

interface Pids {
  bench: number;
  server: number;
  helper: number;
}

interface Run {
  /** The bench, or the shell that runs it (throughShell). */
  child: ChildProcess;
  mark: string;
  resultsFile: string;
  /** The pids, once `hang` has started its server and its helper. */
  started: Promise<Pids>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

const runs: Run[] = [];
const folders: string[] = [];

function startBench(options: { env?: Record<string, string>; throughShell?: boolean } = {}): Run {
  const mark = randomUUID();
  const folder = mkdtempSync(join(tmpdir(), 'callboard-bench-test-'));
  folders.push(folder);
  const resultsFile = join(folder, 'results.json');
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== RUN_MARK)),
    [TEST_MARK]: mark,
    BENCH_RESULTS: resultsFile,
    ...options.env,
  };
  const command = [process.execPath, '--import', 'tsx', FIXTURE];
  // `; :` keeps the shell as the bench's parent instead of handing its process over.
  const child = options.throughShell
    ? spawn('sh', ['-c', '"$@"; :', 'sh', ...command], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = new Promise<Pids>((resolvePids, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output += `${line}\n`;
      if (line.startsWith('{"bench"')) resolvePids(JSON.parse(line) as Pids);
    });
    child.once('exit', () => reject(new Error(`the bench ended before it said its pids:\n${output}`)));
  });
  started.catch(() => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const run = { child, mark, resultsFile, started, exited, output: () => output };
  runs.push(run);
  return run;
}

/** The processes of a run that still run. */
const runningOf = (run: Run) => listProcesses().filter((entry) => entry.state !== 'Z' && hasEnvironment(entry.pid, TEST_MARK, run.mark));

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The processes of a run still running once it has had its time to end them (20 s at most, on a busy machine). */
async function leftBehind(run: Run): Promise<number[]> {
  for (let tries = 0; tries < 200 && runningOf(run).length > 0; tries += 1) await sleep(100);
  return runningOf(run).map((entry) => entry.pid);
}

interface Results {
  sections: Array<{ name: string; outcome: string; step: string; ended: string[] }>;
  figures: Array<{ area: string; ours: string; pass: boolean | null; raw: Record<string, unknown> }>;
}
const readResults = (run: Run) => JSON.parse(readFileSync(run.resultsFile, 'utf8')) as Results;

afterEach(() => {
  // A failed test leaves nothing running either.
  for (const run of runs.splice(0))
    signalAll(
      runningOf(run).map((entry) => entry.pid),
      'SIGKILL',
    );
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the bench ends every process it started', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('when it is sent %s mid-run', async (signal) => {
    const run = startBench();
    const pids = await run.started;
    expect([pids.server, pids.helper].map(isRunning)).toEqual([true, true]);

    run.child.kill(signal);

    expect((await run.exited).code).toBe(signal === 'SIGTERM' ? 143 : 130);
    expect(await leftBehind(run)).toEqual([]);
    const [hang] = readResults(run).sections;
    expect(hang).toMatchObject({ name: 'hang', outcome: 'interrupted', step: 'waiting for an answer that never comes' });
    expect(hang!.ended).toContain(`test server (pid ${pids.server})`);
  });

  it('when its parent is killed outright', async () => {
    const run = startBench({ throughShell: true });
    const pids = await run.started;

    run.child.kill('SIGKILL');

    expect(await leftBehind(run)).toEqual([]);
    expect([pids.bench, pids.server, pids.helper].map(isRunning)).toEqual([false, false, false]);
  });

  it('when it is killed outright itself', async () => {
    const run = startBench();
    const pids = await run.started;

    run.child.kill('SIGKILL');

    expect(await leftBehind(run)).toEqual([]);
    expect([pids.server, pids.helper].map(isRunning)).toEqual([false, false]);
  });
});

describe('an area past its deadline', () => {
  it('is reported as missed with its last step, and what it started ends before the next area runs', async () => {
    const run = startBench({ env: { BENCH_DEADLINE_HANG: '0.2' } });
    const pids = await run.started;

    expect((await run.exited).code).toBe(1);
    const results = readResults(run);
    expect(results.sections.map((section) => [section.name, section.outcome])).toEqual([
      ['hang', 'missed its deadline'],
      ['after', 'done'],
    ]);
    expect(results.sections[0]!.step).toBe('waiting for an answer that never comes');
    expect(results.sections[0]!.ended).toContain(`test server (pid ${pids.server})`);
    const [missed, after] = results.figures;
    expect(missed).toMatchObject({ area: 'hang', ours: 'missed its 0.2-second deadline while: waiting for an answer that never comes', pass: false });
    expect(after!.raw.running).toEqual([]);
    expect(await leftBehind(run)).toEqual([]);
  });
});

describe('deadlineMs', () => {
  const section = { name: 'ui', deadlineMinutes: 8 };

  it('is the area’s own, unless BENCH_DEADLINE_<NAME> or BENCH_DEADLINE (seconds) says otherwise', () => {
    expect(deadlineMs(section, {})).toBe(480_000);
    expect(deadlineMs(section, { BENCH_DEADLINE: '60' })).toBe(60_000);
    expect(deadlineMs(section, { BENCH_DEADLINE: '60', BENCH_DEADLINE_UI: '1.5' })).toBe(1500);
    expect(() => deadlineMs(section, { BENCH_DEADLINE_UI: 'soon' })).toThrow('BENCH_DEADLINE_UI must be a number of seconds');
  });
});
