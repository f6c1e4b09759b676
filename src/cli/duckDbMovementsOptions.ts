import type { Granularity } from '../core/types.js';
import type { CurrencyOptions } from '../revenue/types.js';

/** What the CLI's DuckDB engine is asked to compute (its own file: the row checks read it too). @private */
export interface DuckDbMovementsOptions {
  readonly granularity: Granularity;
  readonly from?: string;
  /** The report's as-of day; default: the last day of the data (latest start or end date). */
  readonly asOf?: string;
  /** Decimal places MRR is computed with (`DECIMAL(38, mrrScale)`), 0 … 18. */
  readonly mrrScale: number;
  /** How many recent periods the cohort matrix covers (the report's `cohortPeriods`). */
  readonly cohortPeriods: number;
  /** The column whose value is each row's segment (every row needs one): adds the segments' tables. */
  readonly segmentColumn?: string;
  /** Converts a currency column into `reporting` with the rates read from `ratesFile` (as the memory engine). */
  readonly currency?: CurrencyOptions;
  /** The rates file's name, for messages. */
  readonly ratesFile?: string;
  /** Called about ten times a second while DuckDB works: its progress in percent (0 … 100) and the step. */
  readonly onProgress?: (percentage: number, phase: string) => void;
  /**
   * The largest CSV (bytes) whose bad rows are named by reading it as the in-memory engine does, its exact
   * messages; default 256 MiB. A larger file's bad rows are named by DuckDB's count of rows (tests set it to 0).
   */
  readonly exactMessagesUpTo?: number;
}
