import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortRetention,
  customerMrrTimeline,
  type ExchangeRate,
  type ExchangeRateDate,
  fromDayNumber,
  type Granularity,
  MetricInputError,
  mrrMovements,
  type PaidToFree,
  type PeriodMovements,
  type SubscriptionPeriod,
  segmentMrrMovements,
  toDayNumber,
  toDecimal,
  trailingGrossRevenueRetention,
  trailingNetRevenueRetention,
} from '../../src/index.js';
import {
  PERIOD_COUNT_FIELDS as COUNTS,
  PERIOD_MONEY_FIELDS as MONEY,
} from '../../src/revenue/internal/periodMovementFields.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { plainTable as plainWithoutFx } from './plainMovements.js';

/** plainTable with the fx impact of every period. */
function plainTable(table: Parameters<typeof plainWithoutFx>[0]) {
  const plain = plainWithoutFx(table);
  return { ...plain, fx: table.periods.map((row) => row.fxImpactMrr.toString()) };
}

type Decimal = ReturnType<typeof toDecimal>;
const granularity = fc.constantFrom<Granularity>('week', 'month', 'quarter');
const paidToFree = fc.constantFrom<PaidToFree>('churn', 'contraction');
const rateDate = fc.constantFrom<ExchangeRateDate>('periodStart', 'snapshot');
const FOREIGN = ['EUR', 'GBP'] as const;

/** A positive rate with up to four decimals, as a string. */
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

/** Rows whose customers bill in the reporting currency (with or without the code) or in EUR or GBP. */
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

/** The rate of `currency` on `day` by a linear scan: the latest rate dated on or before it. */
function rateOn(rates: readonly ExchangeRate[], currency: string | undefined, day: number): Decimal {
  if (currency === undefined || currency === 'USD') return toDecimal(1);
  let best: ExchangeRate | undefined;
  for (const entry of rates) {
    const date = toDayNumber(entry.date as string);
    if (
      entry.currency === currency &&
      date <= day &&
      (best === undefined || date > toDayNumber(best.date as string))
    )
      best = entry;
  }
  if (best === undefined) throw new Error(`no ${currency} rate on ${fromDayNumber(day)}`);
  return toDecimal(best.rate);
}

function converted(
  rows: readonly SubscriptionPeriod[],
  rates: readonly ExchangeRate[],
): SubscriptionPeriod[] {
  return rows.map(({ currency, ...row }) => ({
    ...row,
    mrr: toDecimal(row.mrr).times(rateOn(rates, currency, toDayNumber(row.start as string))),
  }));
}

function identityHolds(row: PeriodMovements): boolean {
  return row.startingMrr
    .plus(row.newMrr)
    .plus(row.expansionMrr)
    .plus(row.reactivationMrr)
    .minus(row.contractionMrr)
    .minus(row.churnedMrr)
    .plus(row.fxImpactMrr)
    .equals(row.endingMrr);
}

describe('mrrMovements with currencies: properties', () => {
  it('with constant rates, both conventions equal the single-currency engine on pre-converted amounts', () => {
    fc.assert(
      fc.property(
        mixedRows,
        rate,
        rate,
        rateDate,
        granularity,
        paidToFree,
        (rows, eur, gbp, rateDate, granularity, paidToFree) => {
          const rates = [
            { currency: 'EUR', date: '2000-01-01', rate: eur },
            { currency: 'GBP', date: '2000-01-01', rate: gbp },
          ];
          const options = { granularity, paidToFree };
          const result = mrrMovements(rows, { ...options, currency: { reporting: 'USD', rates, rateDate } });
          expect(plainTable(result)).toEqual(plainTable(mrrMovements(converted(rows, rates), options)));
          for (const row of result.periods) expect(row.fxImpactMrr.isZero()).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("under 'periodStart', each row is converted once at its start's rate", () => {
    fc.assert(
      fc.property(
        mixedRows,
        monthlyRates,
        granularity,
        paidToFree,
        (rows, rates, granularity, paidToFree) => {
          const options = { granularity, paidToFree };
          const result = mrrMovements(rows, { ...options, currency: { reporting: 'USD', rates } });
          expect(plainTable(result)).toEqual(plainTable(mrrMovements(converted(rows, rates), options)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("under 'snapshot', one foreign currency: movements are the EUR movements at the snapshot's rate, fx the revaluation", () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(10),
        monthlyRates,
        granularity,
        paidToFree,
        (rows, rates, granularity, paidToFree) => {
          const options = { granularity, paidToFree };
          const eur = mrrMovements(rows, options);
          const inEur = rows.map((row) => ({ ...row, currency: 'EUR' }));
          const usd = mrrMovements(inEur, {
            ...options,
            currency: { reporting: 'USD', rates, rateDate: 'snapshot' },
          });
          expect(usd.periods.length).toBe(eur.periods.length);
          usd.periods.forEach((row, period) => {
            const source = eur.periods[period]!;
            const now = rateOn(rates, 'EUR', toDayNumber(row.end) - 1);
            const before = rateOn(rates, 'EUR', toDayNumber(row.start) - 1);
            for (const field of [
              'newMrr',
              'expansionMrr',
              'contractionMrr',
              'churnedMrr',
              'reactivationMrr',
            ] as const)
              expect(row[field].toString()).toBe(source[field].times(now).toString());
            expect(row.fxImpactMrr.toString()).toBe(source.startingMrr.times(now.minus(before)).toString());
            expect(row.startingMrr.toString()).toBe(source.startingMrr.times(before).toString());
            expect(row.endingMrr.toString()).toBe(source.endingMrr.times(now).toString());
            for (const field of COUNTS) expect(row[field]).toBe(source[field]);
            expect(identityHolds(row)).toBe(true);
          });
          expect(usd.customers.length).toBe(eur.customers.length);
          usd.customers.forEach((move, index) => {
            const source = eur.customers[index]!;
            const period = usd.periods.find((row) => row.start === move.periodStart)!;
            const now = rateOn(rates, 'EUR', toDayNumber(period.end) - 1);
            expect([
              move.customerId,
              move.type,
              move.previousMrr.toString(),
              move.currentMrr.toString(),
            ]).toEqual([
              source.customerId,
              source.type,
              source.previousMrr.times(now).toString(),
              source.currentMrr.times(now).toString(),
            ]);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("under 'snapshot' with mixed currencies, ending = starting + movements + fx impact, and segments reconcile", () => {
    fc.assert(
      fc.property(mixedRows, monthlyRates, paidToFree, (rows, rates, paidToFree) => {
        const currency = { reporting: 'USD', rates, rateDate: 'snapshot' } as const;
        const total = mrrMovements(rows, { paidToFree, currency }).periods;
        for (const row of total) {
          expect(identityHolds(row)).toBe(true);
          for (const field of MONEY) expect(row[field].isNegative()).toBe(false);
        }
        const tagged = rows.map((row, index) => ({ ...row, segment: index % 3 === 0 ? 'A' : 'B' }));
        const segmented = segmentMrrMovements(tagged, { paidToFree, currency });
        expect(plainTable({ periods: segmented.total, customers: [] })).toEqual(
          plainTable({ periods: total, customers: [] }),
        );
        total.forEach((row, period) => {
          const sum = (field: 'startingMrr' | 'endingMrr' | 'fxImpactMrr' | 'newMrr' | 'churnedMrr') =>
            segmented.segments
              .reduce((value, segment) => value.plus(segment.periods[period]![field]), toDecimal(0))
              .toString();
          for (const field of ['startingMrr', 'endingMrr', 'fxImpactMrr', 'newMrr', 'churnedMrr'] as const)
            expect(sum(field)).toBe(row[field].toString());
        });
      }),
      { numRuns: 30 },
    );
  }, 30_000);
});

describe('metrics built on the same rows take the currency option (periodStart)', () => {
  // Results compared as JSON: Decimals print their exact value, so equal JSON is equal numbers.
  const metrics = {
    cohortRetention: (rows: SubscriptionPeriod[], extra: object) =>
      cohortRetention(rows, { basis: 'revenue', ...extra }),
    customerMrrTimeline: (rows: SubscriptionPeriod[], extra: object) => customerMrrTimeline(rows, extra),
    trailingNetRevenueRetention: (rows: SubscriptionPeriod[], extra: object) =>
      trailingNetRevenueRetention(rows, { asOf: '2024-06-30', ...extra }),
    trailingGrossRevenueRetention: (rows: SubscriptionPeriod[], extra: object) =>
      trailingGrossRevenueRetention(rows, { asOf: '2024-06-30', ...extra }),
  };

  it.each(Object.entries(metrics))('%s equals itself on rows converted at their start', (_, metric) => {
    fc.assert(
      fc.property(mixedRows, monthlyRates, (rows, rates) => {
        const result = metric(rows, { currency: { reporting: 'USD', rates } });
        expect(JSON.stringify(result)).toBe(JSON.stringify(metric(converted(rows, rates), {})));
      }),
      { numRuns: 25 },
    );
  });

  it.each(Object.entries(metrics))(
    "%s refuses 'snapshot' and, without the option, mixed currencies",
    (_, metric) => {
      const rows: SubscriptionPeriod[] = [
        { customerId: 'a', start: '2024-01-05', mrr: 100, currency: 'EUR' },
        { customerId: 'b', start: '2024-01-05', mrr: 50 },
      ];
      const rates = [{ currency: 'EUR', date: '2024-01-01', rate: '1.1' }];
      expect(() => metric(rows, { currency: { reporting: 'USD', rates, rateDate: 'snapshot' } })).toThrow(
        expect.objectContaining({ code: 'invalid_option', path: ['options', 'currency', 'rateDate'] }),
      );
      expect(() => metric(rows, {})).toThrow(expect.objectContaining({ code: 'mixed_currencies' }));
    },
  );
});

describe('mrrMovements with currencies: examples', () => {
  const rows: SubscriptionPeriod[] = [
    { customerId: 'a', start: '2024-01-05', end: '2024-03-10', mrr: 100, currency: 'EUR' },
    { customerId: 'b', start: '2024-01-05', mrr: 50 },
  ];
  const rates = [
    { currency: 'EUR', date: '2024-01-01', rate: '1.1' },
    { currency: 'EUR', date: '2024-02-15', rate: '1.2' },
  ];
  const table = (rateDate: ExchangeRateDate) =>
    mrrMovements(rows, { currency: { reporting: 'USD', rates, rateDate } }).periods.map((row) =>
      [row.startingMrr, row.newMrr, row.churnedMrr, row.fxImpactMrr, row.endingMrr].map(String),
    );

  it("'periodStart' converts €100 once at 1.1: $110 new in January, $110 churned in March", () => {
    expect(table('periodStart')).toEqual([
      ['0', '160', '0', '0', '160'],
      ['160', '0', '0', '0', '160'],
      ['160', '0', '110', '0', '50'],
    ]);
  });

  it("'snapshot' revalues €100 from 1.1 to 1.2 in February (+$10 fx) and churns it at $120", () => {
    expect(table('snapshot')).toEqual([
      ['0', '160', '0', '0', '160'],
      ['160', '0', '0', '10', '170'],
      ['170', '0', '120', '0', '50'],
    ]);
  });

  it('is the default without currencies: fxImpactMrr is zero', () => {
    const plain = mrrMovements([{ customerId: 'a', start: '2024-01-05', mrr: 100 }]).periods;
    expect(plain.map((row) => row.fxImpactMrr.toString())).toEqual(['0']);
  });
});

describe('mrrMovements with currencies: errors', () => {
  const eurRow = { customerId: 'a', start: '2024-01-05', mrr: 100, currency: 'EUR' };
  const rates = [{ currency: 'EUR', date: '2024-01-01', rate: '1.1' }];
  const failure = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricInputError);
      const { code, path, message } = error as MetricInputError;
      return { code, path, message };
    }
    throw new Error('expected a MetricInputError');
  };

  it('rejects rows in several currencies without the currency option', () => {
    const result = failure(() => mrrMovements([{ customerId: 'b', start: '2024-01-05', mrr: 5 }, eurRow]));
    expect(result.code).toBe('mixed_currencies');
    expect(result.path).toEqual(['subscriptions', 1, 'currency']);
    expect(result.message).toContain('options.currency');
  });

  it('accepts rows all in one named currency without the option (the result is in it)', () => {
    expect(mrrMovements([eurRow]).periods[0]!.newMrr.toString()).toBe('100');
  });

  it('names the currency and the day of a missing rate, under both conventions', () => {
    const early = { ...eurRow, start: '2023-12-20' };
    const atStart = failure(() => mrrMovements([early], { currency: { reporting: 'USD', rates } }));
    expect(atStart.code).toBe('missing_exchange_rate');
    expect(atStart.path).toEqual(['subscriptions', 0, 'currency']);
    expect(atStart.message).toContain('EUR');
    expect(atStart.message).toContain('2023-12-20');
    const atSnapshot = failure(() =>
      mrrMovements([early], { currency: { reporting: 'USD', rates, rateDate: 'snapshot' } }),
    );
    expect(atSnapshot.code).toBe('missing_exchange_rate');
    expect(atSnapshot.message).toContain('2023-12-31');
    const noRates = failure(() => mrrMovements([eurRow], { currency: { reporting: 'USD', rates: [] } }));
    expect(noRates.code).toBe('missing_exchange_rate');
  });

  it.each([
    [{ reporting: 'usd', rates }, 'invalid_value', ['options', 'currency', 'reporting']],
    [{ reporting: 'USD' }, 'invalid_type', ['options', 'currency', 'rates']],
    [{ reporting: 'USD', rates, rateDate: 'daily' }, 'invalid_option', ['options', 'currency', 'rateDate']],
    [{ reporting: 'USD', rates, rounding: 2 }, 'unknown_field', ['options', 'currency', 'rounding']],
    [
      { reporting: 'USD', rates: [{ ...rates[0], rate: 0 }] },
      'not_positive',
      ['options', 'currency', 'rates', 0, 'rate'],
    ],
    [
      { reporting: 'USD', rates: [{ ...rates[0], rate: '-1' }] },
      'not_positive',
      ['options', 'currency', 'rates', 0, 'rate'],
    ],
    [
      { reporting: 'USD', rates: [{ ...rates[0], currency: 'USD' }] },
      'invalid_value',
      ['options', 'currency', 'rates', 0, 'currency'],
    ],
    [
      { reporting: 'USD', rates: [{ ...rates[0], date: '2024-02-30' }] },
      'invalid_date',
      ['options', 'currency', 'rates', 0, 'date'],
    ],
    [
      { reporting: 'USD', rates: [rates[0], { ...rates[0], rate: 2 }] },
      'invalid_value',
      ['options', 'currency', 'rates', 1, 'date'],
    ],
    ['USD', 'invalid_type', ['options', 'currency']],
  ])('rejects the currency option %j', (currency, code, path) => {
    const result = failure(() => mrrMovements([eurRow], { currency } as never));
    expect([result.code, result.path]).toEqual([code, path]);
  });

  it.each([
    ['eur', 'invalid_value'],
    [978, 'invalid_type'],
    ['', 'invalid_value'],
  ])('rejects the row currency %j', (currency, code) => {
    const result = failure(() => mrrMovements([{ ...eurRow, currency } as never]));
    expect([result.code, result.path]).toEqual([code, ['subscriptions', 0, 'currency']]);
  });
});
