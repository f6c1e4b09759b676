import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_ISSUES } from '../../src/core/errors.js';
import {
  defineScorecard,
  MetricInputError,
  mrrMovements,
  netPromoterScore,
  portfolioHealth,
  scoreHealthMany,
} from '../../src/index.js';
import { netPromoterScoreByPeriod } from '../../src/nps/netPromoterScoreByPeriod.js';
import { netPromoterScoreBySegment } from '../../src/nps/netPromoterScoreBySegment.js';
import { errorOf } from '../support/errorOf.js';

// 50 good subscription rows, then 7 of them broken in 7 different ways.
function goodRows() {
  return Array.from({ length: 50 }, (_, index) => ({
    customerId: `c${index}`,
    start: `2024-${String((index % 12) + 1).padStart(2, '0')}-01`,
    end: '2025-01-01',
    mrr: 10 + index,
  }));
}
const BREAKS: [number, Record<string, unknown>, string, string][] = [
  [3, { mrr: -5 }, 'negative_amount', 'mrr'],
  [9, { customerId: '' }, 'invalid_type', 'customerId'],
  [17, { start: '2024-02-30' }, 'invalid_date', 'start'],
  [22, { end: '2023-01-01' }, 'end_before_start', 'end'],
  [30, { mrr: 'abc' }, 'invalid_number', 'mrr'],
  [41, { subscriptionId: 7 }, 'invalid_type', 'subscriptionId'],
  [49, { start: new Date('2024-01-01T12:00:00Z') }, 'ambiguous_date', 'start'],
];

describe('MetricInputError.issues: every bad row at once', () => {
  it('lists the 7 bad rows of a 50-row input, in order, each with its code, path and message', () => {
    const rows: Record<string, unknown>[] = goodRows();
    for (const [index, change] of BREAKS) rows[index] = { ...rows[index], ...change };
    const error = errorOf(() => mrrMovements(rows as never));
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual(
      BREAKS.map(([index, , code, field]) => [['subscriptions', index, field], code]),
    );
    for (const issue of error.issues) expect(issue.message).toMatch(/^subscriptions\[\d+\]\./);
  });

  it('keeps the first problem as the error itself, exactly as when it was the only one', () => {
    const rows: Record<string, unknown>[] = goodRows();
    for (const [index, change] of BREAKS) rows[index] = { ...rows[index], ...change };
    const onlyFirst: Record<string, unknown>[] = goodRows();
    onlyFirst[3] = { ...onlyFirst[3], mrr: -5 };
    const all = errorOf(() => mrrMovements(rows as never));
    const single = errorOf(() => mrrMovements(onlyFirst as never));
    expect(single.issues).toHaveLength(1);
    for (const field of ['code', 'path', 'expected', 'received', 'message'] as const) {
      expect(all[field]).toEqual(single[field]);
      expect(all.issues[0]![field]).toEqual(single[field]);
    }
  });

  it(`stops at ${MAX_INPUT_ISSUES} issues`, () => {
    const responses = Array.from({ length: 250 }, (_, index) => ({
      score: index % 2 === 0 ? 11 : 9,
      segment: 's',
    }));
    const error = errorOf(() => netPromoterScoreBySegment(responses));
    expect(MAX_INPUT_ISSUES).toBe(100);
    expect(error.issues).toHaveLength(100);
    expect(error.issues[99]!.path).toEqual(['responses', 198, 'score']);
  });

  it('a bare array of scores (netPromoterScore) stops at its first problem, to keep its 1 kB bundle', () => {
    expect(errorOf(() => netPromoterScore([11, 9, 12])).issues.map((issue) => issue.path)).toEqual([
      ['scores', 0],
    ]);
  });

  it('keeps an error with one problem as its own only issue, and JSON.stringify(error) unchanged', () => {
    const error = errorOf(() => netPromoterScoreBySegment([{ score: 11, segment: 'a' }]));
    expect(error.issues).toEqual([error]);
    expect(Object.keys(JSON.parse(JSON.stringify(error))).sort()).toEqual([
      'code',
      'expected',
      'name',
      'path',
      'received',
    ]);
  });

  it('lists bad NPS responses and health rows too', () => {
    expect(
      errorOf(() =>
        netPromoterScoreBySegment([
          { score: 11, segment: 'a' },
          { score: 9, segment: 'b' },
          { score: 5 } as never,
        ]),
      ).issues.map((issue) => issue.path),
    ).toEqual([
      ['responses', 0, 'score'],
      ['responses', 2, 'segment'],
    ]);
    expect(
      errorOf(() =>
        netPromoterScoreByPeriod([
          { score: 1, at: '2024-13-01' },
          { score: -1, at: '2024-01-01' },
        ]),
      ).issues.map((issue) => issue.path),
    ).toEqual([
      ['responses', 0, 'at'],
      ['responses', 1, 'score'],
    ]);
    const card = defineScorecard({
      measures: [
        { id: 'a', weight: 1, rule: { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } },
      ],
    });
    const rows = [{ measures: { a: 'x' } }, { measures: { a: 5 } }, null, { measures: { a: Number.NaN } }];
    expect(
      errorOf(() => scoreHealthMany(card, rows as never)).issues.map((issue) => issue.path.slice(0, 2)),
    ).toEqual([
      ['rows', 0],
      ['rows', 2],
      ['rows', 3],
    ]);
    const accounts = [
      { score: 30, mrr: -1 },
      { score: 30, mrr: 1 },
      { score: 300, mrr: 1 },
    ];
    expect(errorOf(() => portfolioHealth(accounts)).issues.map((issue) => issue.path)).toEqual([
      ['accounts', 0, 'mrr'],
      ['accounts', 2, 'score'],
    ]);
  });

  it('lists schema problems (zod) the same way', () => {
    const error = errorOf(() =>
      defineScorecard({
        measures: [
          { id: 'a', weight: -1, rule: { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } },
          { id: 'b', weight: 1, rule: { type: 'nope' } },
        ],
      } as never),
    );
    expect(error.issues.length).toBeGreaterThan(1);
    expect(error.issues[0]!.message).toBe(error.message);
  });

  it('reports exactly the bad rows, in order, for any set of bad rows', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 300 }), (bad) => {
        const responses = bad.map((isBad) => ({ score: isBad ? 'ten' : 10, segment: 's' }));
        const badIndexes = bad.flatMap((isBad, index) => (isBad ? [index] : []));
        if (badIndexes.length === 0) {
          expect(netPromoterScoreBySegment(responses).reduce((sum, row) => sum + row.responses, 0)).toBe(
            bad.length,
          );
          return;
        }
        const error = errorOf(() => netPromoterScoreBySegment(responses));
        expect(error).toBeInstanceOf(MetricInputError);
        expect(error.issues.map((issue) => issue.path[1])).toEqual(badIndexes.slice(0, MAX_INPUT_ISSUES));
        expect(error.path).toEqual(['responses', badIndexes[0], 'score']);
      }),
    );
  });
});
