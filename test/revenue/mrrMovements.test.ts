import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CustomerMovement,
  type Decimal,
  type Granularity,
  MetricInputError,
  type MrrMovements,
  type MrrMovementsOptions,
  type MrrMovementsSummary,
  mrrMovements,
  type PaidToFree,
  type SubscriptionPeriod,
  type SubscriptionPeriodInput,
} from '../../src/index.js';
import {
  PERIOD_COUNT_FIELDS as COUNTS,
  PERIOD_MONEY_FIELDS as MONEY,
} from '../../src/revenue/internal/periodMovementFields.js';

/** A row as `[start, starting, new, expansion, contraction, churn, reactivation, ending]` MRR strings. */
function money(table: MrrMovementsSummary): string[][] {
  return table.periods.map((row) => [row.start, ...MONEY.map((field) => row[field].toString())]);
}

/** A row as `[start, starting, new, expanded, contracted, churned, reactivated, ending]` customer counts. */
function counts(table: MrrMovementsSummary): (string | number)[][] {
  return table.periods.map((row) => [row.start, ...COUNTS.map((field) => row[field])]);
}

function moves(table: MrrMovements): string[] {
  return table.customers.map(
    (move) =>
      `${move.periodStart} ${move.customerId} ${move.type} ${move.previousMrr}->${move.currentMrr} (${move.amount})`,
  );
}

function errorOf(periods: unknown, options?: unknown): MetricInputError {
  try {
    mrrMovements(periods as SubscriptionPeriod[], options as MrrMovementsOptions);
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

describe('mrrMovements: worked examples', () => {
  it('snapshots each month on its last day: mid-month start, a second subscription, an upgrade, final churn', () => {
    const table = mrrMovements([
      { customerId: 'a', subscriptionId: 'a1', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
      // Starts 2024-02-01, so it is active on Feb 29 (snapshot) but not on Jan 31.
      { customerId: 'a', subscriptionId: 'a2', start: '2024-02-01', end: '2024-03-01', mrr: '20.50' },
      // Ends 2024-01-31 (exclusive): last active day Jan 30, so the Jan 31 snapshot never sees it.
      { customerId: 'b', subscriptionId: 'b1', start: '2024-01-05', end: '2024-01-31', mrr: 999 },
    ]);
    // Jan 31: a = 100 -> new 100.   Feb 29: a = 100 + 20.50 = 120.50 -> expansion 20.50.
    // Mar 31: a = 0 (both ended 2024-03-01) -> churn 120.50. The default range ends in March, the month holding
    // the latest end date, so the final churn shows.
    expect(money(table)).toEqual([
      ['2024-01-01', '0', '100', '0', '0', '0', '0', '100'],
      ['2024-02-01', '100', '0', '20.5', '0', '0', '0', '120.5'],
      ['2024-03-01', '120.5', '0', '0', '0', '120.5', '0', '0'],
    ]);
    expect(counts(table)).toEqual([
      ['2024-01-01', 0, 1, 0, 0, 0, 0, 1],
      ['2024-02-01', 1, 0, 1, 0, 0, 0, 1],
      ['2024-03-01', 1, 0, 0, 0, 1, 0, 0],
    ]);
    expect(table.periods.map((row) => row.end)).toEqual(['2024-02-01', '2024-03-01', '2024-04-01']);
    expect(moves(table)).toEqual([
      '2024-01-01 a new 0->100 (100)',
      '2024-02-01 a expansion 100->120.5 (20.5)',
      '2024-03-01 a churn 120.5->0 (120.5)',
    ]);
  });

  it('classifies a downgrade, a churn, an empty month and a reactivation', () => {
    const table = mrrMovements([
      { customerId: 'a', start: '2024-01-01', end: '2024-03-15', mrr: 100 },
      { customerId: 'a', start: '2024-05-10', end: null, mrr: 80 },
      { customerId: 'b', subscriptionId: 'b', start: '2024-01-15', end: '2024-02-20', mrr: 200 },
      { customerId: 'b', subscriptionId: 'b', start: '2024-02-20', mrr: 120 },
    ]);
    // Jan 31: a 100, b 200 -> new 300.      Feb 29: a 100, b 120 -> contraction 200 - 120 = 80.
    // Mar 31: a 0 -> churn 100 (ending 120). Apr 30: nothing changes, the row is still there.
    // May 31: a 80 again after paying in Jan/Feb -> reactivation 80 (ending 120 + 80 = 200). The range ends in
    // May, the latest start; the open-ended rows do not extend it.
    expect(money(table)).toEqual([
      ['2024-01-01', '0', '300', '0', '0', '0', '0', '300'],
      ['2024-02-01', '300', '0', '0', '80', '0', '0', '220'],
      ['2024-03-01', '220', '0', '0', '0', '100', '0', '120'],
      ['2024-04-01', '120', '0', '0', '0', '0', '0', '120'],
      ['2024-05-01', '120', '0', '0', '0', '0', '80', '200'],
    ]);
    expect(counts(table).map((row) => row.slice(1))).toEqual([
      [0, 2, 0, 0, 0, 0, 2],
      [2, 0, 0, 1, 0, 0, 2],
      [2, 0, 0, 0, 1, 0, 1],
      [1, 0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 1, 2],
    ]);
  });

  const freePlan: SubscriptionPeriod[] = [
    { customerId: 'c', subscriptionId: 'c', start: '2024-01-01', end: '2024-02-01', mrr: 50 },
    { customerId: 'c', subscriptionId: 'c', start: '2024-02-01', end: '2024-04-01', mrr: 0 },
    { customerId: 'c', subscriptionId: 'c', start: '2024-04-01', end: '2024-05-01', mrr: 70 },
    { customerId: 'd', subscriptionId: 'd', start: '2024-01-01', end: '2024-02-01', mrr: 30 },
    { customerId: 'd', subscriptionId: 'd', start: '2024-02-01', end: '2024-03-15', mrr: 0 },
  ];

  it("counts paid-to-free as churn by default ('churn')", () => {
    const table = mrrMovements(freePlan);
    // Jan: c 50, d 30 new (80). Feb: both on a free plan -> churn 50 + 30 = 80, 0 customers.
    // Apr: c pays 70 again -> reactivation. May: c's last period ended 2024-05-01 -> churn 70.
    expect(money(table)).toEqual([
      ['2024-01-01', '0', '80', '0', '0', '0', '0', '80'],
      ['2024-02-01', '80', '0', '0', '0', '80', '0', '0'],
      ['2024-03-01', '0', '0', '0', '0', '0', '0', '0'],
      ['2024-04-01', '0', '0', '0', '0', '0', '70', '70'],
      ['2024-05-01', '70', '0', '0', '0', '70', '0', '0'],
    ]);
    expect(table.periods.map((row) => row.endingCustomers)).toEqual([2, 0, 0, 1, 0]);
  });

  it("keeps a free-plan customer with paidToFree 'contraction' until no period is active", () => {
    const table = mrrMovements(freePlan, { paidToFree: 'contraction' });
    // Feb: c and d drop to a free plan -> contraction 50 + 30 = 80, still 2 customers.
    // Mar 31: d's free period ended 2024-03-15 -> churn of amount 0 (it left from a free plan), 1 customer.
    // Apr: c from 0 to 70 while a customer -> expansion 70. May: c holds no period -> churn 70.
    expect(money(table)).toEqual([
      ['2024-01-01', '0', '80', '0', '0', '0', '0', '80'],
      ['2024-02-01', '80', '0', '0', '80', '0', '0', '0'],
      ['2024-03-01', '0', '0', '0', '0', '0', '0', '0'],
      ['2024-04-01', '0', '0', '70', '0', '0', '0', '70'],
      ['2024-05-01', '70', '0', '0', '0', '70', '0', '0'],
    ]);
    expect(counts(table).map((row) => row.slice(1))).toEqual([
      [0, 2, 0, 0, 0, 0, 2],
      [2, 0, 0, 2, 0, 0, 2],
      [2, 0, 0, 0, 1, 0, 1],
      [1, 0, 1, 0, 0, 0, 1],
      [1, 0, 0, 0, 1, 0, 0],
    ]);
    expect(moves(table)).toContain('2024-03-01 d churn 0->0 (0)');
  });

  it('does not count a free-only customer in either mode', () => {
    const free = [{ customerId: 'f', start: '2024-01-01', end: '2024-03-01', mrr: 0 }];
    for (const paidToFree of ['churn', 'contraction'] as const) {
      const table = mrrMovements(free, { paidToFree });
      expect(table.customers).toEqual([]);
      expect(table.periods.map((row) => row.endingCustomers)).toEqual([0, 0, 0]);
    }
  });

  it('starts from the day before `from`: earlier payers are starting MRR, returning payers reactivate', () => {
    const periods = [
      { customerId: 'old', start: '2023-06-01', end: null, mrr: 10 },
      { customerId: 'back', start: '2023-03-01', end: '2023-05-01', mrr: 40 },
      { customerId: 'back', start: '2024-02-10', end: null, mrr: 45 },
    ];
    const table = mrrMovements(periods, { from: '2024-01-20', to: '2024-03-31' });
    // Dec 31 2023 snapshot: old 10 -> starting MRR 10, 1 customer. Feb 29: back pays 45 after paying in Mar/Apr
    // 2023 -> reactivation 45 (not new). The open-ended rows stay active through `to`.
    expect(money(table)).toEqual([
      ['2024-01-01', '10', '0', '0', '0', '0', '0', '10'],
      ['2024-02-01', '10', '0', '0', '0', '0', '45', '55'],
      ['2024-03-01', '55', '0', '0', '0', '0', '0', '55'],
    ]);
    expect(table.periods[0]!.startingCustomers).toBe(1);
    expect(moves(table)).toEqual(['2024-02-01 back reactivation 0->45 (45)']);
  });

  it('reports empty periods and empty input', () => {
    expect(mrrMovements([])).toEqual({ periods: [], customers: [] });
    const empty = mrrMovements([], { from: '2024-01-01', to: '2024-02-15' });
    expect(money(empty)).toEqual([
      ['2024-01-01', '0', '0', '0', '0', '0', '0', '0'],
      ['2024-02-01', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(mrrMovements([], { to: '2024-02-15' }).periods.map((row) => row.start)).toEqual(['2024-02-01']);
    // Data entirely before `from`: the range is just `from`'s period, and the earlier payer is starting MRR.
    const later = mrrMovements([{ customerId: 'a', start: '2023-01-01', mrr: 5 }], { from: '2024-03-03' });
    expect(money(later)).toEqual([['2024-03-01', '5', '0', '0', '0', '0', '0', '5']]);
  });

  it('buckets by week (Monday by default, or weekStartsOn)', () => {
    // 2024-01-03 is a Wednesday; the period is active Jan 3 … Jan 16.
    const periods = [{ customerId: 'w', start: '2024-01-03', end: '2024-01-17', mrr: 10 }];
    // Monday weeks: snapshot Sun Jan 7 (active) new 10; Sun Jan 14 (active) no change; Sun Jan 21 churn 10.
    expect(money(mrrMovements(periods, { granularity: 'week' }))).toEqual([
      ['2024-01-01', '0', '10', '0', '0', '0', '0', '10'],
      ['2024-01-08', '10', '0', '0', '0', '0', '0', '10'],
      ['2024-01-15', '10', '0', '0', '0', '10', '0', '0'],
    ]);
    // Sunday weeks: Sat Jan 6 new, Sat Jan 13 no change, Sat Jan 20 churn.
    expect(
      mrrMovements(periods, { granularity: 'week', weekStartsOn: 0 }).periods.map((row) => row.start),
    ).toEqual(['2023-12-31', '2024-01-07', '2024-01-14']);
  });

  it('buckets by quarter and year, where a stay inside one period never reaches a snapshot', () => {
    const quarterly = mrrMovements(
      [
        { customerId: 'q', start: '2024-02-10', end: '2024-05-20', mrr: 100 },
        // Active Apr 1 … Apr 30 only: neither Mar 31 nor Jun 30 sees it.
        { customerId: 'r', start: '2024-04-01', end: '2024-05-01', mrr: 40 },
      ],
      { granularity: 'quarter' },
    );
    // Mar 31: q 100 -> new 100. Jun 30: q ended May 20 -> churn 100.
    expect(money(quarterly)).toEqual([
      ['2024-01-01', '0', '100', '0', '0', '0', '0', '100'],
      ['2024-04-01', '100', '0', '0', '0', '100', '0', '0'],
    ]);
    expect(quarterly.customers.map((move) => move.customerId)).toEqual(['q', 'q']);
    const yearly = mrrMovements(
      [
        { customerId: 'y', start: '2023-06-01', mrr: 12 },
        { customerId: 'z', start: '2023-03-01', end: '2024-07-01', mrr: 5 },
      ],
      { granularity: 'year' },
    );
    // Dec 31 2023: y 12 + z 5 = 17 new (2 customers). Dec 31 2024: z gone -> churn 5.
    expect(money(yearly)).toEqual([
      ['2023-01-01', '0', '17', '0', '0', '0', '0', '17'],
      ['2024-01-01', '17', '0', '0', '0', '5', '0', '12'],
    ]);
  });

  it('buckets by day', () => {
    const daily = mrrMovements([{ customerId: 'd', start: '2024-01-01', end: '2024-01-03', mrr: 1 }], {
      granularity: 'day',
    });
    // Active Jan 1 and 2: new on Jan 1, churn on Jan 3 (the end date).
    expect(daily.customers.map((move) => `${move.periodStart} ${move.type}`)).toEqual([
      '2024-01-01 new',
      '2024-01-03 churn',
    ]);
  });

  it('buckets a daily grid far longer than the data (decades for one row) correctly', () => {
    // 1 row, 7,305 days of grid: the snapshot lookup uses binary search instead of a day table.
    const table = mrrMovements([{ customerId: 'a', start: '2010-06-15', end: '2010-06-17', mrr: 5 }], {
      granularity: 'day',
      from: '2000-01-01',
      to: '2019-12-31',
    });
    expect(table.periods).toHaveLength(7305);
    expect(table.customers.map((move) => [move.periodStart, move.type, move.amount.toString()])).toEqual([
      ['2010-06-15', 'new', '5'],
      ['2010-06-17', 'churn', '5'],
    ]);
  });

  it('reads Date inputs in the timeZone option', () => {
    // 20:00 UTC on Jan 31 is already Feb 1 in Tokyo.
    const periods = [{ customerId: 'a', start: new Date('2024-01-31T20:00:00Z'), mrr: 9 }];
    expect(mrrMovements(periods, { timeZone: 'UTC' }).periods[0]!.start).toBe('2024-01-01');
    expect(() => mrrMovements(periods)).toThrow(
      expect.objectContaining({ code: 'ambiguous_date', path: ['subscriptions', 0, 'start'] }),
    );
    const tokyo = mrrMovements(periods, { timeZone: 'Asia/Tokyo' });
    expect(tokyo.periods.map((row) => [row.start, row.newMrr.toString()])).toEqual([['2024-02-01', '9']]);
  });

  it('handles a customer with many rows given in any order', () => {
    // 40 monthly periods of one subscription from 2020-01, paying 1, 2, …, 40, listed newest first.
    const periods = Array.from({ length: 40 }, (_, month) => ({
      customerId: 'm',
      subscriptionId: 'm',
      start: `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`,
      end: `${2020 + Math.floor((month + 1) / 12)}-${String(((month + 1) % 12) + 1).padStart(2, '0')}-01`,
      mrr: month + 1,
    })).reverse();
    const table = mrrMovements(periods);
    // New 1 in 2020-01, then +1 expansion each month through 2023-04 (MRR 40), churn 40 in 2023-05.
    expect(table.periods).toHaveLength(41);
    expect(table.customers.map((move) => move.type)).toEqual([
      'new',
      ...Array(39).fill('expansion'),
      'churn',
    ]);
    expect(table.periods[39]!.endingMrr.toString()).toBe('40');
    expect(table.customers.at(-1)!.periodStart).toBe('2023-05-01');
  });

  it("with detail 'summary' returns the same period table without the drill-down list", () => {
    const rows = [
      { customerId: 'b', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
      { customerId: 'a', start: '2024-02-01', end: '2024-04-01', mrr: '20.50' },
    ];
    const summary = mrrMovements(rows, { detail: 'summary' });
    expect(summary).not.toHaveProperty('customers');
    expect(money(summary)).toEqual([
      ['2024-01-01', '0', '100', '0', '0', '0', '0', '100'],
      ['2024-02-01', '100', '20.5', '0', '0', '0', '0', '120.5'],
      ['2024-03-01', '120.5', '0', '0', '0', '100', '0', '20.5'],
      ['2024-04-01', '20.5', '0', '0', '0', '20.5', '0', '0'],
    ]);
    expect(counts(summary)).toEqual(counts(mrrMovements(rows)));
    expect(mrrMovements([], { detail: 'summary' })).toEqual({ periods: [] });
    expect(mrrMovements(rows, { detail: 'full' })).toEqual(mrrMovements(rows));
  });

  it('orders drill-down by period, then customerId in code-unit order', () => {
    const ids = ['é', 'b', 'B', 'a', 'a2'];
    const table = mrrMovements(ids.map((customerId) => ({ customerId, start: '2024-01-01', mrr: 1 })));
    expect(table.customers.map((move) => move.customerId)).toEqual(['B', 'a', 'a2', 'b', 'é']);
  });

  it('stays exact with many decimals and with sums past 2^53 minor units', () => {
    const tiny = mrrMovements([
      { customerId: 'a', start: '2024-01-01', end: '2024-02-01', mrr: '0.1' },
      { customerId: 'b', start: '2024-01-01', end: '2024-02-01', mrr: '0.2000000000000000000001' },
    ]);
    // 0.1 + 0.2000000000000000000001, exactly (a double would give 0.30000000000000004).
    expect(tiny.periods[0]!.endingMrr.toString()).toBe('0.3000000000000000000001');
    const huge = mrrMovements([
      { customerId: 'a', start: '2024-01-01', mrr: '9007199254740993.01' },
      { customerId: 'b', start: '2024-01-01', mrr: '9007199254740993.02' },
    ]);
    expect(huge.periods[0]!.newMrr.toString()).toBe('18014398509481986.03');
  });
});

describe('mrrMovements: the dbt MRR playbook reference', () => {
  // dbt Labs' mrr-playbook sample input (subscription_periods seed). Its model counts a subscription in month M
  // when start_date <= M < end_date (M = the month's first day): end_date is EXCLUSIVE, as ours. The data is
  // month-aligned (every date is a 1st), so the first-day and our last-day snapshots see the same rows, and
  // rows map one to one: end_date -> end, monthly_amount -> mrr.
  const csv = readFileSync(
    new URL('../fixtures/dbt-mrr-playbook-subscription_periods.csv', import.meta.url),
    'utf8',
  );
  const periods: SubscriptionPeriod[] = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [subscriptionId, customerId, start, end, mrr] = line.split(',');
      return {
        subscriptionId: subscriptionId!,
        customerId: customerId!,
        start: start!,
        end: end!,
        mrr: mrr!,
      };
    });

  it('runs end to end and every month balances', () => {
    expect(periods).toHaveLength(121);
    const table = mrrMovements(periods);
    // 2017-09 (first start) through 2020-02 (the month of the latest end date): 30 months.
    expect(table.periods).toHaveLength(30);
    expect(table.periods[0]!.start).toBe('2017-09-01');
    expect(table.periods.at(-1)!.start).toBe('2020-02-01');
    expect(table.periods.at(-1)!.endingMrr.toString()).toBe('0');
    table.periods.forEach((row, index) => {
      const moved = row.startingMrr
        .plus(row.newMrr)
        .plus(row.expansionMrr)
        .plus(row.reactivationMrr)
        .minus(row.contractionMrr)
        .minus(row.churnedMrr);
      expect(moved.equals(row.endingMrr)).toBe(true);
      if (index > 0) expect(row.startingMrr.equals(table.periods[index - 1]!.endingMrr)).toBe(true);
    });
  });

  it('matches months computed independently with pandas', () => {
    // Numbers from a one-off /usr/bin/python3 + pandas 1.5.3 script: for each month M, customer MRR =
    // sum(monthly_amount where start_date <= M < end_date); movements from the previous month's MRR, reactivation
    // when the customer had MRR > 0 in any earlier month. Tuples: starting, new, expansion, contraction, churn,
    // reactivation, ending MRR, ending paying customers.
    const expected: Record<string, (string | number)[]> = {
      '2018-01-01': ['0', '55', '0', '0', '0', '0', '55', 1],
      '2018-06-01': ['190', '25', '30', '10', '0', '0', '235', 4],
      '2019-02-01': ['620', '30', '25', '0', '50', '0', '625', 13],
      '2019-04-01': ['660', '120', '65', '0', '0', '50', '895', 17],
      '2019-06-01': ['965', '50', '150', '30', '0', '0', '1135', 22],
    };
    const table = mrrMovements(periods);
    for (const [start, values] of Object.entries(expected)) {
      const row = table.periods.find((period) => period.start === start)!;
      expect([...MONEY.map((field) => row[field].toString()), row.endingCustomers]).toEqual(values);
    }
    const april = table.periods.find((period) => period.start === '2019-04-01')!;
    // pandas counts in 2019-04: 2 new, 3 expanded, 1 reactivated.
    expect([april.newCustomers, april.expandedCustomers, april.reactivatedCustomers]).toEqual([2, 3, 1]);
  });
});

describe('mrrMovements: bad input', () => {
  const row = { customerId: 'a', start: '2024-01-01', mrr: 1 };

  it('names the row and field of a bad subscription period', () => {
    expect(errorOf([row, { ...row, mrr: -5 }])).toMatchObject({
      code: 'negative_amount',
      path: ['subscriptions', 1, 'mrr'],
    });
    expect(errorOf([{ ...row, end: '2023-12-31' }])).toMatchObject({
      code: 'end_before_start',
      path: ['subscriptions', 0, 'end'],
    });
    expect(errorOf([{ ...row, start: '2024-02-30' }])).toMatchObject({
      code: 'invalid_date',
      path: ['subscriptions', 0, 'start'],
    });
    expect(errorOf([row, { ...row, subscriptionId: 's' }, { ...row, subscriptionId: 's' }])).toMatchObject({
      code: 'overlapping_periods',
      path: ['subscriptions', 2, 'start'],
    });
    expect(errorOf('rows')).toMatchObject({ code: 'invalid_type', path: ['subscriptions'] });
  });

  it('rejects bad options, and `from` after `to`', () => {
    expect(errorOf([row], { from: '2024-03-01', to: '2024-02-01' })).toMatchObject({
      code: 'end_before_start',
      path: ['options', 'to'],
      message: 'to (2024-02-01) is before from (2024-03-01)',
    });
    expect(errorOf([row], { paidToFree: 'downgrade' })).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'paidToFree'],
    });
    expect(errorOf([row], { detail: 'short' })).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'detail'],
    });
    expect(errorOf([row], { granularity: 'fortnight' })).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'granularity'],
    });
    expect(errorOf([row], { weekStartsOn: 7 })).toMatchObject({ path: ['options', 'weekStartsOn'] });
    expect(errorOf([row], { timeZone: 'Mars/Olympus' })).toMatchObject({ code: 'invalid_time_zone' });
    expect(errorOf([row], { from: '2024-1-1' })).toMatchObject({
      code: 'invalid_date',
      path: ['options', 'from'],
    });
    expect(errorOf([row], { to: new Date(Number.NaN) })).toMatchObject({
      code: 'invalid_date',
      path: ['options', 'to'],
    });
    expect(errorOf([row], null)).toMatchObject({ code: 'invalid_type', path: ['options'] });
  });

  it('checks options before reading any row', () => {
    expect(errorOf([{ ...row, mrr: -1 }], { paidToFree: 'x' }).path).toEqual(['options', 'paidToFree']);
  });
});

describe('mrrMovements: types', () => {
  it('returns Decimals for money and numbers for counts', () => {
    expectTypeOf(mrrMovements).parameter(0).toEqualTypeOf<SubscriptionPeriodInput>();
    expectTypeOf(mrrMovements([])).toEqualTypeOf<MrrMovements>();
    expectTypeOf(mrrMovements([], { detail: 'full' })).toEqualTypeOf<MrrMovements>();
    expectTypeOf(mrrMovements([], { detail: 'summary' })).toEqualTypeOf<MrrMovementsSummary>();
    expectTypeOf<MrrMovementsSummary>().not.toHaveProperty('customers');
    const detail = 'summary' as 'full' | 'summary';
    expectTypeOf(mrrMovements([], { detail })).toEqualTypeOf<MrrMovements | MrrMovementsSummary>();
    expectTypeOf<MrrMovements['periods'][number]['churnedMrr']>().toEqualTypeOf<Decimal>();
    expectTypeOf<MrrMovements['periods'][number]['churnedCustomers']>().toEqualTypeOf<number>();
    expectTypeOf<CustomerMovement['type']>().toEqualTypeOf<
      'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation'
    >();
    expectTypeOf<NonNullable<MrrMovementsOptions['paidToFree']>>().toEqualTypeOf<PaidToFree>();
    expectTypeOf<NonNullable<MrrMovementsOptions['granularity']>>().toEqualTypeOf<Granularity>();
  });
});
