// Writes the example data files of examples/data/ (committed; regenerate only if the generator changes):
//   marketing-spend.csv, onboarding.csv: the spend and onboarding milestones of the business whose billing
//   export is sample-subscriptions.csv (500 customers over 36 months to 2026-11-01; test/sample checks that file),
//   from the library's own deterministic sample generator with its default options (onboarding: the signups of
//   the last 12 months, the ones a CS team still tracks);
//   nps-responses.csv: 320 answers to the Q2 and Q3 2026 relationship surveys, with the account's segment;
//   health-accounts.csv: a book of 240 accounts measured on 2026-05-01 with whether each churned by 2026-11-01.
// Run: npm run build && node --import tsx examples/data/generate-data.ts [output directory]
// .ci/run-examples.mjs runs it into a temporary directory and fails if the committed files differ.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSampleData, seededRandom } from 'customer-health';

const outDir = process.argv[2] ?? 'examples/data';
const write = (name: string, header: string, rows: (string | number | null)[][]) =>
  writeFileSync(
    join(outDir, name),
    `${[header, ...rows.map((row) => row.map((v) => v ?? '').join(','))].join('\n')}\n`,
  );

const data = generateSampleData();
write(
  'marketing-spend.csv',
  'month,spend',
  data.salesAndMarketingSpend.map((m) => [m.month, m.amount]),
);

// NPS: the relationship survey of Q2 and Q3 2026 (one answer per respondent). Q3 follows an onboarding revamp, so
// self-serve answers shift up; sales-led accounts answer as before. Scores drawn from per-group shares of 0..10.
const npsRandom = seededRandom(2026);
const draw = (weights: readonly number[]) => {
  let u = npsRandom() * weights.reduce((a, b) => a + b, 0);
  for (let score = 0; score < weights.length; score += 1) {
    u -= weights[score]!;
    if (u < 0) return score;
  }
  return 10;
};
const SHARES = {
  'Q2 self-serve': [2, 2, 3, 4, 5, 8, 9, 12, 14, 18, 13],
  'Q3 self-serve': [1, 1, 2, 2, 3, 5, 6, 11, 16, 26, 17],
  'Q2 sales-led': [1, 1, 1, 2, 3, 4, 6, 10, 18, 24, 20],
  'Q3 sales-led': [1, 1, 1, 2, 3, 4, 6, 10, 18, 24, 20],
};
const responses: (string | number)[][] = [];
for (const [quarter, firstDay, count] of [
  ['Q2', 92, 150],
  ['Q3', 183, 170],
] as const) {
  for (let i = 0; i < count; i += 1) {
    const segmentName = npsRandom() < 0.65 ? 'self-serve' : 'sales-led';
    const day = new Date(Date.UTC(2026, 0, firstDay + Math.floor(npsRandom() * 28)))
      .toISOString()
      .slice(0, 10);
    const id = `resp_${quarter.toLowerCase()}_${String(i + 1).padStart(3, '0')}`;
    responses.push([id, day, draw(SHARES[`${quarter} ${segmentName}`]), segmentName]);
  }
}
write('nps-responses.csv', 'response_id,answered_on,score,segment', responses);
write(
  'onboarding.csv',
  'customer_id,signed_up_on,reached_value_on',
  data.onboarding
    .filter((o) => o.start >= '2025-11-01')
    .map((o) => [o.customerId, o.start, o.reachedValueAt]),
);

// Health book: a latent product fit drives both the measures and the churn, as in real books; measures are noisy
// so the score predicts churn well but not perfectly. About one account in five never answered an NPS survey.
const random = seededRandom(20260501);
const accounts: (string | number | null)[][] = [];
for (let i = 1; i <= 240; i += 1) {
  const fit = random();
  const churnChance = 0.04 + 0.5 * (1 - fit) ** 2;
  accounts.push([
    `acc_${String(i).padStart(3, '0')}`,
    random() < 0.6 ? 'self-serve' : 'sales-led',
    (Math.round(Math.min(1.2, Math.max(0, fit * 0.9 + (random() - 0.3) * 0.5)) * 100) / 100).toFixed(2),
    (Math.round(Math.max(0, fit * 12 + (random() - 0.5) * 8) * 10) / 10).toFixed(1),
    Math.floor((1 - fit) * 7 * random()),
    random() < 0.2 ? null : Math.max(0, Math.min(10, Math.round(3 + fit * 7 + (random() - 0.5) * 5))),
    (Math.round((fit - 0.45 + (random() - 0.5) * 0.6) * 0.6 * 1000) / 1000).toFixed(3),
    random() < churnChance ? 'yes' : 'no',
  ]);
}
write(
  'health-accounts.csv',
  'account_id,segment,seat_utilization,logins_per_week,open_tickets,last_nps,mrr_growth,churned_by_2026_11_01',
  accounts,
);
