import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failedFigure, markdownTable, textTable, type Figure } from './lib/figures.ts';
import { ROOT } from './lib/servers.ts';
import { apiSection } from './sections/api.ts';
import { bundleSection } from './sections/bundle.ts';
import { lighthouseSection } from './sections/lighthouse.ts';
import { throughServerSection } from './sections/through-server.ts';
import { importSection } from './sections/import.ts';
import { isolationSection } from './sections/isolation.ts';
import { broadcastSection } from './sections/broadcast.ts';
import { uiSection } from './sections/ui.ts';

/**
 * `npm run bench`: every performance budget of the product beside a peer measured in the same run, as one table
 * (and bench/results.json). Exits 1 when a budget is missed. `npm run bench -- api bundle` runs some areas only.
 */
const sections: Array<[string, () => Promise<Figure[]>]> = [
  ['bundle', bundleSection],
  ['lighthouse', lighthouseSection],
  ['api', apiSection],
  ['server', throughServerSection],
  ['import', importSection],
  ['broadcast', broadcastSection],
  ['isolation', isolationSection],
  ['ui', uiSection],
];

const wanted = process.argv.slice(2);
const figures: Figure[] = [];
const started = Date.now();
for (const [name, run] of sections) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const sectionStarted = Date.now();
  console.error(`[bench] ${name}…`);
  try {
    figures.push(...(await run()));
  } catch (error) {
    figures.push(failedFigure(name, 'the whole area', error));
    console.error(error);
  }
  console.error(`[bench] ${name} took ${((Date.now() - sectionStarted) / 1000).toFixed(0)} s`);
}

const missed = figures.filter((item) => item.pass === false);
console.log(`\n${textTable(figures)}\n`);
console.log(missed.length === 0 ? 'Every budget met.' : `${missed.length} budget(s) missed.`);
console.log(`Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), areas: wanted.length > 0 ? wanted : sections.map(([name]) => name), figures, markdown: markdownTable(figures) }, null, 2)}\n`,
);
process.exitCode = missed.length === 0 ? 0 : 1;
