// An NPS survey analysis: the score of each quarter with an honest interval, whether Q3 really beat Q2 or it is
// sampling noise, and the score by segment. Every figure is recounted from the raw answers.
// Run: npm run build && node --import tsx examples/nps-survey.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  compareNetPromoterScores,
  netPromoterScore,
  netPromoterScoreBySegment,
  netPromoterScoreInterval,
} from 'customer-health';

// One answer (0–10) per respondent; the CSV keeps scores as text, which the NPS functions accept.
const answers: { answered_on: string; score: string; segment: string }[] = parse(
  readFileSync('examples/data/nps-responses.csv'),
  { columns: true },
);
const q2 = answers.filter((a) => a.answered_on < '2026-07-01');
const q3 = answers.filter((a) => a.answered_on >= '2026-07-01');

// The hand count: promoters answer 9–10, detractors 0–6 (Reichheld 2003).
const tally = (rows: readonly { score: string }[]) => ({
  promoters: rows.filter((r) => Number(r.score) >= 9).length,
  detractors: rows.filter((r) => Number(r.score) <= 6).length,
  n: rows.length,
});
const Z95 = 1.959963984540054;
// Adjusted Wald (Rocks 2016; MeasuringU): add ¾ promoter, ¾ detractor and 3 answers, then the trinomial variance.
const adjusted = ({ promoters, detractors, n }: ReturnType<typeof tally>) => {
  const [plus, minus] = [(promoters + 0.75) / (n + 3), (detractors + 0.75) / (n + 3)];
  return {
    centre: (plus - minus) * 100,
    se: Math.sqrt((plus + minus - (plus - minus) ** 2) / (n + 3)) * 100,
  };
};

for (const [name, rows] of [
  ['Q2', q2],
  ['Q3', q3],
] as const) {
  const result = netPromoterScore(rows.map((r) => r.score));
  const interval = netPromoterScoreInterval(result)!; // adjusted Wald, 95 %, the default
  console.log(
    `${name}: NPS ${result.score!.toFixed(1)} from ${result.responses} answers,`,
    `95 % interval ${interval.lower.toFixed(1)} … ${interval.upper.toFixed(1)}`,
  );
  const count = tally(rows);
  assert.equal(
    result.score!.toFixed(10),
    (((count.promoters - count.detractors) / count.n) * 100).toFixed(10),
  );
  const { centre, se } = adjusted(count);
  assert.ok(Math.abs(interval.lower - (centre - Z95 * se)) < 1e-9);
  assert.ok(Math.abs(interval.upper - (centre + Z95 * se)) < 1e-9);
}

// Q3 against Q2 (baseline first): two independent samples, so the standard errors add in quadrature.
const change = compareNetPromoterScores(
  netPromoterScore(q2.map((r) => r.score)),
  netPromoterScore(q3.map((r) => r.score)),
)!;
console.log(
  `Q3 − Q2: ${change.difference.toFixed(1)} points, 95 % interval ${change.lower.toFixed(1)} … ${change.upper.toFixed(1)},`,
  `p = ${change.pValue.toFixed(3)}: ${change.significant ? 'a real change' : 'could be noise'}`,
);
const [a, b] = [adjusted(tally(q2)), adjusted(tally(q3))];
assert.ok(Math.abs(change.difference - (b.centre - a.centre)) < 1e-9);
assert.ok(Math.abs(change.standardError - Math.hypot(a.se, b.se)) < 1e-9);
assert.equal(change.significant, Math.abs(change.difference / change.standardError) > Z95);

// By segment: which customers moved, and is each segment's change more than noise? The segments' counts add up
// to the whole quarter's, and each segment's tallies are recounted.
const [q2Segments, q3Segments] = [q2, q3].map((rows) => {
  const bySegment = netPromoterScoreBySegment(rows.map((r) => ({ score: r.score, segment: r.segment })));
  assert.equal(
    bySegment.reduce((n, s) => n + s.responses, 0),
    rows.length,
  );
  for (const s of bySegment) {
    const count = tally(rows.filter((r) => r.segment === s.segment));
    assert.deepEqual([s.promoters, s.detractors, s.responses], [count.promoters, count.detractors, count.n]);
  }
  return bySegment;
});
// Here neither segment's change alone clears 95 %, while the whole survey's does: smaller samples, wider intervals.
q2Segments!.forEach((before, i) => {
  const after = q3Segments![i]!;
  const segmentChange = compareNetPromoterScores(before, after)!;
  console.log(
    `${before.segment.padEnd(10)} Q2 ${before.score!.toFixed(1)} (n ${before.responses}) → Q3 ${after.score!.toFixed(1)}`,
    `(n ${after.responses}): p = ${segmentChange.pValue.toFixed(3)}`,
  );
});
