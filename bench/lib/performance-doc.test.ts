import { describe, expect, it } from 'vitest';
import {
  END,
  START,
  areaKey,
  formatDate,
  renderArea,
  renderRun,
  runLine,
  splitAreas,
  updateDocument,
  type BenchResults,
} from '../../scripts/performance-doc.mjs';

// scripts/performance-doc.mjs (`npm run docs:figures`) writes docs/performance.md's tables from bench/results.json.
// Its test lives here because vitest runs the bench's tests and none under scripts/.

const run: BenchResults = {
  date: '2026-12-07T14:00:48.795Z',
  areas: ['ui'],
  sections: [{ name: 'ui', outcome: 'done', seconds: 20.428, deadlineSeconds: 480, step: 'timing the report' }],
  figures: [
    { area: '7 UI at 1M contacts', name: 'contacts page: first rows', ours: '346 ms (all: 423, 362)', peer: '', ratio: '', budget: '≤ 300 ms', pass: false },
    { area: '7 UI at 1M contacts', name: 'report | figures', ours: '291 ms', peer: '', ratio: '', budget: '≤ 500 ms', pass: true },
    { area: '7 UI at 1M contacts', name: 'reported only', ours: '12\nms', pass: null },
  ],
};

const doc = (region: string) => `# Performance\n\nBefore.\n\n${START}\n${region}\n${END}\n\nAfter.\n`;

describe('performance-doc', () => {
  it('keys an area by its number, so a renamed area replaces its old table', () => {
    expect(areaKey('2 Lighthouse 12.2.3')).toBe('2');
    expect(areaKey('ui')).toBe('ui');
  });

  it('dates the run and says how its areas ended, naming the machine when the file does', () => {
    expect(formatDate(run.date)).toBe('2026-12-07 14:00 UTC');
    expect(runLine(run)).toBe('From the run of 2026-12-07 14:00 UTC (`npm run bench -- ui`); ui: done in 20.4 s.');
    const missed: BenchResults = {
      ...run,
      machine: '2 cores, shared',
      sections: [{ name: 'ui', outcome: 'missed its deadline', seconds: 480, step: 'starting Chromium' }],
    };
    expect(runLine(missed)).toBe(
      'From the run of 2026-12-07 14:00 UTC, on 2 cores, shared (`npm run bench -- ui`); ui: missed its deadline in 480.0 s, at “starting Chromium”.',
    );
  });

  it('renders an area as its mark, a heading, the run and a table with the verdict of each figure', () => {
    expect(renderArea('7 UI at 1M contacts', run.figures, run)).toBe(
      [
        '<!-- area: 7 UI at 1M contacts -->',
        '### 7 UI at 1M contacts',
        '',
        'From the run of 2026-12-07 14:00 UTC (`npm run bench -- ui`); ui: done in 20.4 s.',
        '',
        '| Area | Figure | Ours | Peer (same run) | Ratio | Budget | Result |',
        '|---|---|---|---|---|---|---|',
        '| 7 UI at 1M contacts | contacts page: first rows | 346 ms (all: 423, 362) |  |  | ≤ 300 ms | MISSED |',
        '| 7 UI at 1M contacts | report \\| figures | 291 ms |  |  | ≤ 500 ms | ok |',
        '| 7 UI at 1M contacts | reported only | 12 ms |  |  |  |  |',
      ].join('\n'),
    );
  });

  it('makes one block per area, in the order the run measured them', () => {
    const two: BenchResults = { ...run, figures: [{ area: '3 API at 1M', name: 'get', ours: '1 ms' }, ...run.figures] };
    expect(renderRun(two).map((block) => block.key)).toEqual(['3', '7']);
  });

  it("replaces the run's areas, keeps the others in area order, and leaves the text around the markers alone", () => {
    const before = doc(
      [
        '<!-- area: 1 Bundle -->',
        '### 1 Bundle',
        '',
        'From an older run.',
        '',
        '<!-- area: 7 UI at 1M contacts -->',
        '### 7 UI at 1M contacts',
        '',
        'Old figures.',
      ].join('\n'),
    );
    const after = updateDocument(before, run);
    expect(after.startsWith('# Performance\n\nBefore.\n\n<!-- figures:start -->\n<!-- area: 1 Bundle -->')).toBe(true);
    expect(after.endsWith('<!-- figures:end -->\n\nAfter.\n')).toBe(true);
    expect(after).toContain('From an older run.');
    expect(after).not.toContain('Old figures.');
    expect(splitAreas(after.slice(after.indexOf(START) + START.length, after.indexOf(END))).map((block) => block.key)).toEqual(['1', '7']);
    // Once written, writing the same run again changes nothing.
    expect(updateDocument(after, run)).toBe(after);
  });

  it('refuses a document without markers and results without figures', () => {
    expect(() => updateDocument('# Performance\n', run)).toThrow(/markers/);
    expect(() => updateDocument(doc(''), { ...run, figures: [] })).toThrow(/no figures/);
  });
});
