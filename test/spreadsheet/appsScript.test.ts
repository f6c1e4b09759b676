import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cacPaybackMonths,
  customerChurnRate,
  grossRevenueRetention,
  lifetimeValue,
  mrrMovements,
  netPromoterScore,
  netRevenueRetention,
  normalizeToMrr,
} from '../../src/index.js';
import { netPromoterScoreInterval } from '../../src/nps/netPromoterScoreInterval.js';
import { readDist } from './distFiles.js';

// The generated Apps Script file runs here as Apps Script runs it: one plain script in a bare global scope with
// `console` and `Logger` and nothing of Node (no require, process, module or import).
const source = readDist('sheets/customer-health.gs');
const logged: unknown[] = [];
const sandbox = vm.createContext({
  console: { log: (...args: unknown[]) => logged.push(args) },
  Logger: { log: (...args: unknown[]) => logged.push(args) },
});
vm.runInContext(source, sandbox, { filename: 'customer-health.gs' });
type SheetFunction = (...args: unknown[]) => unknown;
const sheet = (name: string) => (sandbox as Record<string, SheetFunction>)[name]!;

function cellError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the cell to show an error');
}

describe('dist/sheets/customer-health.gs in a bare V8 context', () => {
  it('declares no Node globals and defines every CH_ function at top level', () => {
    expect(vm.runInContext('typeof require + typeof process + typeof module', sandbox)).toBe(
      'undefinedundefinedundefined',
    );
    for (const name of ['NPS', 'NPS_INTERVAL', 'CUSTOMER_CHURN', 'NRR', 'GRR', 'LTV', 'CAC_PAYBACK']) {
      expect(typeof sheet(`CH_${name}`), name).toBe('function');
    }
    expect(typeof sheet('CH_NORMALIZE_MRR')).toBe('function');
    expect(typeof sheet('CH_MRR_MOVEMENTS')).toBe('function');
  });

  it('gives every function a @customfunction JSDoc with @param per argument and @return', () => {
    const blocks = [...source.matchAll(/\/\*\*([\s\S]*?)\*\/\nfunction (CH_\w+)\(([^)]*)\)/g)];
    expect(blocks.map((block) => block[2])).toHaveLength(9);
    for (const [, doc, name, args] of blocks) {
      expect(doc, name).toContain('@customfunction');
      expect(doc, name).toMatch(/@return \{[^}]+\} \S/);
      for (const arg of args!.split(', ').filter(Boolean)) expect(doc, name).toMatch(`} ${arg} `);
    }
  });

  it('CH_NPS of a column with blanks: 3 promoters, 1 passive, 2 detractors of 6 → (3 − 2) / 6 × 100', () => {
    const range = [[10], [9], [''], [8], [9], [6], [''], [0]];
    expect(sheet('CH_NPS')(range)).toBeCloseTo(100 / 6, 12);
    expect(sheet('CH_NPS')(range)).toBe(netPromoterScore([10, 9, 8, 9, 6, 0]).score!.toNumber());
  });

  it('CH_NPS names the cell of bad text, and shows #N/A for a range with no answers', () => {
    expect(cellError(() => sheet('CH_NPS')([[10], [9], ['abc']]))).toMatch(
      /^row 3 of the range: an answer must be .*, received "abc"$/,
    );
    expect(cellError(() => sheet('CH_NPS')([[10, 11]]))).toBe(
      'row 1, column 2 of the range: an answer must be an integer from 0 to 10, received 11',
    );
    expect(cellError(() => sheet('CH_NPS')([[''], ['']]))).toMatch(/^#N\/A: /);
  });

  it('CH_NPS_INTERVAL spills one row [lower, upper] equal to netPromoterScoreInterval', () => {
    const range = [[10], [10], [9], [7], [3], [''], [0]];
    const expected = netPromoterScoreInterval(netPromoterScore([10, 10, 9, 7, 3, 0]), { confidence: 0.9 })!;
    expect(sheet('CH_NPS_INTERVAL')(range, 0.9)).toEqual([[expected.lower, expected.upper]]);
    const wald = netPromoterScoreInterval(netPromoterScore([10, 10, 9, 7, 3, 0]), { method: 'wald' })!;
    expect(sheet('CH_NPS_INTERVAL')(range, '', 'wald')).toEqual([[wald.lower, wald.upper]]);
  });

  it('scalar functions equal the library, rounded once to the nearest double', () => {
    expect(sheet('CH_CUSTOMER_CHURN')(200, 10)).toBe(0.05);
    expect(sheet('CH_NRR')(100, 10, 5, 5)).toBe(1);
    // 300 + 20 − 10 − 5 = 305 over 300: the exact 1.01666… rounded once.
    expect(sheet('CH_NRR')(300, 20, 10, 5)).toBe(
      netRevenueRetention({
        startingMrr: 300,
        expansionMrr: 20,
        contractionMrr: 10,
        churnedMrr: 5,
      })!.toNumber(),
    );
    expect(sheet('CH_GRR')(300, 10, 5)).toBe(
      grossRevenueRetention({ startingMrr: 300, contractionMrr: 10, churnedMrr: 5 })!.toNumber(),
    );
    expect(sheet('CH_LTV')(100, 0.05)).toBe(2000);
    expect(sheet('CH_LTV')(100, 0.05, 0.8)).toBe(1600);
    expect(sheet('CH_CAC_PAYBACK')(770000, 100000, 0.7)).toBe(11);
    expect(sheet('CH_NORMALIZE_MRR')(2000, 'Year')).toBe(
      normalizeToMrr({ amount: 2000, interval: 'year' }).toNumber(),
    );
    expect(sheet('CH_NORMALIZE_MRR')(90, 'month', 3)).toBe(30);
  });

  it('CH_LTV averages a range of churn rates, skipping blanks: (0.04 + 0.06) / 2 = 0.05 → 100 / 0.05', () => {
    expect(sheet('CH_LTV')(100, [[0.04], [''], [0.06]])).toBe(2000);
    expect(cellError(() => sheet('CH_LTV')(100, [[0.04], ['x']]))).toMatch(
      /^row 2 of the range: churnRate must be/,
    );
  });

  it('undefined results show #N/A with the reason; bad arguments name the argument', () => {
    expect(cellError(() => sheet('CH_NRR')(0, 0, 0, 0))).toBe(
      '#N/A: net revenue retention is undefined when startingMrr is 0',
    );
    expect(cellError(() => sheet('CH_CUSTOMER_CHURN')(0, 0))).toMatch(/^#N\/A: /);
    expect(cellError(() => sheet('CH_LTV')(100, 0))).toMatch(/^#N\/A: /);
    expect(cellError(() => sheet('CH_NRR')(100, '', 5, 5))).toBe(
      'expansionMrr is blank: a value is required',
    );
    expect(cellError(() => sheet('CH_GRR')(100, -5, 5))).toBe(
      'contractionMrr must be a number >= 0, received -5',
    );
    expect(cellError(() => sheet('CH_NRR')([[100, 1]], 1, 1, 1))).toBe(
      'startingMrr must be a single cell, received a range of 1×2',
    );
    expect(customerChurnRate({ startingCustomers: 0, churnedCustomers: 0 })).toBeNull();
  });

  it('CH_MRR_MOVEMENTS reads dates, text dates and blanks, and spills a header row plus one row per month', () => {
    const range = [
      ['customer_id', 'subscription_id', 'start', 'end', 'mrr'],
      ['a', 's1', new Date(2024, 0, 10), new Date(2024, 2, 1), 100],
      ['', '', '', '', ''],
      ['a', 's2', '2024-02-01', '2024-03-01', 20],
      [1001, '', '2024-02-15', '', '50'],
    ];
    const table = sheet('CH_MRR_MOVEMENTS')(range) as unknown[][];
    const library = mrrMovements([
      { customerId: 'a', subscriptionId: 's1', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
      { customerId: 'a', subscriptionId: 's2', start: '2024-02-01', end: '2024-03-01', mrr: 20 },
      { customerId: '1001', start: '2024-02-15', mrr: 50 },
    ]).periods;
    expect(table[0]).toContain('expansion_mrr');
    expect(table).toHaveLength(library.length + 1);
    const day = (value: unknown) => {
      const date = value as Date;
      return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
    };
    expect(day(table[1]![0])).toEqual([2024, 1, 1]);
    expect(day(table[1]![1])).toEqual([2024, 1, 31]);
    expect(day(table[2]![1])).toEqual([2024, 2, 29]);
    library.forEach((period, index) => {
      const row = table[index + 1]!;
      expect(row.slice(2, 9)).toEqual(
        [
          period.startingMrr,
          period.newMrr,
          period.expansionMrr,
          period.contractionMrr,
          period.churnedMrr,
          period.reactivationMrr,
          period.endingMrr,
        ].map((value) => value.toNumber()),
      );
      expect(row.slice(9)).toEqual([
        period.startingCustomers,
        period.newCustomers,
        period.expandedCustomers,
        period.contractedCustomers,
        period.churnedCustomers,
        period.reactivatedCustomers,
        period.endingCustomers,
      ]);
    });
    expect(sheet('CH_MRR_MOVEMENTS')(range, 'quarter')).toHaveLength(
      mrrMovements(
        [
          { customerId: 'a', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
          { customerId: '1001', start: '2024-02-15', mrr: 50 },
        ],
        { granularity: 'quarter' },
      ).periods.length + 1,
    );
  });

  it('CH_MRR_MOVEMENTS names the row of the range for text where a number or date belongs', () => {
    const good = ['a', '', '2024-01-01', '', 100];
    expect(cellError(() => sheet('CH_MRR_MOVEMENTS')([good, ['b', '', '2024-01-01', '', 'abc']]))).toMatch(
      /^row 2 of the range: mrr must be .*, received "abc"$/,
    );
    expect(cellError(() => sheet('CH_MRR_MOVEMENTS')([good, ['', ''], ['b', '', 'soon', '', 5]]))).toMatch(
      /^row 3 of the range: start must be .*, received "soon"$/,
    );
    expect(cellError(() => sheet('CH_MRR_MOVEMENTS')([good, ['b', '', '2024-01-01', '', '']]))).toBe(
      'row 2 of the range: mrr is blank',
    );
    expect(cellError(() => sheet('CH_MRR_MOVEMENTS')([['a', 'b', 'c']]))).toMatch(/must have 5 columns/);
    expect(cellError(() => sheet('CH_MRR_MOVEMENTS')([good], 'fortnight'))).toMatch(/^granularity must be/);
  });

  it('CH_NPS equals netPromoterScore of the non-blank cells, for any range with blanks', () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        (range) => {
          const answers = range.flat().filter((value): value is number => value !== '');
          const expected = netPromoterScore(answers).score;
          if (expected === null) {
            expect(cellError(() => sheet('CH_NPS')(range))).toMatch(/^#N\/A/);
          } else {
            expect(sheet('CH_NPS')(range)).toBe(expected.toNumber());
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('CH_CAC_PAYBACK and CH_LTV agree with the library for any amounts in cents', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((value) => value / 100);
    const rate = fc.integer({ min: 1, max: 100 }).map((value) => value / 100);
    fc.assert(
      fc.property(cents, cents, rate, (cac, mrr, margin) => {
        const payback = cacPaybackMonths({ cac, arpa: mrr, grossMargin: margin });
        if (payback === null)
          expect(cellError(() => sheet('CH_CAC_PAYBACK')(cac, mrr, margin))).toMatch(/^#N\/A/);
        else expect(sheet('CH_CAC_PAYBACK')(cac, mrr, margin)).toBe(payback.toNumber());
        expect(sheet('CH_LTV')(mrr, margin)).toBe(
          lifetimeValue({ arpa: mrr, churnRate: margin })!.toNumber(),
        );
      }),
      { numRuns: 100 },
    );
  });
});
