/** Types of scripts/performance-doc.mjs, for its unit test (bench/lib/performance-doc.test.ts). */
export interface ResultsFigure {
  area: string;
  name: string;
  ours: string;
  peer?: string;
  ratio?: string;
  budget?: string;
  /** null: reported, not budgeted. */
  pass?: boolean | null;
  raw?: Record<string, unknown>;
}
export interface ResultsSection {
  name: string;
  outcome: string;
  seconds?: number;
  deadlineSeconds?: number;
  step?: string;
}
/** The shape of bench/results.json (`machine` is optional: written when the run names one). */
export interface BenchResults {
  date: string;
  machine?: string;
  areas?: string[];
  sections?: ResultsSection[];
  figures: ResultsFigure[];
  markdown?: string;
}
export interface AreaBlock {
  key: string;
  text: string;
}
export declare const RESULTS_PATH: string;
export declare const DOC_PATH: string;
export declare const START: string;
export declare const END: string;
export declare function areaKey(area: string): string;
export declare function formatDate(iso: string): string;
export declare function runLine(results: BenchResults): string;
export declare function renderArea(area: string, figures: readonly ResultsFigure[], results: BenchResults): string;
export declare function renderRun(results: BenchResults): AreaBlock[];
export declare function splitAreas(region: string): AreaBlock[];
export declare function updateDocument(doc: string, results: BenchResults): string;
