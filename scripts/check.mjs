// `npm test`: every check in order — lint, format, typecheck, unit tests, build, e2e. A failing step does not hide the
// others' results (e2e only needs the build); the last line sums the tests of vitest and Playwright.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings', '0'] },
  { name: 'format', command: ['npx', 'prettier', '--check', '.'] },
  { name: 'typecheck', command: ['npx', 'tsc', '-b'] },
  {
    name: 'unit tests',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json'],
  },
  { name: 'build', command: ['node', 'scripts/build.mjs'] },
  { name: 'e2e', command: ['npx', 'playwright', 'test'], needs: 'build' },
];

mkdirSync('reports', { recursive: true });
rmSync('reports/unit.json', { force: true });
rmSync('reports/e2e.json', { force: true });

const started = Date.now();
const failed = new Set();
for (const step of steps) {
  if (step.needs && failed.has(step.needs)) {
    console.log(`\n=== ${step.name}: skipped (${step.needs} failed)`);
    failed.add(step.name);
    continue;
  }
  console.log(`\n=== ${step.name} [t=${Math.round((Date.now() - started) / 1000)}s]`);
  const result = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.status !== 0) failed.add(step.name);
}

const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
let passed = 0;
let failedTests = 0;
const unit = read('reports/unit.json');
const e2e = read('reports/e2e.json');
if (unit) {
  passed += unit.numPassedTests;
  failedTests += unit.numFailedTests;
} else failedTests += 1;
if (e2e) {
  // A test that passed only on a second try is a failure: nothing is retried, and nothing may count as passed that way.
  passed += e2e.stats.expected;
  failedTests += e2e.stats.unexpected + e2e.stats.flaky;
} else failedTests += 1;

// The names of the failed tests come last, so that the tail of a long log says what failed.
const failedNames = [
  ...(unit?.testResults ?? []).flatMap((file) =>
    file.assertionResults.filter((test) => test.status === 'failed').map((test) => `${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName}`),
  ),
  ...(e2e ? e2eFailures(e2e.suites) : []),
];
if (failedNames.length > 0) console.log(`\nFailed tests:\n${failedNames.map((name) => `  ✗ ${name}`).join('\n')}`);

console.log(`\n${failed.size === 0 ? 'All checks passed' : `Failed: ${[...failed].join(', ')}`} in ${Math.round((Date.now() - started) / 1000)}s.`);
console.log(`tests: ${passed} passed, ${failedTests} failed`);
process.exit(failed.size === 0 && failedTests === 0 ? 0 : 1);

function e2eFailures(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => spec.tests.some((test) => test.status === 'unexpected' || test.status === 'flaky'))
      .map((spec) => `${spec.file}:${spec.line} › ${spec.title}`),
    ...e2eFailures(suite.suites ?? []),
  ]);
}
