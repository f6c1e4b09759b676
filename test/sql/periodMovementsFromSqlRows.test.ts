import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/index.js';
import { periodMovementsFromSqlRows } from '../../src/sql/index.js';

const ROW = {
  period_start: '2024-02-01',
  period_end: '2024-03-01',
  starting_mrr: '300.000000',
  new_mrr: '0.000000',
  expansion_mrr: '0',
  contraction_mrr: '80.000000',
  churned_mrr: 0,
  reactivation_mrr: '0',
  fx_impact_mrr: '0.000000',
  ending_mrr: '220.000000',
  starting_customers: 2n,
  new_customers: '0',
  expanded_customers: 0,
  contracted_customers: 1n,
  churned_customers: 0n,
  reactivated_customers: 0n,
  ending_customers: 2n,
};

describe('periodMovementsFromSqlRows', () => {
  it('converts strings, numbers and bigints into Decimals and counts', () => {
    const [row] = periodMovementsFromSqlRows([ROW]);
    // 300 − 80 = 220, exactly, whatever trailing zeros the DECIMAL(38, 6) column carried.
    expect(row!.startingMrr.minus(row!.contractionMrr).equals(row!.endingMrr)).toBe(true);
    expect([row!.start, row!.end, row!.endingMrr.toString(), row!.contractedCustomers]).toEqual([
      '2024-02-01',
      '2024-03-01',
      '220',
      1,
    ]);
  });

  it('reads the fx impact of a table in several currencies', () => {
    // 300 at the old rates, revalued to 310 (+10), then 80 of contraction: 310 − 80 = 230.
    const [row] = periodMovementsFromSqlRows([
      { ...ROW, fx_impact_mrr: '10.000000', ending_mrr: '230.000000' },
    ]);
    expect([row!.fxImpactMrr.toString(), row!.endingMrr.toString()]).toEqual(['10', '230']);
  });

  it.each([
    [[{ ...ROW, fx_impact_mrr: undefined }], 'invalid_type', ['rows', 0, 'fx_impact_mrr']],
    [[{ ...ROW, period_start: new Date('2024-02-01') }], 'invalid_type', ['rows', 0, 'period_start']],
    [[{ ...ROW, period_end: '2024-02-30' }], 'invalid_date', ['rows', 0, 'period_end']],
    [[{ ...ROW, new_mrr: 'abc' }], 'invalid_number', ['rows', 0, 'new_mrr']],
    [[{ ...ROW, churned_customers: -1n }], 'negative_amount', ['rows', 0, 'churned_customers']],
    [[null], 'invalid_type', ['rows', 0]],
    ['rows', 'invalid_type', ['rows']],
  ])('bad rows case %# gives a MetricInputError', (rows, code, path) => {
    expect(() => periodMovementsFromSqlRows(rows as never)).toThrow(MetricInputError);
    expect(() => periodMovementsFromSqlRows(rows as never)).toThrow(expect.objectContaining({ code, path }));
  });
});
