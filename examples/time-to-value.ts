// Onboarding time to value: how long new customers take to reach their first value milestone, counting the ones
// still onboarding as censored (Kaplan–Meier) instead of dropping them, which flatters the usual median.
// Run: npm run build && node --import tsx examples/time-to-value.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { timeToValue } from 'customer-health';

// The onboarding tracker: signup date and the day the milestone was reached (empty: not yet).
const rows: Record<string, string>[] = parse(readFileSync('examples/data/onboarding.csv'), { columns: true });
const records = rows.map((r) => ({
  customerId: r.customer_id!,
  start: r.signed_up_on!,
  reachedValueAt: r.reached_value_on || null,
}));
const asOf = '2026-11-01'; // the day the tracker was exported: whoever has no milestone yet is censored here
const result = timeToValue(records, { asOf, withinUnits: [14, 30, 60], granularity: 'quarter' });

console.log(
  `${result.customers} signups, ${result.reached} reached value, ${result.notReached} still onboarding`,
);
console.log(`median ${result.median} days, p75 ${result.p75 ?? 'not reached yet'} days`);
console.log(`naive median (reached only) ${result.naiveMedian} days: too good, it ignores the slow ones`);
for (const { units, share } of result.within)
  console.log(`  within ${units} days: ${(share! * 100).toFixed(1)} %`);
for (const cohort of result.cohorts)
  console.log(
    `  signed up ${cohort.period.start}: median ${cohort.median ?? 'n/a'} days, ${cohort.notReached} waiting`,
  );

// The censored accounts: still waiting, longest first. These are the onboardings to rescue.
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000; // ISO dates parse as UTC
const waiting = records
  .filter((r) => r.reachedValueAt === null)
  .map((r) => ({ id: r.customerId, days: days(r.start, asOf) }));
waiting.sort((a, b) => b.days - a.days);
console.log(
  `longest waiting: ${waiting
    .slice(0, 3)
    .map((w) => `${w.id} (${w.days} days)`)
    .join(', ')}`,
);
assert.equal(result.notReached, waiting.length);

// An independent Kaplan–Meier: at each distinct time, S ×= 1 − events / at risk (censorings tied with an event
// still count as at risk). A quantile p is the first time with S ≤ 1 − p.
const observed = records.map((r) => ({
  t: r.reachedValueAt === null ? days(r.start, asOf) : days(r.start, r.reachedValueAt),
  event: r.reachedValueAt !== null,
}));
let [survival, within30, median, p75] = [1, 0, null as number | null, null as number | null];
for (const t of [...new Set(observed.map((o) => o.t))].sort((a, b) => a - b)) {
  const atRisk = observed.filter((o) => o.t >= t).length;
  survival *= 1 - observed.filter((o) => o.t === t && o.event).length / atRisk;
  if (median === null && survival <= 0.5) median = t;
  if (p75 === null && survival <= 0.25) p75 = t;
  if (t <= 30) within30 = 1 - survival; // S is a step function: its value at 30 is the last step's
}
assert.deepEqual([result.median, result.p75], [median, p75]);
assert.ok(Math.abs(result.within[1]!.share! - within30) < 1e-12);

// The naive median of the reached customers' durations, by hand (middle value, or mean of the two middle ones).
const reached = observed
  .filter((o) => o.event)
  .map((o) => o.t)
  .sort((a, b) => a - b);
const mid = reached.length / 2;
assert.equal(
  result.naiveMedian,
  reached.length % 2 ? reached[Math.floor(mid)] : (reached[mid - 1]! + reached[mid]!) / 2,
);
