// The README's quick start, run as written, with what it prints asserted.
// Run: npm run build && node --import tsx examples/quick-start.ts
import assert from 'node:assert/strict';
import { mrrMovements, netRevenueRetention, normalizeToMrr } from 'customer-health';

const { periods } = mrrMovements([
  { customerId: 'acme', start: '2024-01-01', mrr: 100 },
  { customerId: 'acme', subscriptionId: 'seats', start: '2024-02-10', end: '2024-04-01', mrr: 50 },
  {
    customerId: 'globex',
    start: '2024-01-15',
    end: '2024-03-01',
    mrr: normalizeToMrr({ amount: 1200, interval: 'year' }),
  },
]);
const printed: string[] = [];
for (const row of periods) {
  const line = `${row.start} ${row.endingMrr.toString()} ${netRevenueRetention(row)?.toString() ?? 'n/a'}`;
  printed.push(line);
  console.log(line);
}

// January: acme 100 and globex 1200/12 = 100 are new (no starting MRR, so NRR is undefined: n/a).
// February: acme adds 50 seats (expansion): NRR = (200 + 50) / 200 = 1.25.
// March: globex ended on 2024-03-01, so it churned 100: NRR = (250 - 100) / 250 = 0.6.
// April: the seats ended on 2024-04-01 (contraction of 50): NRR = (150 - 50) / 150 = 0.666…
assert.deepEqual(printed, [
  '2024-01-01 200 n/a',
  '2024-02-01 250 1.25',
  '2024-03-01 150 0.6',
  '2024-04-01 100 0.6666666666666666666666666666666666666667',
]);
