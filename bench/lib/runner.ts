import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { failedFigure, figure, markdownTable, textTable, type Figure } from './figures.ts';
import { RUN_MARK } from './process-table.ts';
import { endEverything, endEverythingNow, onTrackedGroup } from './processes.ts';
import { sections as running, type SectionContext } from './section.ts';

/** One area of the bench, with how long it may take before it is reported as missed and ended. */
export interface Section {
  name: string;
  run: () => Promise<Figure[]>;
  /** Its deadline; BENCH_DEADLINE_<NAME> (or BENCH_DEADLINE, for every area) sets another, in seconds. */
  deadlineMinutes: number;
}

export interface SectionReport {
  name: string;
  outcome: 'done' | 'failed' | 'missed its deadline' | 'interrupted';
  seconds: number;
  deadlineSeconds: number;
  /** The last step it said it was at. */
  step: string;
  /** What the bench ended after it: its processes and browsers, when it missed its deadline or left them running. */
  ended: string[];
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** The deadline of an area: BENCH_DEADLINE_<NAME>, else BENCH_DEADLINE (seconds, fractions allowed), else its own. */
export function deadlineMs(section: Pick<Section, 'name' | 'deadlineMinutes'>, env: NodeJS.ProcessEnv = process.env): number {
  for (const name of [`BENCH_DEADLINE_${section.name.toUpperCase().replace(/\W/g, '_')}`, 'BENCH_DEADLINE']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const seconds = Number(value);
    if (!(seconds > 0)) throw new Error(`${name} must be a number of seconds above 0, not "${value}"`);
    return seconds * 1000;
  }
  return section.deadlineMinutes * 60_000;
}

const describeDuration = (milliseconds: number) =>
  milliseconds >= 120_000 ? `${+(milliseconds / 60_000).toFixed(1)}-minute` : `${+(milliseconds / 1000).toFixed(1)}-second`;

/**
 * A process of its own that ends what the bench started should the bench be killed outright (SIGKILL leaves it no
 * moment to do so): it holds the bench's end of a pipe, learns each process group as the bench starts it, and acts
 * when the pipe closes. It does not keep the bench alive.
 */
function startReaper(runId: string) {
  // Not marked itself: it is not among what it ends.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== RUN_MARK));
  const reaper = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, 'reaper.ts'), runId], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env,
  });
  reaper.unref();
  const pipe = reaper.stdin as Socket;
  pipe.unref();
  pipe.on('error', () => undefined);
  onTrackedGroup((pgid) => pipe.write(`${pgid}\n`));
}

/**
 * Runs the areas one after the other, each under its deadline: a timer outside the area's own awaits, which fires even
 * when the area waits forever. An area past it is reported as missed with its last step, everything it started is
 * ended, and the next area runs. Everything the bench started also ends when the bench is interrupted (SIGINT,
 * SIGTERM, SIGHUP), when its parent goes, when it fails, and (by the reaper) when it is killed outright. Prints the
 * table, writes `resultsFile`, and resolves with the exit code: 1 when a budget or a deadline was missed.
 */
export async function runBench(all: readonly Section[], options: { only: readonly string[]; resultsFile: string }): Promise<number> {
  const runId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  process.env[RUN_MARK] = runId;
  startReaper(runId);
  // A caller gone with the pipes it read: writing must not end the bench before it has ended what it started.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);

  const unknown = options.only.filter((name) => !all.some((section) => section.name === name));
  if (unknown.length > 0) throw new Error(`No such area: ${unknown.join(', ')} (the areas: ${all.map((section) => section.name).join(', ')})`);
  const wanted = all.filter((section) => options.only.length === 0 || options.only.includes(section.name));
  const deadlines = new Map(wanted.map((section) => [section.name, deadlineMs(section)]));
  const figures: Figure[] = [];
  const reports: SectionReport[] = [];
  const started = Date.now();
  let current: { context: SectionContext; controller: AbortController; started: number } | null = null;

  const writeResults = () => {
    mkdirSync(dirname(options.resultsFile), { recursive: true });
    const results = {
      date: new Date().toISOString(),
      areas: wanted.map((section) => section.name),
      sections: reports,
      figures,
      markdown: markdownTable(figures),
    };
    writeFileSync(options.resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  };

  let interrupted = false;
  const interrupt = (signal: keyof typeof SIGNAL_NUMBERS, why: string) => {
    const code = 128 + SIGNAL_NUMBERS[signal];
    if (interrupted) {
      // Asked twice: no more waiting.
      endEverythingNow();
      process.exit(code);
    }
    interrupted = true;
    const section = current;
    section?.controller.abort(new Error(why));
    console.error(`[bench] ${why}${section ? ` during ${section.context.name} (${section.context.step})` : ''}: ending what the bench started…`);
    void (async () => {
      const ended = await Promise.race([endEverything(), new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 15_000))]);
      if (section) {
        const { name, step } = section.context;
        reports.push({
          name,
          outcome: 'interrupted',
          seconds: (Date.now() - section.started) / 1000,
          deadlineSeconds: deadlines.get(name)! / 1000,
          step,
          ended,
        });
        figures.push(
          figure({
            area: name,
            name: 'the whole area',
            ours: `interrupted (${why}) while: ${step}`,
            budget: 'runs',
            pass: false,
            raw: { interrupted: why, step, ended },
          }),
        );
      }
      console.error(`[bench] ended: ${ended.length > 0 ? ended.join(', ') : 'nothing was running'}`);
      writeResults();
      process.exit(code);
    })();
  };
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = () => interrupt(signal, signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const parent = process.ppid;
  const parentWatch = setInterval(() => {
    if (process.ppid !== parent) interrupt('SIGHUP', 'its parent is gone');
  }, 500);
  parentWatch.unref();

  for (const section of wanted) {
    const deadline = deadlines.get(section.name)!;
    const controller = new AbortController();
    const context: SectionContext = { name: section.name, step: 'starting', signal: controller.signal, untimedMs: 0, untimedRunning: 0 };
    const sectionStarted = Date.now();
    current = { context, controller, started: sectionStarted };
    console.error(`[bench] ${section.name}… (deadline ${describeDuration(deadline)})`);

    let timer: NodeJS.Timeout | undefined;
    const pastDeadline = new Promise<'missed'>((resolve) => {
      // Time it was told not to count moves the deadline; work it is told not to count is waited for.
      const check = () => {
        const left = sectionStarted + deadline + context.untimedMs - Date.now();
        if (context.untimedRunning > 0 || left > 0) timer = setTimeout(check, Math.max(left, 100));
        else resolve('missed');
      };
      timer = setTimeout(check, deadline);
    });
    const finished = running
      .run(context, async () => section.run())
      .then(
        (result) => ({ figures: result }),
        (error: unknown) => ({ error }),
      );
    const result = await Promise.race([finished, pastDeadline]);
    clearTimeout(timer);
    // Interrupted: the interruption reports the area and ends the bench.
    if (interrupted) return new Promise(() => undefined);

    const report: SectionReport = { name: section.name, outcome: 'done', seconds: 0, deadlineSeconds: deadline / 1000, step: context.step, ended: [] };
    if (result === 'missed') {
      controller.abort(new Error(`passed its ${describeDuration(deadline)} deadline`));
      report.outcome = 'missed its deadline';
      console.error(`[bench] ${section.name} passed its ${describeDuration(deadline)} deadline while: ${context.step}; ending what it started…`);
      report.ended = await endEverything();
      figures.push(
        figure({
          area: section.name,
          name: 'the whole area',
          ours: `missed its ${describeDuration(deadline)} deadline while: ${context.step}`,
          budget: `ends within its deadline`,
          pass: false,
          raw: { missed: true, deadlineMs: deadline, step: context.step, ended: report.ended },
        }),
      );
    } else {
      if ('error' in result) {
        report.outcome = 'failed';
        figures.push(failedFigure(section.name, context.step === 'starting' ? 'the whole area' : `the whole area (while: ${context.step})`, result.error));
        console.error(result.error);
      } else figures.push(...result.figures);
      // Whatever it left running goes before the next area starts.
      report.ended = await endEverything();
      if (report.ended.length > 0) console.error(`[bench] ${section.name} left running, now ended: ${report.ended.join(', ')}`);
    }
    report.seconds = (Date.now() - sectionStarted) / 1000;
    reports.push(report);
    current = null;
    console.error(`[bench] ${section.name} took ${report.seconds.toFixed(0)} s`);
  }

  clearInterval(parentWatch);
  for (const [signal, handler] of handlers) process.off(signal, handler);
  const missed = figures.filter((item) => item.pass === false);
  console.log(`\n${textTable(figures)}\n`);
  console.log(missed.length === 0 ? 'Every budget met.' : `${missed.length} budget(s) missed.`);
  console.log(`Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  writeResults();
  return missed.length === 0 ? 0 : 1;
}
