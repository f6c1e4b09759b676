import { MetricInputError } from '../core/errors.js';
import { Decimal, ZERO } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { InputPath, Numeric } from '../core/types.js';

/**
 * Which DAU/MAU convention {@link stickiness} uses.
 *
 * - `'averageDau'` (the default): the month's average daily active users over the month's unique active users.
 * - `'averageOfDailyRatios'`: each day's active users over that day's trailing-month active users (a rolling
 *   MAU), averaged over the days.
 *
 * @category Adoption
 */
export type StickinessMethod = 'averageDau' | 'averageOfDailyRatios';

/**
 * Active-user counts for {@link stickiness}. Their shape depends on the method.
 *
 * @category Adoption
 */
export interface StickinessInput {
  /**
   * `'averageDau'`: the unique active users of each day of the month (whole numbers), or their average
   * already taken (one number, may be fractional). `'averageOfDailyRatios'`: one whole number per day.
   */
  readonly dailyActiveUsers: Numeric | readonly Numeric[];
  /**
   * `'averageDau'`: unique users active at least once in the month (one whole number).
   * `'averageOfDailyRatios'`: for each day, the unique users active in the month (30 days) ending that day,
   * one whole number per day, aligned with `dailyActiveUsers`.
   */
  readonly monthlyActiveUsers: Numeric | readonly Numeric[];
}

/**
 * Options of {@link stickiness}.
 *
 * @category Adoption
 */
export interface StickinessOptions {
  /** The DAU/MAU convention; default `'averageDau'`. */
  readonly method?: StickinessMethod;
}

const METHODS: readonly StickinessMethod[] = ['averageDau', 'averageOfDailyRatios'];

/**
 * Stickiness (DAU/MAU): how much of the month's user base shows up on a typical day, the habit signal of
 * product adoption. 0.25 reads "the average monthly user is active about a quarter of the days".
 *
 * Formula: `'averageDau'` (default): (Σ daily active users / days) / monthly active users.
 * `'averageOfDailyRatios'`: (1 / days) × Σ (DAU_d / MAU_d), MAU_d being the trailing-month actives on day d.
 * Units: a ratio in [0, 1] (Decimal). Source: the DAU/MAU ratio popularised by Facebook's reporting; which
 * average is taken varies by tool, so the convention is named here (docs/adoption.md).
 * Edge cases: MAU = 0 or no days gives null; with `'averageOfDailyRatios'` days whose MAU is 0 are skipped
 * (their ratio is undefined) and null is returned if none remain. A daily count above its MAU, a negative or
 * fractional count, arrays of different lengths, or an input whose shape does not fit the method is a
 * MetricInputError.
 *
 * @category Adoption
 * @example
 * stickiness({ dailyActiveUsers: [20, 30, 40], monthlyActiveUsers: 100 }).toString()
 * //=> '0.3'
 * stickiness({ dailyActiveUsers: [20, 30], monthlyActiveUsers: [40, 100] }, { method: 'averageOfDailyRatios' }).toString()
 * //=> '0.4'
 * stickiness({ dailyActiveUsers: 0, monthlyActiveUsers: 0 })
 * //=> null
 */
export function stickiness(input: StickinessInput, options: StickinessOptions = {}): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const method = oneOf(options.method ?? 'averageDau', METHODS, ['options', 'method']);
  return method === 'averageDau' ? averageDau(input) : averageOfDailyRatios(input);
}

function averageDau(input: Record<string, unknown>): Decimal | null {
  const { dailyActiveUsers, monthlyActiveUsers } = input;
  if (Array.isArray(monthlyActiveUsers)) {
    throw wrongShape(['monthlyActiveUsers'], 'one whole number for method "averageDau"', monthlyActiveUsers);
  }
  const mau = new Decimal(toCount(monthlyActiveUsers, ['monthlyActiveUsers']));
  if (!Array.isArray(dailyActiveUsers)) {
    const average = toDecimal(dailyActiveUsers, ['dailyActiveUsers'], 'nonNegative');
    assertAtMost(average, mau, ['dailyActiveUsers'], dailyActiveUsers);
    return ratioOrNull(average, mau);
  }
  let total = ZERO;
  for (let day = 0; day < dailyActiveUsers.length; day += 1) {
    const raw: unknown = dailyActiveUsers[day];
    const dau = new Decimal(toCount(raw, ['dailyActiveUsers', day]));
    assertAtMost(dau, mau, ['dailyActiveUsers', day], raw);
    total = total.plus(dau);
  }
  if (dailyActiveUsers.length === 0) return null;
  return ratioOrNull(total.dividedBy(dailyActiveUsers.length), mau);
}

function averageOfDailyRatios(input: Record<string, unknown>): Decimal | null {
  const { dailyActiveUsers, monthlyActiveUsers } = input;
  const expected = 'an array of whole numbers, one per day, for method "averageOfDailyRatios"';
  if (!Array.isArray(dailyActiveUsers)) throw wrongShape(['dailyActiveUsers'], expected, dailyActiveUsers);
  if (!Array.isArray(monthlyActiveUsers))
    throw wrongShape(['monthlyActiveUsers'], expected, monthlyActiveUsers);
  if (dailyActiveUsers.length !== monthlyActiveUsers.length) {
    throw new MetricInputError({
      code: 'length_mismatch',
      path: ['monthlyActiveUsers'],
      expected: `an array of the same length as dailyActiveUsers (${dailyActiveUsers.length})`,
      received: describeValue(monthlyActiveUsers),
    });
  }
  let sum = ZERO;
  let days = 0;
  for (let day = 0; day < dailyActiveUsers.length; day += 1) {
    const raw: unknown = dailyActiveUsers[day];
    const dau = new Decimal(toCount(raw, ['dailyActiveUsers', day]));
    const mau = new Decimal(toCount(monthlyActiveUsers[day], ['monthlyActiveUsers', day]));
    assertAtMost(dau, mau, ['dailyActiveUsers', day], raw);
    const ratio = ratioOrNull(dau, mau);
    if (ratio !== null) {
      sum = sum.plus(ratio);
      days += 1;
    }
  }
  return days === 0 ? null : sum.dividedBy(days);
}

function assertAtMost(value: Decimal, limit: Decimal, path: InputPath, raw: unknown): void {
  if (value.greaterThan(limit)) {
    throw new MetricInputError({
      code: 'out_of_range',
      path,
      expected: `at most the monthly active users (${limit.toString()}): a day's users are among the month's`,
      received: describeValue(raw),
    });
  }
}

function wrongShape(path: InputPath, expected: string, value: unknown): MetricInputError {
  return new MetricInputError({ code: 'invalid_type', path, expected, received: describeValue(value) });
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['method']);

const INPUT_KEYS: ReadonlySet<string> = new Set(['dailyActiveUsers', 'monthlyActiveUsers']);
