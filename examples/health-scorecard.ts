// A health scorecard scored for a book of accounts, then tested: did May's score predict who churned by November?
// Then the weights the data would have chosen (calibrateWeights), put back into the scorecard (withMeasureWeights).
// Run: npm run build && node --import tsx examples/health-scorecard.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  calibrateWeights,
  defineScorecard,
  evaluateHealthScore,
  SAMPLE_SCORECARD,
  scoreHealthMany,
  withMeasureWeights,
} from 'customer-health';

// Measures taken on 2026-05-01, and whether the account churned in the six months after. An empty last_nps means
// the account never answered a survey: missing, so the scorecard's default 'exclude' reweighs the rest.
const rows: Record<string, string>[] = parse(readFileSync('examples/data/health-accounts.csv'), {
  columns: true,
});
const accounts = rows.map((r) => ({
  seatUtilization: r.seat_utilization,
  loginsPerWeek: r.logins_per_week,
  openTickets: r.open_tickets,
  lastNps: r.last_nps || null,
  mrrGrowth: r.mrr_growth,
}));
const churned = rows.map((r) => r.churned_by_2026_11_01 === 'yes');

// The sample scorecard: adoption 50 (logins, seat use), sentiment 25 (NPS), support 15 (tickets), growth 10.
const card = defineScorecard(SAMPLE_SCORECARD);
const scores = scoreHealthMany(
  card,
  accounts.map((measures) => ({ measures })),
).map((h) => h.score!);
// acc_001 by hand: logins 0.8 of 0–10 → 8; seats 0.29 of target 0.8 → 36.25; NPS 5 → 50; 1 ticket of 0–5
// (lower is better) → 80; growth −0.262 of −0.5…0.5 → 23.8. Adoption (8 + 36.25) / 2 = 22.125, and
// (50 × 22.125 + 25 × 50 + 15 × 80 + 10 × 23.8) / 100 = 37.9425.
assert.equal(scores[0], 37.9425);

const evaluation = evaluateHealthScore({ scores, churned });
for (const band of evaluation.bands)
  console.log(
    `${band.label.padEnd(6)} ${band.accounts} accounts, ${band.churned} churned (${pct(band.churnRate)})`,
  );
console.log(
  `AUC ${evaluation.auc!.toFixed(3)}, churn falls as bands improve: ${evaluation.churnFallsAsBandsImprove}`,
);

// AUC by hand (Hanley & McNeil): the share of (retained, churned) pairs where the retained account scored higher,
// ties counting one half. Band churn recounted with the default bands: red < 50 ≤ yellow < 75 ≤ green.
let [pairs, wins] = [0, 0];
scores.forEach((kept, i) => {
  if (churned[i]) return;
  scores.forEach((lost, j) => {
    if (churned[j]) [pairs, wins] = [pairs + 1, wins + (kept > lost ? 1 : kept === lost ? 0.5 : 0)];
  });
});
assert.equal(evaluation.auc!.toFixed(12), (wins / pairs).toFixed(12));
const red = scores.map((s, i) => [s, churned[i]] as const).filter(([s]) => s < 50);
assert.deepEqual(
  [evaluation.bands[0]!.accounts, evaluation.bands[0]!.churned],
  [red.length, red.filter(([, c]) => c).length],
);

// Calibration: ridge logistic regression of churn on the standardised measure scores, weights ≥ 0, summing to 100.
const calibration = calibrateWeights(card, { accounts, churned })!; // null only if one class is empty
const weights = calibration.weights!;
console.log(
  'calibrated weights:',
  Object.entries(weights)
    .map(([id, w]) => `${id} ${w.toFixed(1)}`)
    .join(', '),
);
console.log(`measures the data say point the wrong way: ${calibration.wrongDirection.join(', ') || 'none'}`);
assert.equal(
  Object.values(weights).reduce((sum, w) => sum + Math.round(w * 1e6), 0),
  100_000_000,
);

// withMeasureWeights puts each weight on its measure (groups weigh the sum of theirs), so an account with every
// measure scores Σ weight × measure score / 100. acc_001 again, with its measure scores from above:
const calibrated = withMeasureWeights(card, weights);
const rescored = scoreHealthMany(
  calibrated,
  accounts.map((measures) => ({ measures })),
).map((h) => h.score!);
const byHand = { loginsPerWeek: 8, seatUtilization: 36.25, lastNps: 50, openTickets: 80, mrrGrowth: 23.8 };
const expected = Object.entries(byHand).reduce((sum, [id, s]) => sum + (weights[id]! * s) / 100, 0);
assert.ok(Math.abs(rescored[0]! - expected) < 1e-5);

// In-sample, hence optimistic: judge new weights on a later window before adopting them.
const after = evaluateHealthScore({ scores: rescored, churned });
console.log(
  `AUC with calibrated weights ${after.auc!.toFixed(3)} (in-sample; calibration's own ${calibration.auc!.toFixed(3)})`,
);

function pct(rate: { times(n: number): { toFixed(d: number): string } } | null) {
  return rate === null ? 'n/a' : `${rate.times(100).toFixed(1)} %`;
}
