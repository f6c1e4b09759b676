import type { MeasureStatus } from '../measureHealth.js';
import type { CompiledScorecard } from './compileScorecard.js';

/**
 * Working arrays for one account's score, allocated once per scorecard and reused row after row so that bulk
 * scoring does not churn the garbage collector. NaN marks "no score"; `mStatus` holds the codes below.
 *
 * @private
 */
export interface HealthScratch {
  readonly mScore: Float64Array;
  readonly mStatus: Uint8Array;
  /** The raw values of the row being scored, by measure index. */
  readonly raws: unknown[];
  readonly mWeight: Float64Array;
  readonly mUnits: Float64Array;
  readonly gScore: Float64Array;
  readonly gWeightSum: Float64Array;
  readonly gPick: Int32Array;
  readonly gWeight: Float64Array;
  readonly gUnits: Float64Array;
  readonly leaves: Int32Array;
  readonly exact: Float64Array;
  readonly units: Float64Array;
}

/** @private */
export const SCORED = 0;
/** @private */
export const IMPUTED = 1;
/** @private */
export const EXCLUDED = 2;
/** @private */
export const OVERRIDDEN = 3;

/**
 * The {@link MeasureStatus} of each status code in {@link HealthScratch.mStatus}.
 *
 * @private
 */
export const STATUS_NAMES: readonly MeasureStatus[] = ['scored', 'imputed', 'excluded', 'overridden'];

/**
 * Allocates the working arrays for a compiled scorecard.
 *
 * @private
 */
export function createScratch(compiled: CompiledScorecard): HealthScratch {
  const nM = compiled.measures.length;
  const nG = compiled.groups.length;
  return {
    mScore: new Float64Array(nM),
    mStatus: new Uint8Array(nM),
    raws: new Array(nM).fill(undefined),
    mWeight: new Float64Array(nM),
    mUnits: new Float64Array(nM),
    gScore: new Float64Array(nG),
    gWeightSum: new Float64Array(nG),
    gPick: new Int32Array(nG),
    gWeight: new Float64Array(nG),
    gUnits: new Float64Array(nG),
    leaves: new Int32Array(nM + nG),
    exact: new Float64Array(nM + nG),
    units: new Float64Array(nM + nG),
  };
}
