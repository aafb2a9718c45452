import type { Broadcast } from '@contract/broadcast.ts';

/**
 * The report's figures, each from one source with one rounding rule, so every place that shows one (the header's
 * screen-reader progress, the cards, the charts and their legends) says the same thing.
 */

const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A share of a whole, 0 to 100, to a tenth of a percent, rounded down: nothing reads 100% before it is. */
export function shareOf(count: number, total: number): number {
  if (total <= 0 || count <= 0) return 0;
  return Math.min(100, Math.floor((count / total) * 1000 + 1e-9) / 10);
}

/** A share as the report writes it everywhere: "33.1%", "28%", "100%". */
export const formatShare = (count: number, total: number) => `${percentFormat.format(shareOf(count, total))}%`;

export interface ReportFigures {
  recipients: number;
  completed: number;
  notFinished: number;
  /** 0 to 100, the value of the progress bar. */
  completedShare: number;
  /** "28.4%": the one text of the completed share. */
  completedShareText: string;
  delivered: number;
  /** Delivered as a share of the recipients, the same base as the results chart's legend. */
  deliveredShareText: string;
}

export function reportFigures(broadcast: Broadcast): ReportFigures {
  const recipients = broadcast.PhoneNumberCount;
  const completed = Math.min(broadcast.TotalCompleted, recipients);
  const delivered = broadcast.DeliveredTexts ?? 0;
  return {
    recipients,
    completed,
    notFinished: Math.max(0, recipients - completed),
    completedShare: shareOf(completed, recipients),
    completedShareText: formatShare(completed, recipients),
    delivered,
    deliveredShareText: formatShare(delivered, recipients),
  };
}

/** Which tenth of the way a running broadcast is in: the header's screen-reader text speaks when it changes. */
export const progressStep = (figures: ReportFigures) => Math.floor(figures.completedShare / 10);
