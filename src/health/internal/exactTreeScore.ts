import type { CompiledScorecard } from './compileScorecard.js';
import type { HealthScratch } from './healthScratch.js';
import type { ActiveOverrides } from './resolveOverrides.js';
import { roundScore } from './scoreRule.js';

/**
 * Group `g`'s score (0 is the top level) rounded half-up to 6 decimals, exactly: the documented rounding of the
 * weighted mean of the decimal values the account holds (each score and weight as written, `47.123456`,
 * `0.1`). The mean is computed in floating point by `scoreTree`; that is exact enough everywhere but next to a
 * half tie (x.xxxxxx5), where an error of 1e-15 decides the last micro-point (14 of 7,043 accounts of one real
 * portfolio came out 1e-6 low). So only a floating-point result within TIE_WINDOW micro-points of a tie is
 * recomputed, as an exact fraction of integers, from the scores and configured weights the scratch holds.
 *
 * @private
 */
export function roundedGroupScore(
  compiled: CompiledScorecard,
  scratch: HealthScratch,
  overrides: ActiveOverrides | undefined,
  g: number,
  approximate: number,
): number {
  const units = approximate * 1e6;
  if (Math.abs(units - Math.floor(units) - 0.5) > TIE_WINDOW) return roundScore(approximate);
  const exact = exactGroupScores(compiled, scratch, overrides, g)[g];
  if (exact === undefined) return roundScore(approximate);
  // floor(x · 10^6 + 1/2) for x = num / den >= 0.
  const micro = (2n * exact.num * 1_000_000n + exact.den) / (2n * exact.den);
  return Number(micro) / 1e6;
}

/** How close to a half micro-point (in micro-points) a floating-point mean must be to be recomputed exactly. */
const TIE_WINDOW = 1e-3;

/** A non-negative rational number num / den, den > 0. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

// Every group's exact score from the deepest up to `root` (groups are numbered depth-first, so a group's
// children have larger numbers): the same aggregation as scoreTree, over the same scores and exclusions, with
// the configured weights (scoreTree scales a group's weights by a power of two, which its mean does not see).
// A loop, not recursion: groups nest only as deep as the scorecard does, but a loop has no depth at all.
function exactGroupScores(
  compiled: CompiledScorecard,
  scratch: HealthScratch,
  overrides: ActiveOverrides | undefined,
  root: number,
): (Fraction | undefined)[] {
  const { measures, groups } = compiled;
  const { mScore, gPick, gScore } = scratch;
  const scores: (Fraction | undefined)[] = new Array(groups.length);
  for (let g = groups.length - 1; g >= root; g -= 1) {
    const manual = g === 0 ? undefined : overrides?.groups[g];
    if (manual !== undefined) {
      scores[g] = decimalFraction(manual);
      continue;
    }
    // A group scoreTree excluded (no child with a score) has no score here either: a min/max group's pick is
    // then left at 0, which is not a pick.
    if (Number.isNaN(gScore[g]!)) {
      scores[g] = undefined;
      continue;
    }
    const group = groups[g]!;
    if (group.aggregation !== 'weightedMean') {
      const pick = gPick[g]!;
      const picked = pick >= 0 ? mScore[pick]! : Number.NaN;
      scores[g] =
        pick >= 0 ? (Number.isNaN(picked) ? undefined : decimalFraction(picked)) : scores[-1 - pick];
      continue;
    }
    // Σ w·s and Σ w over the children with a score; measures first, as decimals at a common scale.
    let weighted: Fraction = { num: 0n, den: 1n };
    let weights: Fraction = { num: 0n, den: 1n };
    let any = false;
    for (const m of group.measures) {
      const score = mScore[m]!;
      if (Number.isNaN(score)) continue;
      const weight = decimalFraction(measures[m]!.config.weight);
      weighted = add(weighted, multiply(weight, decimalFraction(score)));
      weights = add(weights, weight);
      any = true;
    }
    for (const child of group.groups) {
      const score = scores[child];
      if (score === undefined) continue;
      const weight = decimalFraction(groups[child]!.configuredWeight);
      weighted = add(weighted, multiply(weight, score));
      weights = add(weights, weight);
      any = true;
    }
    scores[g] =
      any && weights.num > 0n
        ? { num: weighted.num * weights.den, den: weighted.den * weights.num }
        : undefined;
  }
  return scores;
}

// The decimal a double is written as (its shortest round-trip text, `0.1`, `1e-7`), as a fraction over 10^k.
function decimalFraction(value: number): Fraction {
  const [mantissa, exponentText] = String(value).split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [whole, decimals = ''] = mantissa!.split('.');
  const digits = BigInt(`${whole}${decimals}`);
  const places = decimals.length - exponent;
  return places >= 0
    ? { num: digits, den: 10n ** BigInt(places) }
    : { num: digits * 10n ** BigInt(-places), den: 1n };
}

// Sums of decimals share a power-of-ten denominator: the larger one is used, so numbers stay small.
function add(a: Fraction, b: Fraction): Fraction {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  if (a.den > b.den && a.den % b.den === 0n) return { num: a.num + b.num * (a.den / b.den), den: a.den };
  if (b.den > a.den && b.den % a.den === 0n) return { num: a.num * (b.den / a.den) + b.num, den: b.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

function multiply(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}
