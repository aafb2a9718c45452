import { describe, expect, it } from 'vitest';
import { progressSeries } from './progress-series.ts';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 7, 10, minute, second));
const newestFirst = (dates: Date[]) => [...dates].sort((a, b) => b.getTime() - a.getTime());

describe('progressSeries', () => {
  it('counts every completion exactly when the page holds them all, ending on the total', () => {
    const latest = newestFirst([at(1), at(2), at(2, 30), at(4)]);
    const series = progressSeries(at(0), latest, 4, 4)!;
    expect(series.at.map((date) => date.toISOString())).toEqual([
      at(0).toISOString(),
      new Date(at(1).getTime() + 249).toISOString(),
      new Date(at(2).getTime() + 499).toISOString(),
      new Date(at(3).getTime() + 749).toISOString(),
      new Date(at(4).getTime() + 999).toISOString(),
    ]);
    expect(series.completed).toEqual([0, 1, 2, 3, 4]);
    expect(series.joinedBefore).toBeNull();
  });

  it('counts a call within the second it was written in', () => {
    const series = progressSeries(at(0), [at(10)], 1, 2)!;
    expect(series.completed.at(-1)).toBe(1);
  });

  it('is exact back to the oldest completion read, and joins the start to it when more completed than were read', () => {
    // 10 completed, the page holds the newest 3 (minutes 7, 8 and 9).
    const series = progressSeries(at(0), newestFirst([at(7), at(8), at(9)]), 10, 9)!;
    expect(series.completed).toEqual([0, null, null, null, null, null, null, 8, 9, 10]);
    expect(series.joinedBefore).toEqual(series.at[7]);
  });

  it('has nothing to draw before the first completion', () => {
    expect(progressSeries(at(0), [], 0)).toBeNull();
    expect(progressSeries(at(5), [at(5)], 1)).toBeNull();
  });
});
