import { describe, expect, it } from 'vitest';
import type { Broadcast } from '@contract/broadcast.ts';
import { formatShare, progressStep, reportFigures, shareOf } from './report-figures.ts';

const broadcast = (fields: Partial<Broadcast>) => ({ PhoneNumberCount: 0, TotalCompleted: 0, ...fields }) as Broadcast;

describe('report figures', () => {
  it('rounds every share down to a tenth of a percent', () => {
    expect(shareOf(456, 1377)).toBe(33.1);
    expect(shareOf(1376, 1377)).toBe(99.9);
    expect(shareOf(7, 25)).toBe(28);
    expect(shareOf(0, 0)).toBe(0);
    expect(formatShare(456, 1377)).toBe('33.1%');
    expect(formatShare(7, 25)).toBe('28%');
    expect(formatShare(1377, 1377)).toBe('100%');
  });

  it('gives the completed figure and its share one source', () => {
    const figures = reportFigures(broadcast({ PhoneNumberCount: 1377, TotalCompleted: 696 }));
    expect(figures).toMatchObject({ completed: 696, notFinished: 681, completedShareText: '50.5%', completedShare: 50.5 });
    expect(progressStep(figures)).toBe(5);
  });

  it('counts delivered texts on the same base as the results chart', () => {
    const figures = reportFigures(broadcast({ PhoneNumberCount: 1000, TotalCompleted: 1000, DeliveredTexts: 957, NotDeliveredTexts: 39 }));
    expect(figures.deliveredShareText).toBe('95.7%');
  });
});
