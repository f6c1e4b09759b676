// MRR movements per plan, in USD, from a billing export where about 30 % of the customers pay in EUR: the
// per-segment tables of segmentMrrMovements under both exchange-rate conventions, each figure checked against a
// plain day-by-day loop over the CSV in integer micro-dollars (BigInt), independent of the library.
// Run: npm run build && node --import tsx examples/segments-and-currencies.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { mrrMovements, segmentMrrMovements } from 'customer-health';

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(file), { columns: true });
// One row per subscription period: start inclusive, end exclusive (empty: still active), MRR in `currency`.
const subscriptions = read('examples/data/sample-subscriptions.csv').map((r) => ({
  customerId: r.customer_id!,
  subscriptionId: r.subscription_id!,
  start: r.start_date!,
  end: r.end_date || null,
  mrr: r.mrr!,
  currency: r.currency!,
  segment: r.plan!,
}));
// From `date` on, one EUR is `rate` USD.
const rates = read('examples/data/exchange-rates.csv').map((r) => ({
  currency: r.currency!,
  date: r.date!,
  rate: r.rate!,
}));
const currency = { reporting: 'USD', rates };
const to = '2026-10-31'; // the export was taken on 2026-11-01: report through October

const result = segmentMrrMovements(subscriptions, { currency, to });
const snapshot = segmentMrrMovements(subscriptions, { currency: { ...currency, rateDate: 'snapshot' }, to });

const usd = (value: { toFixed(places: number): string }) => value.toFixed(0).padStart(8);
console.log('MRR in USD by plan (EUR at the rate of each period start), last 6 months');
console.log('   month    plan        start      new  expan.  contr. churned  tr. in tr. out   ending');
for (const { segment, periods } of result.segments) {
  for (const p of periods.slice(-6)) {
    const cells = [p.startingMrr, p.newMrr, p.expansionMrr, p.contractionMrr, p.churnedMrr];
    const moves = [p.transferInMrr, p.transferOutMrr, p.endingMrr];
    console.log(`${p.start.slice(0, 7)}  ${segment.padEnd(10)} ${[...cells, ...moves].map(usd).join('')}`);
  }
}
const october = result.total.at(-1)!;
const octoberSnapshot = snapshot.total.at(-1)!;
console.log(
  `October ending MRR: ${october.endingMrr.toFixed(2)} USD (periodStart), ${octoberSnapshot.endingMrr.toFixed(2)} USD (snapshot)`,
);

// ---- The independent computation: BigInt micro-dollars (MRR has 2 decimals, rates 4: products have 6). ----
const micro = (value: { times(n: number): { toFixed(places: number): string } }) =>
  BigInt(value.times(1_000_000).toFixed(0));
const cents = (text: string) => BigInt(text.replace('.', ''));
const basisPoints = (text: string) => BigInt(text.replace('.', ''));
const sortedRates = [...rates].sort((a, b) => (a.date < b.date ? -1 : 1));
const rateOn = (day: string): bigint => {
  let found: bigint | undefined;
  for (const r of sortedRates) if (r.date <= day) found = basisPoints(r.rate);
  assert.ok(found !== undefined, `no EUR rate on ${day}`);
  return found;
};
// A row's MRR in micro-dollars at a given rate day; USD rows are 1:1 (10,000 basis points).
const inUsd = (row: (typeof subscriptions)[number], day: string) =>
  cents(row.mrr) * (row.currency === 'EUR' ? rateOn(day) : 10_000n);
const isActive = (row: (typeof subscriptions)[number], day: string) =>
  row.start <= day && (row.end === null || row.end > day);

// Month-end snapshots of every reported period, and the day before the first.
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
};
const months = result.total.map((p) => p.start.slice(0, 7));
const before = new Date(Date.UTC(Number(months[0]!.slice(0, 4)), Number(months[0]!.slice(5)) - 1, 0))
  .toISOString()
  .slice(0, 10);
const days = [before, ...months.map(lastDayOf)];

type Position = Map<string, { total: bigint; bySegment: Map<string, bigint>; eur: bigint }>;
// Each customer's MRR on `day`: per segment at each row's start rate (periodStart), and its EUR amount in cents.
const positionOn = (day: string): Position => {
  const position: Position = new Map();
  for (const row of subscriptions) {
    if (!isActive(row, day)) continue;
    const entry = position.get(row.customerId) ?? { total: 0n, bySegment: new Map(), eur: 0n };
    const amount = inUsd(row, row.start);
    entry.total += amount;
    entry.bySegment.set(row.segment, (entry.bySegment.get(row.segment) ?? 0n) + amount);
    if (row.currency === 'EUR') entry.eur += cents(row.mrr);
    position.set(row.customerId, entry);
  }
  return position;
};
const positions = days.map(positionOn);
const segmentNames = [...new Set(subscriptions.map((row) => row.segment))].sort();
assert.deepEqual(
  result.segments.map((s) => s.segment),
  segmentNames,
);

// Check 1 (periodStart): every segment's ending MRR and customers, transfers, churn, new + reactivation and
// expansion/contraction, from the booking rules applied to the loop's positions.
for (let i = 0; i < months.length; i += 1) {
  const [previous, current] = [positions[i]!, positions[i + 1]!];
  for (const { segment, periods } of result.segments) {
    const row = periods[i]!;
    const expected = {
      ending: 0n,
      customers: 0,
      churned: 0n,
      gained: 0n,
      tin: 0n,
      tout: 0n,
      nin: 0,
      nout: 0,
    };
    let expansion = 0n;
    let contraction = 0n;
    for (const id of new Set([...previous.keys(), ...current.keys()])) {
      const p = previous.get(id);
      const c = current.get(id);
      const [pTotal, cTotal] = [p?.total ?? 0n, c?.total ?? 0n];
      const [pg, cg] = [p?.bySegment.get(segment) ?? 0n, c?.bySegment.get(segment) ?? 0n];
      if (cg > 0n) {
        expected.ending += cg;
        expected.customers += 1;
      }
      if (pTotal > 0n && cTotal === 0n) expected.churned += pg;
      else if (pTotal === 0n && cTotal > 0n) expected.gained += cg;
      else if (pTotal > 0n && cTotal > 0n) {
        if (pg > 0n && cg > 0n) {
          if (cg > pg) expansion += cg - pg;
          else contraction += pg - cg;
        } else if (cg > 0n) {
          expected.tin += cg;
          expected.nin += 1;
        } else if (pg > 0n) {
          expected.tout += pg;
          expected.nout += 1;
        }
      }
    }
    const where = `${segment} ${months[i]}`;
    assert.equal(micro(row.endingMrr), expected.ending, where);
    assert.equal(row.endingCustomers, expected.customers, where);
    assert.equal(micro(row.churnedMrr), expected.churned, where);
    assert.equal(micro(row.newMrr.plus(row.reactivationMrr)), expected.gained, where);
    assert.deepEqual(
      [
        micro(row.transferInMrr),
        micro(row.transferOutMrr),
        row.transferredInCustomers,
        row.transferredOutCustomers,
      ],
      [expected.tin, expected.tout, expected.nin, expected.nout],
      where,
    );
    assert.deepEqual([micro(row.expansionMrr), micro(row.contractionMrr)], [expansion, contraction], where);
    assert.ok(row.fxImpactMrr.isZero(), where);
  }
}

// Check 2: the segments reconcile with the total, which is mrrMovements itself.
assert.deepEqual(result.total, mrrMovements(subscriptions, { currency, to, detail: 'summary' }).periods);
result.total.forEach((total, i) => {
  const sum = (pick: (p: (typeof result.segments)[number]['periods'][number]) => bigint) =>
    result.segments.reduce((acc, s) => acc + pick(s.periods[i]!), 0n);
  for (const key of ['startingMrr', 'endingMrr', 'newMrr', 'churnedMrr', 'reactivationMrr'] as const) {
    assert.equal(
      sum((p) => micro(p[key])),
      micro(total[key]),
      `${key} ${total.start}`,
    );
  }
  const net = sum(
    (p) => micro(p.expansionMrr) - micro(p.contractionMrr) + micro(p.transferInMrr) - micro(p.transferOutMrr),
  );
  assert.equal(net, micro(total.expansionMrr) - micro(total.contractionMrr), total.start);
});

// Check 3 (snapshot): the ending MRR is every active row at the snapshot day's rate, and the FX column is the
// previous EUR position revalued: Σ EUR cents at s−1 × (rate_s − rate_{s−1}).
snapshot.total.forEach((row, i) => {
  const [day, previousDay] = [days[i + 1]!, days[i]!];
  let ending = 0n;
  for (const sub of subscriptions) if (isActive(sub, day)) ending += inUsd(sub, day);
  let eurBefore = 0n;
  for (const entry of positions[i]!.values()) eurBefore += entry.eur;
  assert.equal(micro(row.endingMrr), ending, row.start);
  const fx = eurBefore === 0n ? 0n : eurBefore * (rateOn(day) - rateOn(previousDay));
  assert.equal(micro(row.fxImpactMrr), fx, row.start);
  const moved = row.startingMrr.plus(row.newMrr).plus(row.expansionMrr).plus(row.reactivationMrr);
  assert.ok(moved.minus(row.contractionMrr).minus(row.churnedMrr).plus(row.fxImpactMrr).eq(row.endingMrr));
});
console.log(
  `checked ${months.length} months × ${segmentNames.length} plans under periodStart and the total under snapshot`,
);
