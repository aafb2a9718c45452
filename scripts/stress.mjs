// `npm run stress`: the long variants of the reliability tests — 10,000 fuzz cases, kill -9 during a 100,000-row
// import and a 20,000-number broadcast (three kills each), 50 sessions for 60 s, 2,000 logins at once, and our
// server's memory under six 120 MB POSTs, twenty answers that inflate to 256 MiB and a hundred 10 MB dry runs — then
// their figures, as docs/reliability.md
// reports them. Run it on a quiet machine: the load figures measure the machine too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const figuresDir = join('reports', 'stress');
rmSync(figuresDir, { recursive: true, force: true });
mkdirSync(figuresDir, { recursive: true });

const seed = process.env.FUZZ_SEED ?? String(Date.now() % 1_000_000_000);
const suites = [
  'server/sandbox/fuzz.test.ts',
  'server/faults.test.ts',
  'server/load.test.ts',
  'server/bff/login-throttle.test.ts',
  'server/bff/memory-bounds.test.ts',
];
const started = Date.now();
let failed = false;
for (const suite of suites) {
  console.log(`\n=== ${suite} [t=${Math.round((Date.now() - started) / 1000)}s]`);
  const result = spawnSync('npx', ['vitest', 'run', suite], {
    stdio: 'inherit',
    env: { ...process.env, STRESS: '1', FIGURES_DIR: figuresDir, FUZZ_SEED: seed, FORCE_COLOR: '0' },
  });
  if (result.status !== 0) failed = true;
}

console.log('\n=== Figures');
for (const file of readdirSync(figuresDir).sort()) {
  const figures = JSON.parse(readFileSync(join(figuresDir, file), 'utf8'));
  console.log(
    `${file.replace(/\.json$/, '').padEnd(18)} ${Object.entries(figures)
      .map(([name, value]) => `${name}=${value}`)
      .join('  ')}`,
  );
}
console.log(`\n${failed ? 'Stress run FAILED' : 'Stress run passed'} in ${Math.round((Date.now() - started) / 1000)}s (fuzz seed ${seed}).`);
process.exit(failed ? 1 : 0);
