// A notebook-style walkthrough: each "cell" below is what you would type into an Observable, Jupyter (Deno
// kernel) or plain-browser notebook (docs/notebooks.md), and asserts what it prints.
// Run: npm run build && node --import tsx examples/notebook/walkthrough.ts
import assert from 'node:assert/strict';
import {
  cohortRetention,
  defineScorecard,
  generateSampleData,
  mrrMovements,
  netPromoterScore,
  netPromoterScoreInterval,
  netRevenueRetention,
  SAMPLE_SCORECARD,
  scoreHealthMany,
} from 'customer-health';

// Cell 1: a dataset small enough to check by hand. a pays 100 from January; b pays 50 in January and February;
// a adds a 30 seat add-on in March.
const subscriptions = [
  { customerId: 'a', start: '2024-01-01', mrr: 100 },
  { customerId: 'b', start: '2024-01-05', end: '2024-03-01', mrr: 50 },
  { customerId: 'a', start: '2024-03-10', mrr: 30 },
];
const table = mrrMovements(subscriptions, { to: '2024-03-31' });
// Decimals print exactly with toString / toFixed; use toNumber() only to hand values to a plotting library.
const rows = table.periods.map((row) => ({
  month: row.start.slice(0, 7),
  new: row.newMrr.toFixed(2),
  expansion: row.expansionMrr.toFixed(2),
  churned: row.churnedMrr.toFixed(2),
  ending: row.endingMrr.toFixed(2),
}));
console.table(rows);
assert.deepEqual(
  rows.map((row) => [row.month, row.ending]),
  [
    ['2024-01', '150.00'],
    ['2024-02', '150.00'],
    ['2024-03', '130.00'],
  ],
);

// Cell 2: March's net revenue retention: (150 + 30 expansion - 50 churned) / 150 = 130 / 150 = 0.8667.
const march = table.periods[2]!;
const nrr = netRevenueRetention(march);
console.log(`March NRR: ${nrr?.times(100).toFixed(1)} %`);
assert.equal(nrr?.toFixed(4), '0.8667');

// Cell 3: the January cohort (a and b): 2 of 2 paying in February, 1 of 2 in March.
const cohorts = cohortRetention(subscriptions, { to: '2024-03-31' });
const january = cohorts.cohorts[0]!;
console.log(
  `January cohort (${january.size}):`,
  january.cells.map((cell) => cell.retention?.toString()),
);
assert.deepEqual(
  january.cells.map((cell) => cell.retention?.toString()),
  ['1', '1', '0.5'],
);

// Cell 4: the built-in sample data, the same the `customer-health report` command uses. It bills in USD and
// EUR: sample.currency (USD reporting, monthly EUR rates) converts every row at the rate of its start.
const sample = generateSampleData();
const sampleTable = mrrMovements(sample.subscriptions, { currency: sample.currency });
const last = sampleTable.periods.at(-1)!;
console.log(
  `Sample: ${sample.subscriptions.length} subscriptions, MRR ${last.endingMrr.toFixed(2)} in ${last.start}`,
);
// The same figure as the report's "MRR" line, through a different code path.
assert.equal(last.endingMrr.toFixed(2), '62720.83');
// Every period balances exactly: ending = starting + new + expansion + reactivation - contraction - churned.
for (const row of sampleTable.periods) {
  const rebuilt = row.startingMrr
    .plus(row.newMrr)
    .plus(row.expansionMrr)
    .plus(row.reactivationMrr)
    .minus(row.contractionMrr)
    .minus(row.churnedMrr);
  assert.ok(rebuilt.equals(row.endingMrr), `${row.start} does not balance`);
}

// Cell 5: NPS over the last 12 months of answers, with its 95 % interval (adjusted Wald).
const lastYear = sample.npsResponses.filter(
  (response) => response.at > '2025-10-31' && response.at <= '2026-10-31',
);
const nps = netPromoterScore(lastYear.map((response) => response.score));
const interval = netPromoterScoreInterval(nps)!;
console.log(
  `NPS ${nps.score?.toFixed(1)} from ${nps.responses} answers (95 % CI ${interval.lower.toFixed(1)} to ${interval.upper.toFixed(1)})`,
);
assert.equal(nps.responses, 388);
assert.equal(nps.score?.toFixed(1), '-4.9');
assert.ok(interval.lower < nps.score!.toNumber() && nps.score!.toNumber() < interval.upper);

// Cell 6: health scores of every account with the sample scorecard, counted per band.
const scores = scoreHealthMany(
  defineScorecard(SAMPLE_SCORECARD),
  sample.healthMeasures.map(({ customerId: _customerId, ...measures }) => ({ measures })),
);
const bands: Record<string, number> = {};
for (const result of scores) {
  if (result.band !== null) bands[result.band] = (bands[result.band] ?? 0) + 1;
}
console.log('Accounts per band:', bands);
assert.deepEqual(bands, { red: 135, yellow: 109, green: 174 });
