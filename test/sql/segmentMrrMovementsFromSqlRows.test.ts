import { describe, expect, it } from 'vitest';
import { segmentMrrMovementsFromSqlRows } from '../../src/sql/index.js';
import { errorOf } from '../support/errorOf.js';

const ROW = {
  period_start: '2024-02-01',
  period_end: '2024-03-01',
  starting_mrr: '100.000000',
  new_mrr: '0',
  expansion_mrr: '0',
  contraction_mrr: '0',
  churned_mrr: '0',
  reactivation_mrr: '0',
  fx_impact_mrr: '0',
  transfer_in_mrr: '0',
  transfer_out_mrr: '100.000000',
  ending_mrr: '0',
  starting_customers: 1n,
  new_customers: 0n,
  expanded_customers: 0n,
  contracted_customers: 0n,
  churned_customers: 0n,
  reactivated_customers: 0n,
  transferred_in_customers: 0n,
  transferred_out_customers: 1n,
  ending_customers: 0n,
};

describe('segmentMrrMovementsFromSqlRows', () => {
  it('splits the total from the segments and orders segments by UTF-16 code units, not by collation', () => {
    const growth = {
      ...ROW,
      starting_mrr: '0',
      transfer_in_mrr: '250.000000',
      transfer_out_mrr: '0',
      ending_mrr: '250.000000',
      starting_customers: 0n,
      transferred_in_customers: 1n,
      transferred_out_customers: 0n,
      ending_customers: 1n,
    };
    const total = {
      ...ROW,
      segment: null,
      expansion_mrr: '150.000000',
      transfer_out_mrr: '0',
      ending_mrr: '250',
    };
    // 'Starter' < 'growth' in UTF-16 ('S' is 0x53, 'g' 0x67), whatever order the database returned.
    const result = segmentMrrMovementsFromSqlRows([
      { ...growth, segment: 'growth' },
      total,
      { ...ROW, segment: 'Starter' },
    ]);
    expect(result.total.map((row) => row.expansionMrr.toString())).toEqual(['150']);
    expect(result.segments.map(({ segment }) => segment)).toEqual(['Starter', 'growth']);
    // Starter: 100 − 100 transferred out = 0; growth: 0 + 250 transferred in = 250.
    expect(
      result.segments.map(({ periods }) => [
        periods[0]!.transferOutMrr.toString(),
        periods[0]!.transferInMrr.toString(),
        periods[0]!.endingMrr.toString(),
        periods[0]!.transferredOutCustomers,
        periods[0]!.transferredInCustomers,
      ]),
    ).toEqual([
      ['100', '0', '0', 1, 0],
      ['0', '250', '250', 0, 1],
    ]);
  });

  it.each([
    [[{ ...ROW, segment: 7 }], 'invalid_type', ['rows', 0, 'segment']],
    [[{ ...ROW, segment: 'a', transfer_in_mrr: 'x' }], 'invalid_number', ['rows', 0, 'transfer_in_mrr']],
    [
      [{ ...ROW, segment: 'a', transferred_out_customers: -1 }],
      'negative_amount',
      ['rows', 0, 'transferred_out_customers'],
    ],
    ['rows', 'invalid_type', ['rows']],
  ])('bad rows case %# gives a MetricInputError', (rows, code, path) => {
    expect(errorOf(() => segmentMrrMovementsFromSqlRows(rows as never))).toMatchObject({ code, path });
  });
});
