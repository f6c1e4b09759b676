import { MetricInputError } from '../core/errors.js';
import { type Decimal, exactSum } from '../core/internal/decimal.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { withLaterRowIssues } from '../core/internal/rowIssues.js';
import { toDecimal } from '../core/numeric.js';
import type { InputPath, Numeric } from '../core/types.js';
import { apportionShares } from './internal/apportionShares.js';
import { bandIndexOf } from './internal/bandIndexOf.js';
import { resolveHealthBands } from './internal/resolveHealthBands.js';
import { toHealthScore } from './internal/toHealthScore.js';
import type { HealthBand } from './types.js';

/**
 * One account of a portfolio.
 *
 * @category Health
 */
export interface PortfolioAccount {
  /** Its health score, 0–100, or null when it has none. */
  readonly score: number | null;
  /**
   * Its band label, when already known (e.g. from `scoreHealth`); must be one of the bands and, with a score,
   * the score's band. An account with neither score nor band is unscored.
   */
  readonly band?: string | null;
  /** Its MRR, >= 0. */
  readonly mrr: Numeric;
}

/**
 * Options of {@link portfolioHealth}.
 *
 * @category Health
 */
export interface PortfolioHealthOptions {
  /** Overall bands, worst first, covering [0, 100]; default {@link DEFAULT_HEALTH_BANDS}. */
  readonly bands?: readonly HealthBand[];
}

/**
 * The accounts and MRR in one band.
 *
 * @category Health
 */
export interface PortfolioBand {
  readonly label: string;
  /** How many accounts are in the band. */
  readonly accounts: number;
  /** Their total MRR. */
  readonly mrr: Decimal;
  /** Share of the scored accounts; the shares of all bands sum to exactly 1; null with no scored account. */
  readonly accountShare: Decimal | null;
  /** Share of the scored accounts' MRR; the shares sum to exactly 1; null when that MRR is 0. */
  readonly mrrShare: Decimal | null;
}

/**
 * A portfolio's health at a glance.
 *
 * @category Health
 */
export interface PortfolioHealth {
  /** All accounts, scored or not. */
  readonly accounts: number;
  /** All MRR, scored or not. */
  readonly mrr: Decimal;
  /** Accounts with neither score nor band, and their MRR (not in any share). */
  readonly unscored: { readonly accounts: number; readonly mrr: Decimal };
  /** One entry per band, worst first. */
  readonly bands: readonly PortfolioBand[];
  /** MRR of the accounts in the lowest (first) band. */
  readonly mrrAtRisk: Decimal;
  /** The lowest band's MRR share (as in `bands[0].mrrShare`); null when the scored MRR is 0. */
  readonly mrrAtRiskShare: Decimal | null;
}

/**
 * Summarises a portfolio by health band: how many accounts and how much MRR sit in each band, their shares, and
 * the MRR at risk (the MRR in the lowest band).
 *
 * Formula: per band, accounts = count, mrr = Σ mrr; accountShare = accounts / scored accounts and mrrShare = mrr /
 * scored MRR, each to 20 decimal places apportioned by largest remainder so that the shares sum to exactly 1;
 * mrrAtRisk = mrr of the first band.
 * Units: counts; MRR in the input's currency (Decimal); shares as ratios (Decimal, 0.25 = 25 %).
 * Source: the per-colour account and ARR split of Gainsight's and ChurnZero's portfolio dashboards; the exact
 * apportionment and the treatment of unscored accounts are our convention (docs/health.md).
 * Edge cases: an empty portfolio gives zeros and null shares; unscored accounts are counted apart and left out of
 * every share; a score outside 0–100, an unknown band, a band contradicting the score or a negative MRR is a
 * MetricInputError.
 *
 * @category Health
 * @example
 * const summary = portfolioHealth([
 *   { score: 30, mrr: 500 },
 *   { score: 60, mrr: 250 },
 *   { score: null, band: 'green', mrr: 250 },
 *   { score: null, mrr: 100 },
 * ])
 * summary.bands.map((band) => [band.label, band.accounts, band.accountShare.toString(), band.mrrShare.toString()])
 * //=> [['red', 1, '0.33333333333333333334', '0.5'], ['yellow', 1, '0.33333333333333333333', '0.25'], ['green', 1, '0.33333333333333333333', '0.25']]
 * summary.mrrAtRisk.toString()
 * //=> '500'
 */
export function portfolioHealth(
  accounts: readonly PortfolioAccount[],
  options: PortfolioHealthOptions = {},
): PortfolioHealth {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const bands = resolveHealthBands(options.bands, ['options', 'bands']);
  assertArray(accounts, ['accounts']);
  const counts = new Array<number>(bands.length).fill(0);
  // Each band's MRR is collected and added once, exactly (a running `plus` rounds at 40 significant digits).
  const bandTerms = bands.map((): Decimal[] => []);
  let unscoredCount = 0;
  const unscoredTerms: Decimal[] = [];
  // Array.from visits the holes of a sparse array (forEach would skip them unchecked).
  const read = (account: unknown, index: number) => {
    const path: InputPath = ['accounts', index];
    assertObject(account, path);
    const mrr = toDecimal(account.mrr, [...path, 'mrr'], 'nonNegative');
    return { mrr, band: bandOf(account, bands, path) };
  };
  const list = Array.from(accounts);
  let failedAt = 0;
  try {
    list.forEach((account, index) => {
      failedAt = index;
      const { mrr, band } = read(account, index);
      if (band < 0) {
        unscoredCount += 1;
        unscoredTerms.push(mrr);
        return;
      }
      counts[band]! += 1;
      bandTerms[band]!.push(mrr);
    });
  } catch (error) {
    throw withLaterRowIssues(error, failedAt, list.length, (later) => read(list[later], later));
  }
  const scored = accounts.length - unscoredCount;
  const accountShares = apportionShares(
    counts.map((count) => toDecimal(count)),
    toDecimal(scored),
  );
  const mrrs = bandTerms.map((terms) => exactSum(terms));
  const scoredMrr = exactSum(mrrs);
  const unscoredMrr = exactSum(unscoredTerms);
  const total = exactSum([scoredMrr, unscoredMrr]);
  const mrrShares = apportionShares(mrrs, scoredMrr);
  return {
    accounts: accounts.length,
    mrr: total,
    unscored: { accounts: unscoredCount, mrr: unscoredMrr },
    bands: bands.map((band, index) => ({
      label: band.label,
      accounts: counts[index]!,
      mrr: mrrs[index]!,
      accountShare: accountShares[index]!,
      mrrShare: mrrShares[index]!,
    })),
    mrrAtRisk: mrrs[0]!,
    mrrAtRiskShare: mrrShares[0]!,
  };
}

// The band index of an account, or -1 when it has neither score nor band.
function bandOf(account: Record<string, unknown>, bands: readonly HealthBand[], path: InputPath): number {
  const { score, band } = account;
  let fromScore = -1;
  if (score !== null && score !== undefined) {
    const value = toHealthScore(score, [...path, 'score'], true);
    fromScore = bandIndexOf(bands, value.toNumber());
  }
  if (band === undefined || band === null) return fromScore;
  const fromLabel = bands.findIndex((candidate) => candidate.label === band);
  if (fromLabel < 0) {
    throw new MetricInputError({
      code: 'invalid_option',
      path: [...path, 'band'],
      expected: `one of ${bands.map((candidate) => JSON.stringify(candidate.label)).join(', ')}`,
      received: describeValue(band),
    });
  }
  if (fromScore >= 0 && fromScore !== fromLabel) {
    throw new MetricInputError({
      code: 'invalid_value',
      path: [...path, 'band'],
      expected: `the band of its score (${JSON.stringify(bands[fromScore]!.label)})`,
      received: describeValue(band),
    });
  }
  return fromLabel;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['bands']);
