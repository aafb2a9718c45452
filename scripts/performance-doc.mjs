import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run docs:figures`: writes the tables of figures in docs/performance.md from bench/results.json (what the last
 * `npm run bench` measured), between `<!-- figures:start -->` and `<!-- figures:end -->`. One table per area, each
 * under `<!-- area: … -->` with the date of the run it comes from: an area the last run measured is written anew, an
 * area it did not (`npm run bench -- ui` measures one) keeps its table from the run that did. The text around the
 * markers is written by hand and left as it is.
 */

const ROOT = resolve(import.meta.dirname, '..');
export const RESULTS_PATH = join(ROOT, 'bench', 'results.json');
export const DOC_PATH = join(ROOT, 'docs', 'performance.md');
export const START = '<!-- figures:start -->';
export const END = '<!-- figures:end -->';
const AREA_MARK = /^<!-- area: (.+?) -->$/;

const COLUMNS = ['Area', 'Figure', 'Ours', 'Peer (same run)', 'Ratio', 'Budget', 'Result'];

/** An area's key: its number ("7 UI at 1M contacts" → "7"), so a renamed area still replaces its old table. */
export function areaKey(area) {
  const numbered = /^(\d+)\s/.exec(area);
  return numbered ? numbered[1] : area;
}

const cell = (value) =>
  String(value ?? '')
    .replaceAll('|', '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

const verdict = (pass) => (pass === true ? 'ok' : pass === false ? 'MISSED' : '');

/** "2026-12-07T14:00:48.795Z" → "2026-12-07 14:00 UTC"; anything else as it is. */
export function formatDate(iso) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(iso ?? ''));
  return match ? `${match[1]} ${match[2]} UTC` : String(iso ?? 'an unknown date');
}

/** Where an area's figures come from: the run's date, its machine when the file names one, and how its areas ended. */
export function runLine(results) {
  const machine = results.machine ? `, on ${cell(results.machine)}` : '';
  const areas = (results.areas ?? []).length > 0 ? ` (\`npm run bench -- ${results.areas.join(' ')}\`)` : '';
  const sections = (results.sections ?? []).map((section) => {
    const seconds = typeof section.seconds === 'number' ? ` in ${section.seconds.toFixed(1)} s` : '';
    const step = section.outcome === 'done' || !section.step ? '' : `, at “${cell(section.step)}”`;
    return `${section.name}: ${section.outcome}${seconds}${step}`;
  });
  return `From the run of ${formatDate(results.date)}${machine}${areas}${sections.length > 0 ? `; ${sections.join('; ')}` : ''}.`;
}

/** One area's block: its mark, a heading, where it comes from and its table. */
export function renderArea(area, figures, results) {
  const rows = figures.map((figure) =>
    [figure.area, figure.name, figure.ours, figure.peer, figure.ratio, figure.budget].map(cell).concat(verdict(figure.pass)),
  );
  return [
    `<!-- area: ${area} -->`,
    `### ${area}`,
    '',
    runLine(results),
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The run's figures, one block per area, in the order the run measured them. */
export function renderRun(results) {
  const byArea = new Map();
  for (const figure of results.figures ?? []) {
    if (!byArea.has(figure.area)) byArea.set(figure.area, []);
    byArea.get(figure.area).push(figure);
  }
  return [...byArea].map(([area, figures]) => ({ key: areaKey(area), text: renderArea(area, figures, results) }));
}

/** The blocks between the markers, each from its `<!-- area: … -->` line to the next one. */
export function splitAreas(region) {
  const blocks = [];
  for (const line of region.split('\n')) {
    const mark = AREA_MARK.exec(line.trim());
    if (mark) blocks.push({ key: areaKey(mark[1]), lines: [line.trim()] });
    else if (blocks.length > 0) blocks.at(-1).lines.push(line);
  }
  return blocks.map(({ key, lines }) => ({ key, text: lines.join('\n').trim() }));
}

const byKey = (a, b) => a.key.localeCompare(b.key, 'en', { numeric: true });

/** The document with its figures written from `results`: the run's areas replaced or added, the others kept. */
export function updateDocument(doc, results) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`The document has no ${START} … ${END} markers.`);
  const fresh = renderRun(results);
  if (fresh.length === 0) throw new Error('The results hold no figures.');
  const freshKeys = new Set(fresh.map((block) => block.key));
  const kept = splitAreas(doc.slice(start + START.length, end)).filter((block) => !freshKeys.has(block.key));
  const blocks = [...kept, ...fresh].sort(byKey);
  return `${doc.slice(0, start + START.length)}\n${blocks.map((block) => block.text).join('\n\n')}\n${doc.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let results;
  try {
    results = JSON.parse(readFileSync(RESULTS_PATH, 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${RESULTS_PATH} (${error.message}); \`npm run bench\` writes it.`);
    process.exit(1);
  }
  const doc = readFileSync(DOC_PATH, 'utf8');
  const updated = updateDocument(doc, results);
  if (updated === doc) console.log(`${DOC_PATH} already shows the run of ${formatDate(results.date)}.`);
  else {
    writeFileSync(DOC_PATH, updated);
    const areas = [...new Set((results.figures ?? []).map((figure) => figure.area))];
    console.log(`Wrote the figures of ${formatDate(results.date)} (${areas.join('; ')}) into ${DOC_PATH}.`);
  }
}
