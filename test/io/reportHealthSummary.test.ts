import { describe, expect, it } from 'vitest';
import { reportHealth } from '../../src/io/internal/reportHealth.js';

const scorecard = {
  id: 'small',
  groups: [
    {
      id: 'usage',
      weight: 1,
      measures: [
        { id: 'logins', weight: 1, rule: { type: 'linear', min: 0, max: 10, direction: 'higherIsBetter' } },
        { id: 'seats', weight: 1, rule: { type: 'linear', min: 0, max: 10, direction: 'higherIsBetter' } },
      ],
    },
  ],
} as const;

describe('reportHealth', () => {
  it('averages and bands only scored accounts, and lists ties in code-unit order of the customer id', () => {
    const health = reportHealth(
      [
        { customerId: 'b', logins: 5, seats: 5 },
        { customerId: 'c' },
        { customerId: 'B', logins: 5, seats: 5 },
        { customerId: 'a', logins: 5, seats: 5 },
        { customerId: 'd', logins: 10, seats: 10 },
      ] as never,
      scorecard as never,
      4,
    );
    expect(health.accounts).toBe(5);
    expect(health.averageScore).toBe(62.5);
    expect(health.bands.map((band) => [band.label, band.accounts, band.share?.toString()])).toEqual([
      ['red', 0, '0'],
      ['yellow', 3, '0.75'],
      ['green', 1, '0.25'],
    ]);
    // 'B' (0x42) before 'a' before 'b': never localeCompare.
    expect(health.lowestScores).toEqual([
      { customerId: 'B', score: 50, band: 'yellow' },
      { customerId: 'a', score: 50, band: 'yellow' },
      { customerId: 'b', score: 50, band: 'yellow' },
      { customerId: 'd', score: 100, band: 'green' },
    ]);
    // An account losing no points has nothing to fix first.
    expect(health.fixFirst).toEqual([{ measure: 'logins', accounts: 3 }]);
  });

  it('scores an account on the measures it has; a missing measure is never the one to fix first', () => {
    const health = reportHealth(
      [
        { customerId: 'e', logins: 2 },
        { customerId: 'f', seats: 10 },
      ] as never,
      scorecard as never,
      10,
    );
    expect(health.averageScore).toBe(60);
    expect(health.lowestScores).toEqual([
      { customerId: 'e', score: 20, band: 'red' },
      { customerId: 'f', score: 100, band: 'green' },
    ]);
    // e loses 80 points on logins; f loses none (its logins are missing, not zero).
    expect(health.fixFirst).toEqual([{ measure: 'logins', accounts: 1 }]);
  });

  it('orders equal scores by customer id whatever the input order', () => {
    const ids = ['c', 'a', 'e', 'b', 'd', 'a2', 'A'];
    for (const order of [ids, [...ids].reverse()]) {
      const health = reportHealth(
        order.map((customerId) => ({ customerId, logins: 3, seats: 3 })) as never,
        scorecard as never,
        10,
      );
      expect(health.lowestScores.map((entry) => entry.customerId)).toEqual([
        'A',
        'a',
        'a2',
        'b',
        'c',
        'd',
        'e',
      ]);
    }
  });

  it('keeps rows of the same customer with the same score in input order', () => {
    const health = reportHealth(
      [
        { customerId: 'a', logins: 3, seats: 3 },
        { customerId: 'a', logins: 6, seats: 0 },
        { customerId: 'a', logins: 0, seats: 6 },
      ] as never,
      scorecard as never,
      10,
    );
    expect(health.lowestScores.map((entry) => entry.score)).toEqual([30, 30, 30]);
    expect(health.fixFirst).toEqual([
      { measure: 'logins', accounts: 2 },
      { measure: 'seats', accounts: 1 },
    ]);
  });

  it('gives no average and no shares when no account has a score', () => {
    const health = reportHealth([{ customerId: 'c' }] as never, scorecard as never, 10);
    expect(health).toEqual({
      accounts: 1,
      averageScore: null,
      bands: [
        { label: 'red', accounts: 0, share: null },
        { label: 'yellow', accounts: 0, share: null },
        { label: 'green', accounts: 0, share: null },
      ],
      fixFirst: [],
      lowestScores: [],
    });
  });

  it("names a bad measure at healthMeasures[i], not at the scorer's rows[i].measures", () => {
    expect(() => reportHealth([{ customerId: 'c', logins: 'x' }] as never, scorecard as never, 10)).toThrow(
      expect.objectContaining({
        code: 'invalid_number',
        path: ['healthMeasures', 0, 'logins'],
        message: 'healthMeasures[0].logins must be a decimal number such as "19.99", received "x"',
      }),
    );
  });
});
