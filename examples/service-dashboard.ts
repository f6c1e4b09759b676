// A TypeScript service's first day: a billing export arrives as CSV text (say, an HTTP upload), and the
// dashboard wants typed JSON. Three public calls: read the text, build the report as data, serialise it.
// Run: npm run build && node --import tsx examples/service-dashboard.ts
import assert from 'node:assert/strict';
import { type Jsonified, toJSON } from 'customer-health';
import { buildReport, parseReportInput } from 'customer-health/io';

// As billing systems export it: a byte order mark, amounts with their billing interval (not MRR), a yearly
// plan, and a spreadsheet's comma-only line that must be skipped, not rejected.
const upload = [
  '\uFEFFcustomer_id,subscription_id,start_date,end_date,amount,interval',
  'acme,acme-pro,2024-01-01,,1200,year',
  'globex,globex-basic,2024-01-15,2024-03-01,30,month',
  ',,,,,',
  'initech,initech-team,2024-02-10,,90,month',
  'acme,acme-seats,2024-02-01,2024-04-01,60,quarter',
].join('\r\n');

const parsed = parseReportInput(upload);
const report = buildReport(parsed.input, { granularity: 'month' });
// Money to the cent, ratios to four places; the type says what the wire holds (strings, not Decimals).
const body: Jsonified<typeof report> = toJSON(report, { money: 2, ratio: 4 });
console.log(
  JSON.stringify({ asOf: body.asOf, months: body.periods.map((row) => [row.start, row.endingMrr]) }),
);

// The reader: one blank row skipped, four subscriptions, MRR from amount and interval.
assert.equal(parsed.blankRowsSkipped, 1);
assert.equal(parsed.input.subscriptions.length, 4);

// The as-of day is the last day the data covers (the seats' end, 2024-04-01), never a day past it.
assert.equal(body.asOf, '2024-04-01');

// Ending MRR of each month, by hand: acme 1200/12 = 100 from January; globex 30 from 2024-01-15 to 2024-03-01
// (so not in March); initech 90 from February; acme's seats 60 a quarter = 20 a month, February and March.
const expected: Record<string, string> = {
  '2024-01-01': '130.00', // 100 + 30
  '2024-02-01': '240.00', // 100 + 30 + 90 + 20
  '2024-03-01': '210.00', // 100 + 90 + 20
  '2024-04-01': '190.00', // 100 + 90 (the seats ended on 04-01)
};
for (const row of body.periods) {
  assert.equal(typeof row.endingMrr, 'string'); // a string on the wire, as the type says
  assert.equal(row.endingMrr, expected[row.start], row.start);
}
assert.deepEqual(
  body.periods.map((row) => row.start),
  Object.keys(expected),
);
// A ratio is rounded to four places: March's net revenue retention is (240 - 30) / 240 = 0.875.
const march = body.periods.find((row) => row.start === '2024-03-01')!;
assert.equal(march.netRevenueRetention, '0.8750');
