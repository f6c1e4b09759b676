// Unit economics from the billing export and the marketing spend: ARPA, LTV three ways (simple, discounted,
// shifted-beta-geometric), CAC and its payback, and an sBG projection of a cohort checked on months it never saw.
// Run: npm run build && node --import tsx examples/unit-economics.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  averageRevenuePerAccount,
  cacPaybackMonths,
  customerAcquisitionCost,
  customerChurnRate,
  discountedLifetimeValue,
  fitShiftedBetaGeometric,
  lifetimeValue,
  mrrMovements,
  projectRetention,
  sbgDiscountedExpectedLifetime,
} from 'customer-health';

// MRR (2 decimals) × rate (4 decimals), exact: integer cents × basis points are millionths of a dollar.
const times = (mrr: string, rate: string) => {
  const digits = (BigInt(mrr.replace('.', '')) * BigInt(rate.replace('.', ''))).toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
};
const read = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });
// USD and EUR rows, in USD: each row at the EUR rate in effect on its start, the library's default convention
// (rateDate 'periodStart'; docs/segments-and-currencies.md).
const subscriptions = mrrInUsd(read('examples/data/sample-subscriptions.csv')).map((r) => ({
  customerId: r.customer_id!,
  subscriptionId: r.subscription_id!,
  start: r.start_date!,
  end: r.end_date || null,
  mrr: r.mrr!,
}));
function mrrInUsd(rows: Record<string, string>[]) {
  const rates = read('examples/data/exchange-rates.csv').sort((a, b) => (a.date! < b.date! ? -1 : 1));
  return rows.map((r) => {
    if (r.currency === 'USD') return r;
    const rate = rates.filter((x) => x.date! <= r.start_date!).at(-1)!.rate!;
    return { ...r, mrr: times(r.mrr!, rate) };
  });
}
const { periods, customers } = mrrMovements(subscriptions, { to: '2026-10-31' });
const lastSix = periods.slice(-6); // May to October 2026
const october = lastSix.at(-1)!;
const margin = 0.8; // gross margin: LTV and payback in gross profit, as Bessemer and a16z count them

// ARPA now, and churn as ChartMogul smooths it: the mean of the last six monthly customer churn rates.
const arpa = averageRevenuePerAccount({ mrr: october.endingMrr, customers: october.endingCustomers })!;
const churnRates = lastSix.map((row) => customerChurnRate(row)!);
const simple = lifetimeValue({ arpa, churnRate: churnRates, grossMargin: margin })!;
const meanChurn = lastSix.reduce((sum, row) => sum + row.churnedCustomers / row.startingCustomers, 0) / 6;
assert.equal(simple.toFixed(6), ((arpa.toNumber() * margin) / meanChurn).toFixed(6)); // ARPA × margin / churn

// Discounted at 1 % a month, paid at the start of each month: checked against the series summed for 50 years.
const m = arpa.times(margin);
const discounted = discountedLifetimeValue({
  arpa,
  grossMargin: margin,
  churnRate: meanChurn,
  discountRate: 0.01,
})!;
let sum = 0;
for (let t = 0; t < 600; t += 1) sum += (m.toNumber() * (1 - meanChurn) ** t) / 1.01 ** t;
assert.ok(Math.abs(discounted.toNumber() - sum) < 1e-6 && discounted.lt(simple));

// CAC: six months of sales and marketing spend over the customers won in them; payback in months of margin.
const spend = read('examples/data/marketing-spend.csv')
  .filter((r) => r.month! >= lastSix[0]!.start)
  .reduce((total, r) => total + Number(r.spend), 0);
const won = lastSix.reduce((total, row) => total + row.newCustomers, 0);
const cac = customerAcquisitionCost({ salesAndMarketingSpend: spend.toFixed(2), newCustomers: won })!;
const payback = cacPaybackMonths({ cac, arpa, grossMargin: margin })!;
assert.equal(payback.times(m).toFixed(10), cac.toFixed(10)); // payback × monthly margin = CAC

// sBG: the customers first paying from Nov 2024 to Oct 2025, each followed for 12 months from its first paid month
// until its first churn. Fit months 0–7, then project months 8–12, which the fit never saw.
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
const joined = new Map<string, number>();
const lifetime = new Map<string, number>();
for (const move of customers) {
  if (move.type === 'new' && move.periodStart < '2025-11-01')
    joined.set(move.customerId, monthIndex(move.periodStart));
  const since = joined.get(move.customerId);
  if (move.type === 'churn' && since !== undefined && !lifetime.has(move.customerId))
    lifetime.set(move.customerId, monthIndex(move.periodStart) - since);
}
const stillPaying = (t: number) => [...joined.keys()].filter((id) => (lifetime.get(id) ?? 99) > t).length;
const survivors = Array.from({ length: 13 }, (_, t) => stillPaying(t));
const fit = fitShiftedBetaGeometric({ survivors: survivors.slice(0, 8) });
// The fit maximises Fader & Hardie's log-likelihood: recompute it by hand, P(T = 1) = α / (α + β),
// P(T = t) = P(T = t − 1)(β + t − 2) / (α + β + t − 1), and check that nudging α or β only lowers it.
const logLikelihood = (a: number, b: number) => {
  let [p, alive, ll] = [a / (a + b), 1, 0];
  for (let t = 1; t <= 7; t += 1) {
    if (t > 1) p *= (b + t - 2) / (a + b + t - 1);
    [alive, ll] = [alive - p, ll + (survivors[t - 1]! - survivors[t]!) * Math.log(p)];
  }
  return ll + survivors[7]! * Math.log(alive);
};
assert.ok(Math.abs(logLikelihood(fit.alpha, fit.beta) - fit.logLikelihood) < 1e-9);
for (const nudge of [1.01, 0.99]) {
  assert.ok(logLikelihood(fit.alpha * nudge, fit.beta) < fit.logLikelihood);
  assert.ok(logLikelihood(fit.alpha, fit.beta * nudge) < fit.logLikelihood);
}
// Months 8–12 were never seen by the fit: each projection lies within two binomial standard deviations of the
// actual count, √(N·S·(1 − S)) for N customers and projected survival S.
const projection = projectRetention(fit, { periodCount: 12, startingCustomers: survivors[0]! });
console.log(`sBG fit α ${fit.alpha.toFixed(3)} β ${fit.beta.toFixed(3)} on a cohort of ${survivors[0]}`);
for (const t of [8, 10, 12]) {
  const { expectedCustomers, survival } = projection[t - 1]!;
  console.log(`  month ${t}: projected ${expectedCustomers.toFixed(1)}, actual ${survivors[t]}`);
  assert.ok(
    Math.abs(expectedCustomers - survivors[t]!) <= 2 * Math.sqrt(survivors[0]! * survival * (1 - survival)),
  );
}
// sBG LTV = margin × DEL, DEL = Σ S(t − 1) / 1.01^(t − 1) with S(t) = S(t − 1)(β + t − 1)/(α + β + t − 1)
// (Fader & Hardie 2010): the sum by hand over 5,000 months agrees with the library's hypergeometric series.
const del = sbgDiscountedExpectedLifetime(fit, { discountRate: 0.01 })!;
let [alive, delByHand] = [1, 0];
for (let t = 1; t <= 5000; t += 1) {
  delByHand += alive / 1.01 ** (t - 1);
  alive *= (fit.beta + t - 1) / (fit.alpha + fit.beta + t - 1);
}
assert.ok(Math.abs(del - delByHand) < 1e-9 * del);
const sbgLtv = m.toNumber() * del;

console.log(`ARPA ${arpa.toFixed(2)}/month, churn ${(meanChurn * 100).toFixed(2)} %/month (6-month mean)`);
console.log(
  `LTV simple ${simple.toFixed(0)}, discounted ${discounted.toFixed(0)}, sBG discounted ${sbgLtv.toFixed(0)}`,
);
console.log(
  `CAC ${cac.toFixed(0)} (${won} new customers), payback ${payback.toFixed(1)} months, LTV:CAC ${simple.div(cac).toFixed(1)}`,
);
