import { rejectInput } from '../core/internal/rejectInput.js';

/**
 * A deterministic pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * machine, so sample data and benchmarks are reproducible. Not for cryptography.
 *
 * Edge cases: a seed that is not a safe integer is a MetricInputError (its low 32 bits are the state).
 *
 * @category Sample data
 * @example
 * const random = seededRandom(42)
 * random() === seededRandom(42)()
 * //=> true
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) rejectInput('not_integer', ['seed'], 'a whole number', seed);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
