// The monthly SaaS metrics pack from a billing export: MRR movements, customer churn, NRR/GRR, quick ratio,
// trailing 12-month NRR and a cohort triangle, each checked against a plain loop over the CSV itself.
// Run: npm run build && node --import tsx examples/saas-metrics-pack.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  cohortRetention,
  customerChurnRate,
  grossRevenueRetention,
  mrrMovements,
  netRevenueRetention,
  quickRatio,
  trailingNetRevenueRetention,
} from 'customer-health';

// MRR (2 decimals) × rate (4 decimals), exact: integer cents × basis points are millionths of a dollar.
const times = (mrr: string, rate: string) => {
  const digits = (BigInt(mrr.replace('.', '')) * BigInt(rate.replace('.', ''))).toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
};
const read = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });
// The business bills in USD and EUR; the pack is in USD. Each row's MRR is converted once, at the EUR rate in
// effect on its start: the library's default convention (rateDate 'periodStart', ChartMogul's rule), done here
// by hand so every check below is a plain single-currency loop (examples/segments-and-currencies.ts lets the
// library convert instead, and checks it).
const eurRates = read('examples/data/exchange-rates.csv').sort((a, b) => (a.date! < b.date! ? -1 : 1));
const inUsd = (mrr: string, currency: string, day: string) => {
  if (currency === 'USD') return mrr;
  const rate = eurRates.filter((r) => r.date! <= day).at(-1)!.rate!;
  return times(mrr, rate);
};
// One row per subscription period: start inclusive, end exclusive, empty end = still active.
const subscriptions = read('examples/data/sample-subscriptions.csv').map((r) => ({
  customerId: r.customer_id!,
  subscriptionId: r.subscription_id!,
  start: r.start_date!,
  end: r.end_date || null,
  mrr: inUsd(r.mrr!, r.currency!, r.start_date!),
}));

// The export was taken on 2026-11-01: report through October, the last complete month.
const { periods } = mrrMovements(subscriptions, { to: '2026-10-31' });
const pct = (value: { times(n: number): { toFixed(d: number): string } } | null) =>
  value === null ? 'n/a' : `${value.times(100).toFixed(1)}%`;
const cell = (text: string) => text.padStart(8);
const MONEY = [
  'endingMrr',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
] as const;
console.log('   month  ending     new  expan.  contr. churned  react.   logos     NRR     GRR   quick');
for (const row of periods.slice(-6)) {
  const rates = [customerChurnRate(row), netRevenueRetention(row), grossRevenueRetention(row)].map(pct);
  const quick = quickRatio(row)?.toFixed(2) ?? 'n/a';
  console.log(
    [row.start.slice(0, 7), ...MONEY.map((k) => row[k].toFixed(0)), ...rates, quick].map(cell).join(''),
  );
}

// Check 1, identities on every month: the movements add up, each month starts where the previous one ended, and
// the quick ratio is above 1 exactly when MRR grew (gains over losses).
periods.forEach((row, i) => {
  const moved = row.startingMrr.plus(row.newMrr).plus(row.expansionMrr).plus(row.reactivationMrr);
  assert.ok(moved.minus(row.contractionMrr).minus(row.churnedMrr).eq(row.endingMrr), row.start);
  if (i > 0) assert.ok(row.startingMrr.eq(periods[i - 1]!.endingMrr));
  const quick = quickRatio(row);
  if (quick !== null) assert.equal(quick.gt(1), row.endingMrr.gt(row.startingMrr), row.start);
});

// Check 2, an independent oracle: a customer's MRR on a day is the sum of its periods active that day, in
// micro-dollars (USD to the millionth: the converted amounts have six decimals).
const micro = (day: string) => {
  const byCustomer = new Map<string, number>();
  for (const s of subscriptions)
    if (s.start <= day && (s.end === null || day < s.end))
      byCustomer.set(s.customerId, (byCustomer.get(s.customerId) ?? 0) + Math.round(Number(s.mrr) * 1e6));
  return byCustomer;
};
// Day 0 of the next month (months are 1-based here, 0-based in Date.UTC) is the last day of this one.
const monthEnd = (monthStart: string) => {
  const [year, month] = monthStart.split('-').map(Number);
  return new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10);
};
for (const row of periods) {
  const paying = [...micro(monthEnd(row.start)).values()].filter((c) => c > 0);
  const total = paying.reduce((a, b) => a + b, 0);
  assert.equal(row.endingMrr.times(1e6).toNumber(), total, row.start);
  assert.equal(row.endingCustomers, paying.length);
}
// NRR and GRR follow the customers paying on the first day: net = their MRR on the last day over their MRR on the
// first, gross caps each customer at its first-day MRR. For October that is Sep 30 to Oct 31; trailing: a year.
const retention = (first: string, last: string) => {
  const after = micro(last);
  let [start, net, gross] = [0, 0, 0];
  for (const [id, then] of micro(first)) {
    if (then === 0) continue; // a free plan is not paying, so not in the cohort
    const now = after.get(id) ?? 0;
    [start, net, gross] = [start + then, net + now, gross + Math.min(then, now)];
  }
  return { net: (net / start).toFixed(12), gross: (gross / start).toFixed(12) };
};
const october = periods.at(-1)!;
const oracle = retention('2026-09-30', '2026-10-31');
assert.equal(netRevenueRetention(october)!.toFixed(12), oracle.net);
assert.equal(grossRevenueRetention(october)!.toFixed(12), oracle.gross);
const trailing = trailingNetRevenueRetention(subscriptions, { asOf: '2026-10-31', months: 12 });
console.log(
  `trailing 12-month NRR ${pct(trailing.value)}, ${trailing.startingCustomers} customers a year ago`,
);
assert.equal(trailing.value!.toFixed(12), retention('2025-10-31', '2026-10-31').net);

// Cohorts: a customer's cohort is its first month-end with MRR > 0; the sizes are recounted from the CSV.
const table = cohortRetention(subscriptions, { to: '2026-10-31' });
const firstPaid = new Map<string, string>();
for (const row of periods)
  for (const [id, c] of micro(monthEnd(row.start)))
    if (c > 0 && !firstPaid.has(id)) firstPaid.set(id, row.start);
console.log('  cohort    size   age 0   age 3   age 6   age 9  age 12');
for (const c of table.cohorts.filter((c) => c.cohortStart >= '2025-07-01' && c.cohortStart < '2025-11-01')) {
  const cells = c.cells.filter((x) => x.age % 3 === 0 && x.age <= 12).map((x) => pct(x.retention));
  console.log([c.cohortStart.slice(0, 7), String(c.size), ...cells].map(cell).join(''));
}
for (const c of table.cohorts)
  assert.equal(c.size, [...firstPaid.values()].filter((m) => m === c.cohortStart).length);
