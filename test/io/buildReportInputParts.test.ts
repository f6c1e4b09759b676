import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/io/index.js';
import type { ReportInput } from '../../src/io/types.js';
import { errorOf } from '../support/errorOf.js';

// Parts of a report's input read from JSON are validated like the rest: a part of the wrong shape is a
// MetricInputError naming its path, never a TypeError.
const subscriptions = [{ customerId: 'a', start: '2024-01-01', mrr: 100 }];
const movement = {
  start: '2024-01-01',
  end: '2024-02-01',
  startingMrr: '0',
  newMrr: '100',
  expansionMrr: '0',
  contractionMrr: '0',
  churnedMrr: '0',
  reactivationMrr: '0',
  endingMrr: '100',
  fxImpactMrr: '0',
  startingCustomers: 0,
  newCustomers: 1,
  expandedCustomers: 0,
  contractedCustomers: 0,
  churnedCustomers: 0,
  reactivatedCustomers: 0,
  endingCustomers: 1,
};

const cases: [string, Record<string, unknown>, readonly (string | number)[]][] = [
  ['npsResponses: {}', { subscriptions, npsResponses: {} }, ['npsResponses']],
  ['npsResponses: [null]', { subscriptions, npsResponses: [null] }, ['npsResponses', 0]],
  ['a response without a date', { subscriptions, npsResponses: [{ score: 9 }] }, ['npsResponses', 0, 'at']],
  [
    'a score of 11 (named by its own index)',
    {
      subscriptions,
      npsResponses: [
        { at: '2020-01-01', score: 99 },
        { at: '2024-01-01', score: 11 },
      ],
    },
    ['npsResponses', 1, 'score'],
  ],
  ['onboarding: [null]', { subscriptions, onboarding: [null] }, ['onboarding', 0]],
  ['onboarding: {}', { subscriptions, onboarding: {} }, ['onboarding']],
  [
    'a bad reachedValueAt (named by its own index)',
    {
      subscriptions,
      onboarding: [
        { customerId: 'x', start: '2030-01-01' },
        { customerId: 'a', start: '2024-01-01', reachedValueAt: 'soon' },
      ],
    },
    ['onboarding', 1, 'reachedValueAt'],
  ],
  ['healthMeasures: {}', { subscriptions, healthMeasures: {} }, ['healthMeasures']],
  ['healthMeasures: [null]', { subscriptions, healthMeasures: [null] }, ['healthMeasures', 0]],
  [
    'an account without customerId',
    { subscriptions, healthMeasures: [{ nps: 1 }] },
    ['healthMeasures', 0, 'customerId'],
  ],
  ['scorecard: "x"', { subscriptions, healthMeasures: [{ customerId: 'a' }], scorecard: 'x' }, ['scorecard']],
  [
    'a scorecard without measures',
    { subscriptions, healthMeasures: [{ customerId: 'a' }], scorecard: { measures: 3 } },
    ['scorecard', 'measures'],
  ],
  ['salesAndMarketingSpend: {}', { subscriptions, salesAndMarketingSpend: {} }, ['salesAndMarketingSpend']],
  [
    'salesAndMarketingSpend: [null]',
    { subscriptions, salesAndMarketingSpend: [null] },
    ['salesAndMarketingSpend', 0],
  ],
  [
    'a negative spend',
    { subscriptions, salesAndMarketingSpend: [{ month: '2024-01-01', amount: -1 }] },
    ['salesAndMarketingSpend', 0, 'amount'],
  ],
  ['movements: [null]', { movements: [null] }, ['movements', 0]],
  ['a movements row without dates', { movements: [{}] }, ['movements', 0, 'start']],
  [
    'a movements row with a bad amount',
    { movements: [{ ...movement, churnedMrr: 'x' }] },
    ['movements', 0, 'churnedMrr'],
  ],
  ['monthlyMovements: [1]', { movements: [movement], monthlyMovements: [1] }, ['monthlyMovements', 0]],
  ['cohorts: "x"', { movements: [movement], cohorts: 'x' }, ['cohorts']],
  [
    'trailingRevenueRetention: "x"',
    { movements: [movement], trailingRevenueRetention: 'x' },
    ['trailingRevenueRetention'],
  ],
  [
    'a trailing result without asOf',
    {
      movements: [movement],
      trailingRevenueRetention: { net: { value: '1' }, gross: { asOf: '2024-01-31', value: '1' } },
    },
    ['trailingRevenueRetention', 'net', 'asOf'],
  ],
];

describe('buildReport validates every part of its input', () => {
  it.each(cases)('%s is a MetricInputError at its path', (_name, input, path) => {
    const error = errorOf(() => buildReport(input as ReportInput));
    expect(error.path).toEqual(path);
  });

  it('a health measure error names the caller’s row', () => {
    const scorecard = {
      measures: [
        { id: 'nps', weight: 1, rule: { type: 'linear', min: -100, max: 100, direction: 'higherIsBetter' } },
      ],
    };
    const error = errorOf(() =>
      buildReport({
        subscriptions,
        scorecard,
        healthMeasures: [
          { customerId: 'a', nps: 1 },
          { customerId: 'b', nps: 'lots' },
        ],
      } as unknown as ReportInput),
    );
    expect(error.path).toEqual(['healthMeasures', 1, 'nps']);
  });

  it('valid parts from JSON (numbers and strings) still give the report', () => {
    const report = buildReport({
      movements: [movement],
      trailingRevenueRetention: {
        net: { asOf: '2024-01-31', value: '1.05' },
        gross: { asOf: '2024-01-31', value: 0.9 },
      },
    } as unknown as ReportInput);
    expect(String(report.summary.trailingNetRevenueRetention)).toBe('1.05');
    expect(String(report.summary.trailingGrossRevenueRetention)).toBe('0.9');
  });
});
