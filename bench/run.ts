import { join } from 'node:path';
import { runBench, type Section } from './lib/runner.ts';
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
 * (and bench/results.json). Exits 1 when a budget or an area's deadline is missed. `npm run bench -- api bundle` runs
 * some areas only. Each area's deadline is several times what it takes on a busy 2-core machine.
 */
const sections: Section[] = [
  { name: 'bundle', run: bundleSection, deadlineMinutes: 5 },
  { name: 'lighthouse', run: lighthouseSection, deadlineMinutes: 12 },
  { name: 'api', run: apiSection, deadlineMinutes: 10 },
  { name: 'server', run: throughServerSection, deadlineMinutes: 5 },
  { name: 'import', run: importSection, deadlineMinutes: 10 },
  { name: 'broadcast', run: broadcastSection, deadlineMinutes: 5 },
  { name: 'isolation', run: isolationSection, deadlineMinutes: 8 },
  { name: 'ui', run: uiSection, deadlineMinutes: 8 },
];

process.exitCode = await runBench(sections, { only: process.argv.slice(2), resultsFile: join(ROOT, 'bench', 'results.json') });
