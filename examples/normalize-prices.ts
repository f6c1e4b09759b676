// Normalise a price list with mixed billing intervals to MRR, exactly, and total it to the cent.
// Run: npm run build && node --import tsx examples/normalize-prices.ts
import assert from 'node:assert/strict';
import { type BillingInterval, MetricInputError, normalizeToMrr, toDecimal } from 'customer-health';

const plans: { name: string; amount: string; interval: BillingInterval; intervalCount?: number }[] = [
  { name: 'Starter (monthly)', amount: '29.00', interval: 'month' },
  { name: 'Team (yearly)', amount: '2000.00', interval: 'year' },
  { name: 'Agency (every 3 months)', amount: '90.00', interval: 'month', intervalCount: 3 },
  { name: 'Pay-as-you-go (weekly)', amount: '12.00', interval: 'week' },
];

let total = toDecimal(0);
for (const plan of plans) {
  const mrr = normalizeToMrr(plan);
  total = total.plus(mrr);
  console.log(`${plan.name.padEnd(26)} ${mrr.toFixed(2).padStart(10)}`);
}
console.log(`${'Total MRR'.padEnd(26)} ${total.toFixed(2).padStart(10)}`);

// 29 + 2000/12 + 90/3 + 12 × 52/12 = 29 + 166.666… + 30 + 52 = 277.666…
assert.equal(total.toFixed(2), '277.67');
assert.equal(normalizeToMrr({ amount: 2000, interval: 'year' }).times(12).toFixed(10), '2000.0000000000');

// Bad input is a typed error that names the field, never a NaN.
assert.throws(
  () => normalizeToMrr({ amount: '-5', interval: 'month' }),
  (error) =>
    error instanceof MetricInputError && error.code === 'negative_amount' && error.path[0] === 'amount',
);
