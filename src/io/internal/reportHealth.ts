import { ratioOrNull } from '../../core/internal/ratio.js';
import { toDecimal } from '../../core/numeric.js';
import { defineScorecard } from '../../health/scorecard.js';
import { scoreHealthMany } from '../../health/scoreHealthMany.js';
import type { HealthScore, Scorecard, ScorecardConfig } from '../../health/types.js';
import type { ReportHealth } from '../types.js';
import { relocated } from './reportParts.js';

/**
 * Scores every account's health measures with a scorecard and summarises the portfolio: band distribution,
 * the measure that most often loses the most points ("fix first"), and the lowest-scoring accounts.
 *
 * @private
 */
export function reportHealth(
  healthMeasures: readonly { readonly customerId: string }[],
  scorecardConfig: ScorecardConfig,
  lowestScores: number,
): ReportHealth {
  let scorecard: Scorecard;
  try {
    scorecard = defineScorecard(scorecardConfig);
  } catch (error) {
    throw relocated(error, (path) => ['scorecard', ...path]);
  }
  let scores: HealthScore[];
  try {
    scores = scoreHealthMany(
      scorecard,
      healthMeasures.map((row) => {
        const { customerId: _customerId, ...measures } = row as { customerId: string } & Record<
          string,
          unknown
        >;
        return { measures };
      }),
    );
  } catch (error) {
    // scoreHealthMany names `rows[i].measures.id`; the caller gave `healthMeasures[i].id`.
    throw relocated(error, ([root, index, field, ...rest]) =>
      root === 'rows' && field === 'measures'
        ? ['healthMeasures', index!, ...rest]
        : ['healthMeasures', ...[root, index, field, ...rest].filter((part) => part !== undefined)],
    );
  }
  const scored = scores.filter((result) => result.score !== null);
  const fixFirst = new Map<string, number>();
  for (const result of scored) {
    const worst = result.measures.reduce((a, b) => ((b.pointsLost ?? 0) > (a.pointsLost ?? 0) ? b : a));
    if ((worst.pointsLost ?? 0) > 0) fixFirst.set(worst.id, (fixFirst.get(worst.id) ?? 0) + 1);
  }
  return {
    accounts: scores.length,
    averageScore:
      scored.length === 0
        ? null
        : Math.round((scored.reduce((sum, result) => sum + result.score!, 0) / scored.length) * 10) / 10,
    bands: scorecard.bands.map((band) => {
      const accounts = scored.filter((result) => result.band === band.label).length;
      return {
        label: band.label,
        accounts,
        share: ratioOrNull(toDecimal(accounts), toDecimal(scored.length)),
      };
    }),
    fixFirst: [...fixFirst]
      .map(([measure, accounts]) => ({ measure, accounts }))
      .sort((a, b) => b.accounts - a.accounts),
    lowestScores: scores
      .map((result, index) => ({
        customerId: String(healthMeasures[index]!.customerId),
        score: result.score,
        band: result.band,
      }))
      .filter(
        (entry): entry is { customerId: string; score: number; band: string | null } => entry.score !== null,
      )
      // Code-unit order for ties, not localeCompare, so the list is the same on every machine.
      .sort(
        (a, b) =>
          a.score - b.score || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
      )
      .slice(0, lowestScores),
  };
}
