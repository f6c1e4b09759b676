import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ExchangeRate,
  type Granularity,
  grossRevenueChurnRate,
  grossRevenueRetention,
  isNegativeChurn,
  MetricInputError,
  mrrMovements,
  netRevenueChurnRate,
  netRevenueRetention,
  type PaidToFree,
  quickRatio,
  type SubscriptionPeriod,
  toDecimal,
} from '../../src/index.js';
import { subscriptionPeriods } from '../arbitraries.js';

// Under rateDate 'snapshot' the losses of a period are measured at this period's rates, so every revenue rate's
// base is the revalued starting MRR, startingMrr + fxImpactMrr (docs/segments-and-currencies.md).

const FOREIGN = ['EUR', 'GBP'] as const;
const rate = fc.integer({ min: 1, max: 40_000 }).map((units) => (units / 10_000).toFixed(4));

/** Monthly rates of each foreign currency from 2022-11-01, long enough for every generated row. */
const monthlyRates: fc.Arbitrary<ExchangeRate[]> = fc
  .array(rate, { minLength: 2 * 72, maxLength: 2 * 72 })
  .map((values) =>
    values.map((value, index) => {
      const month = index % 72;
      const date = `${2022 + Math.floor((10 + month) / 12)}-${String(((10 + month) % 12) + 1).padStart(2, '0')}-01`;
      return { currency: FOREIGN[Math.floor(index / 72)]!, date, rate: value };
    }),
  );

const mixedRows = subscriptionPeriods(10).chain((rows) =>
  fc
    .array(fc.constantFrom<string | undefined>(undefined, 'USD', 'EUR', 'GBP'), {
      minLength: 12,
      maxLength: 12,
    })
    .map((byCustomer) =>
      rows.map((row): SubscriptionPeriod => {
        const currency = byCustomer[Number(row.customerId.slice(1)) % 12];
        return currency === undefined ? row : { ...row, currency };
      }),
    ),
);

describe("revenue rates under rateDate 'snapshot'", () => {
  // €100 from January at 1.1, 1.2 from February, churned in February: starting $110, fx +$10, churned $120.
  const rates = [
    { currency: 'EUR', date: '2024-01-01', rate: '1.1' },
    { currency: 'EUR', date: '2024-02-01', rate: '1.2' },
  ];
  const row = mrrMovements(
    [{ customerId: 'a', start: '2024-01-10', end: '2024-02-15', mrr: 100, currency: 'EUR' }],
    {
      currency: { reporting: 'USD', rates, rateDate: 'snapshot' },
      to: '2024-02-01',
    },
  ).periods[1]!;

  it('the engine row of a customer churned after a rate rise: starting 110, fx +10, churned 120', () => {
    expect([row.startingMrr, row.fxImpactMrr, row.churnedMrr].map(String)).toEqual(['110', '10', '120']);
  });

  it('every rate is measured on the revalued starting MRR (120): all of it was lost', () => {
    // GRR = (110 + 10 − 0 − 120) / (110 + 10) = 0; gross churn = 120 / 120 = 1.
    expect(grossRevenueRetention(row)?.toString()).toBe('0');
    expect(netRevenueRetention(row)?.toString()).toBe('0');
    expect(grossRevenueChurnRate(row)?.toString()).toBe('1');
    expect(netRevenueChurnRate(row)?.toString()).toBe('1');
    expect(isNegativeChurn(row)).toBe(false);
    expect(quickRatio(row)?.toString()).toBe('0');
  });

  it('a hand-given fxImpactMrr moves the base: (100 − 10 + 5 − 15) / (100 − 10)', () => {
    const input = { startingMrr: 100, fxImpactMrr: -10, expansionMrr: 5, contractionMrr: 0, churnedMrr: 15 };
    const over90 = (numerator: number) => toDecimal(numerator).dividedBy(90).toString();
    expect(netRevenueRetention(input)?.toString()).toBe(over90(80));
    expect(grossRevenueRetention(input)?.toString()).toBe(over90(75));
    expect(grossRevenueChurnRate(input)?.toString()).toBe(over90(15));
    expect(netRevenueChurnRate(input)?.toString()).toBe(over90(10));
  });

  it('losses above the revalued starting MRR, or a negative revalued base, are out_of_range', () => {
    const over = { startingMrr: 100, fxImpactMrr: -10, contractionMrr: 0, churnedMrr: 95 };
    expect(() => grossRevenueRetention(over)).toThrow(MetricInputError);
    expect(() => grossRevenueRetention(over)).toThrow(/startingMrr \+ fxImpactMrr \(90\)/);
    const negative = { startingMrr: 10, fxImpactMrr: -11, contractionMrr: 0, churnedMrr: 0 };
    expect(() => grossRevenueChurnRate(negative)).toThrow(
      expect.objectContaining({ code: 'out_of_range', path: ['fxImpactMrr'] }),
    );
  });

  it('GRR lies in [0, 1] and NRR >= 0 on every row mrrMovements returns, for any multi-currency snapshot input', () => {
    fc.assert(
      fc.property(
        mixedRows,
        monthlyRates,
        fc.constantFrom<Granularity>('week', 'month', 'quarter'),
        fc.constantFrom<PaidToFree>('churn', 'contraction'),
        (rows, rates, granularity, paidToFree) => {
          const table = mrrMovements(rows, {
            granularity,
            paidToFree,
            detail: 'summary',
            currency: { reporting: 'USD', rates, rateDate: 'snapshot' },
          });
          for (const period of table.periods) {
            const grr = grossRevenueRetention(period);
            const nrr = netRevenueRetention(period);
            const churn = grossRevenueChurnRate(period);
            const netChurn = netRevenueChurnRate(period);
            if (grr === null) {
              expect(nrr).toBeNull();
              continue;
            }
            expect(grr.greaterThanOrEqualTo(0) && grr.lessThanOrEqualTo(1)).toBe(true);
            expect(nrr!.greaterThanOrEqualTo(0)).toBe(true);
            expect(churn!.plus(grr).minus(1).abs().lessThan('1e-30')).toBe(true);
            expect(netChurn!.plus(nrr!).minus(1).abs().lessThan('1e-30')).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
