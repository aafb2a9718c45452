import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every process the bench starts carries `CALLBOARD_BENCH_RUN=<its run>` in its environment, and so does whatever it
 * starts in turn (Chromium started by Lighthouse in a process group of its own, say): how the bench finds them to end
 * them, wherever they moved.
 */
export const RUN_MARK = 'CALLBOARD_BENCH_RUN';

/** One process as procfs shows it. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Its process group. */
  pgid: number;
  /** R, S, D, Z (a zombie: ended, waiting for its parent to collect it), … */
  state: string;
}

function readEntry(pid: number): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces and parentheses: the fields start after the last ')'.
    const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(ppid), pgid: Number(pgid), state: state! };
  } catch {
    return null;
  }
}

/** Every process on the machine (those gone while it reads are left out). */
export function listProcesses(): ProcessEntry[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readEntry(Number(name)))
    .filter((entry): entry is ProcessEntry => entry !== null);
}

/** Whether the process runs: it exists and is not a zombie (an orphan's zombie may wait for good where init never collects). */
export function isRunning(pid: number): boolean {
  const entry = readEntry(pid);
  return entry !== null && entry.state !== 'Z';
}

/** Whether the process was started with `name=value` in its environment (false when it cannot be read). */
export function hasEnvironment(pid: number, name: string, value: string): boolean {
  try {
    return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(`\0${name}=${value}\0`);
  } catch {
    return false;
  }
}

export interface Family {
  /** Processes to end, each with all it started that still runs. */
  roots?: Iterable<number>;
  /** Process groups to end whole (a process spawned `detached` leads its own). */
  groups?: Iterable<number>;
  /** Processes carrying this in their environment, which whatever they start inherits, wherever it moved since. */
  mark?: { name: string; value: string };
}

/**
 * The running processes of a family: the roots, the groups' members, the marked processes and the groups they lead,
 * and every descendant of those. Never this process, nor a member of its own group by group alone.
 */
export function findFamily(family: Family): number[] {
  const table = listProcesses().filter((entry) => entry.state !== 'Z' && entry.pid !== process.pid);
  const ownGroup = readEntry(process.pid)?.pgid;
  const groups = new Set([...(family.groups ?? [])].filter((group) => group !== ownGroup));
  const found = new Set<number>(family.roots ?? []);
  for (const entry of table) {
    if (groups.has(entry.pgid)) found.add(entry.pid);
    else if (family.mark && hasEnvironment(entry.pid, family.mark.name, family.mark.value)) {
      found.add(entry.pid);
      if (entry.pgid === entry.pid && entry.pgid !== ownGroup) groups.add(entry.pid);
    }
  }
  for (const entry of table) if (groups.has(entry.pgid)) found.add(entry.pid);
  // Descendants, until no process is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of table) {
      if (!found.has(entry.pid) && found.has(entry.ppid)) {
        found.add(entry.pid);
        grew = true;
      }
    }
  }
  found.delete(process.pid);
  return [...found].filter(isRunning);
}

/** Sends `signal` to each process, ignoring those already gone. */
export function signalAll(pids: Iterable<number>, signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone meanwhile.
    }
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Ends a family: SIGTERM, up to `graceMs` for it to go, then SIGKILL to what is left (found again, so what the
 * family started meanwhile goes too), until none runs. The processes it ended.
 */
export async function endFamily(family: Family, graceMs = 3000): Promise<number[]> {
  const ended = new Set(findFamily(family));
  signalAll(ended, 'SIGTERM');
  for (let waited = 0; waited < graceMs && findFamily(family).length > 0; waited += 50) await sleep(50);
  for (let round = 0; round < 20; round += 1) {
    const left = findFamily(family);
    if (left.length === 0) break;
    left.forEach((pid) => ended.add(pid));
    signalAll(left, 'SIGKILL');
    await sleep(50);
  }
  return [...ended];
}

/** The same at once, without waiting: for the moment the bench itself exits. */
export function killFamilyNow(family: Family): void {
  for (let round = 0; round < 3; round += 1) {
    const left = findFamily(family);
    if (left.length === 0) return;
    signalAll(left, 'SIGKILL');
  }
}
