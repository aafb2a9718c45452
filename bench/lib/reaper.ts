import { endFamily, RUN_MARK } from './process-table.ts';

/**
 * Started by the bench in a process group of its own, with the bench holding its stdin: the bench writes the pid of
 * each process group it starts, one a line. When stdin closes (the bench ended, however: even killed outright with
 * SIGKILL), it ends what of that run still runs, then ends itself.
 */
const [runId] = process.argv.slice(2);
const groups = new Set<number>();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop()!;
  for (const line of lines) if (/^\d+$/.test(line)) groups.add(Number(line));
});
process.stdin.once('close', () => {
  void endFamily({ groups, ...(runId ? { mark: { name: RUN_MARK, value: runId } } : {}) }, 2000).finally(() => process.exit(0));
});
