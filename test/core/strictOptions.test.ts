import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import * as duckdb from '../../src/duckdb/index.js';
import * as library from '../../src/index.js';
import * as io from '../../src/io/index.js';
import { errorOf } from '../support/errorOf.js';

// Every exported function that takes an options object rejects a key it does not know with `unknown_field` at
// ['options', key] (docs/core.md, "Strict inputs"). The lists are checked against the exports, so a new function
// cannot be added without saying here whether (and how) it takes options.

type Options = Record<string, unknown>;

const SUBSCRIPTIONS = [{ customerId: 'a', start: '2024-01-01', end: '2024-03-01', mrr: 100 }];
const COUNTS = { promoters: 5, passives: 3, detractors: 2 };
const MOVEMENTS = { startingMrr: 100, expansionMrr: 10, contractionMrr: 5, churnedMrr: 5 };
const CARD = library.defineScorecard({
  measures: [
    { id: 'nps', weight: 1, rule: { type: 'linear', min: -100, max: 100, direction: 'higherIsBetter' } },
  ],
});
const SBG = { alpha: 1, beta: 1 };

/** A valid minimal call of each public option-taking function, with `options` merged into valid options. */
const OPTION_TAKING: Record<string, (options: Options) => unknown> = {
  calibrateWeights: (options) =>
    library.calibrateWeights(
      CARD,
      {
        accounts: [{ nps: 50 }, { nps: -50 }, { nps: 20 }, { nps: -20 }],
        churned: [false, true, true, false],
      },
      options,
    ),
  cohortRetention: (options) => library.cohortRetention(SUBSCRIPTIONS, options),
  customerMrrTimeline: (options) => library.customerMrrTimeline(SUBSCRIPTIONS, options),
  cohortRetentionFromSqlRows: (options) => library.cohortRetentionFromSqlRows([], options),
  cohortRetentionSql: (options) =>
    library.cohortRetentionSql({ dialect: 'duckdb', source: 'subscriptions', ...options }),
  compareNetPromoterScores: (options) => library.compareNetPromoterScores(COUNTS, COUNTS, options),
  customerChurnRate: (options) =>
    library.customerChurnRate({ startingCustomers: 10, churnedCustomers: 1 }, options),
  customerRetentionRate: (options) =>
    library.customerRetentionRate({ startingCustomers: 10, churnedCustomers: 1 }, options),
  generateSampleData: (options) => library.generateSampleData({ customers: 1, months: 1, ...options }),
  healthTrend: (options) => library.healthTrend([{ at: '2024-01-01', score: 50 }], options),
  isNegativeChurn: (options) => library.isNegativeChurn(MOVEMENTS, options),
  kaplanMeier: (options) => library.kaplanMeier([{ duration: 1, event: true }], options),
  lifetimeValue: (options) => library.lifetimeValue({ arpa: 100, churnRate: 0.05 }, options),
  listPeriods: (options) => library.listPeriods('2024-01-01', '2024-02-01', options),
  mrrMovements: (options) => library.mrrMovements(SUBSCRIPTIONS, options),
  segmentMrrMovements: (options) =>
    library.segmentMrrMovements(
      SUBSCRIPTIONS.map((row) => ({ ...row, segment: 'Starter' })),
      options,
    ),
  mrrMovementsSql: (options) =>
    library.mrrMovementsSql({ dialect: 'duckdb', source: 'subscriptions', ...options }),
  netPromoterScoreByPeriod: (options) =>
    library.netPromoterScoreByPeriod([{ score: 9, at: '2024-01-05' }], options),
  netPromoterScoreInterval: (options) => library.netPromoterScoreInterval([9, 7, 3], options),
  netRevenueChurnRate: (options) => library.netRevenueChurnRate(MOVEMENTS, options),
  netRevenueRetention: (options) => library.netRevenueRetention(MOVEMENTS, options),
  periodOf: (options) => library.periodOf('2024-01-15', options),
  portfolioHealth: (options) => library.portfolioHealth([{ score: 50, mrr: 100 }], options),
  projectRetention: (options) =>
    library.projectRetention(SBG, { periodCount: 2, startingCustomers: 10, ...options }),
  revenueRatesSql: (options) =>
    library.revenueRatesSql({ dialect: 'duckdb', source: 'movements', ...options }),
  segmentMrrMovementsSql: (options) =>
    library.segmentMrrMovementsSql({ dialect: 'duckdb', source: 'subscriptions', ...options }),
  rollupHealth: (options) => library.rollupHealth([{ score: 50, mrr: 100 }], options),
  sbgDiscountedExpectedLifetime: (options) =>
    library.sbgDiscountedExpectedLifetime(SBG, { discountRate: 0.1, ...options }),
  sbgDiscountedExpectedResidualLifetime: (options) =>
    library.sbgDiscountedExpectedResidualLifetime(SBG, { discountRate: 0.1, renewals: 1, ...options }),
  scoreHealth: (options) => library.scoreHealth(CARD, { nps: 10 }, options),
  scoreHealthMany: (options) => library.scoreHealthMany(CARD, [{ measures: { nps: 10 } }], options),
  stickiness: (options) => library.stickiness({ dailyActiveUsers: 10, monthlyActiveUsers: 20 }, options),
  timeToValue: (options) =>
    library.timeToValue([{ customerId: 'a', start: '2024-01-01' }], { asOf: '2024-02-01', ...options }),
  trailingGrossRevenueRetention: (options) =>
    library.trailingGrossRevenueRetention(SUBSCRIPTIONS, { asOf: '2024-02-01', ...options }),
  trailingNetRevenueRetention: (options) =>
    library.trailingNetRevenueRetention(SUBSCRIPTIONS, { asOf: '2024-02-01', ...options }),
  trailingRevenueRetentionSql: (options) =>
    library.trailingRevenueRetentionSql({
      dialect: 'duckdb',
      source: 'subscriptions',
      asOf: '2024-02-01',
      ...options,
    }),
  toJSON: (options) => library.toJSON({ endingMrr: 1 }, options),
};

/** Public functions without an options object, and why. */
const NO_OPTIONS: Record<string, string> = {
  averageRevenuePerAccount: 'one input object of named quantities',
  cacPaybackMonths: 'one input object of named quantities',
  cohortCacPayback: 'one input object of named quantities',
  compoundMrr: 'one input object of named quantities',
  customerAcquisitionCost: 'one input object of named quantities',
  customerChurnRateFromDays: 'one input object of named quantities',
  customerRoi: 'one input object of named quantities',
  defineScorecard: 'its one argument is the scorecard (checked strictly by its schema)',
  discountedLifetimeValue: 'one input object of named quantities (timing is one of them)',
  evaluateHealthScore: 'one input object of named quantities (bands is one of them)',
  featureAdoptionRate: 'one input object of named quantities',
  fitShiftedBetaGeometric: 'one input object of named quantities',
  grossRevenueChurnRate: 'one input object of named quantities, no convention to choose',
  grossRevenueRetention: 'one input object of named quantities, no convention to choose',
  licenseUtilization: 'one input object of named quantities',
  ltvToCacRatio: 'one input object of named quantities',
  mergeMrrMovements: 'one argument, the shards to merge',
  netPromoterScore: 'one argument, the answers',
  netPromoterScoreBySegment: 'one argument, the answers with their segment',
  netPromoterScoreFromCounts: 'one argument, the counts',
  normalizeToMrr: 'one argument, a price row (extra columns allowed, as rows)',
  apportionToMonths: 'one argument, a price row (extra columns allowed, as normalizeToMrr)',
  arrFromMrr: 'one argument, an amount',
  periodMovementsFromSqlRows: 'one argument, the rows a SQL engine returned',
  segmentMrrMovementsFromSqlRows: 'one argument, the rows a SQL engine returned',
  quickRatio: 'one input object of named quantities, no convention to choose',
  referralRevenueShare: 'one input object of named quantities',
  sbgChurnProbability: 'positional parameters and period',
  sbgExpectedLifetime: 'one argument, the fitted parameters',
  sbgRetentionRate: 'positional parameters and period',
  sbgSurvival: 'positional parameters and period',
  seededRandom: 'one argument, the seed',
  survivalAt: 'positional curve and time',
  survivalQuantile: 'positional curve and probability',
  withMeasureWeights: 'positional scorecard and weights',
  Decimal: 'the decimal.js constructor of the library',
  MetricInputError: 'the error class',
};

/**
 * `@private` helpers still exported from the root. The public-surface restructuring moves them to
 * `src/<area>/internal/`; they are not API, so this test does not hold them to the options contract.
 */
const INTERNAL = new Set([
  'addCalendarMonths',
  'apportionContributions',
  'apportionShares',
  'apportionUnits',
  'assertArray',
  'assertContiguous',
  'assertCurve',
  'assertKnownKeys',
  'assertLossesWithinStartingMrr',
  'assertObject',
  'assertTimeZone',
  'assignCoverageTier',
  'bandIndexOf',
  'bandLabelOf',
  'chooseScorecard',
  'compileScorecard',
  'computeHealth',
  'coverageOf',
  'createScratch',
  'describeValue',
  'evaluateCondition',
  'formatPath',
  'fromDayNumber',
  'integerDivide',
  'integerSeries',
  'isoDayNumber',
  'matchesCondition',
  'nextPeriodStart',
  'normalCdf',
  'normalQuantile',
  'normalizeSubscriptionPeriods',
  'oneOf',
  'parseCondition',
  'parseDecimal',
  'quoteIdentifier',
  'ratioOrNull',
  'rejectInput',
  'relocateError',
  'resolveAsOf',
  'resolveDateRange',
  'resolveHealthBands',
  'resolveKaplanMeierOptions',
  'resolveOverrides',
  'resolvePeriodOptions',
  'roundScore',
  'scoreCompiled',
  'scoreMeasure',
  'scoreRule',
  'scoreTree',
  'sqlSource',
  'startOfPeriod',
  'summarizeCompiled',
  'toCalendarDate',
  'toCount',
  'toDayNumber',
  'toDecimal',
  'toTimeToValueDurations',
  'toUnitInterval',
  'trailingRevenueRetention',
  'trailingRevenueRetentionFromSqlRow',
]);

const exportedFunctions = Object.entries(library)
  .filter(([, value]) => typeof value === 'function')
  .map(([name]) => name)
  .sort();

describe('strict options: the list is complete', () => {
  it('classifies every exported function as option-taking, option-free (with a reason) or internal', () => {
    const unclassified = exportedFunctions.filter(
      (name) => !(name in OPTION_TAKING) && !(name in NO_OPTIONS) && !INTERNAL.has(name),
    );
    expect(unclassified).toEqual([]);
  });
});

describe('strict options: an unknown key is unknown_field at [options, key]', () => {
  const cases = Object.entries(OPTION_TAKING).filter(([name]) => name in library);

  it.each(cases)('%s accepts its valid minimal call', (_name, call) => {
    expect(() => call({})).not.toThrow();
  });

  it.each(cases)('%s rejects { notAnOption: 1 }', (_name, call) => {
    expect(errorOf(() => call({ notAnOption: 1 }))).toMatchObject({
      code: 'unknown_field',
      path: ['options', 'notAnOption'],
    });
  });

  it.each([
    ['mrrMovementsDuckDb', () => duckdb.mrrMovementsDuckDb({ csv: 'a.csv' }, { notAnOption: 1 } as never)],
    [
      'segmentMrrMovementsDuckDb',
      () => duckdb.segmentMrrMovementsDuckDb({ csv: 'a.csv' }, { notAnOption: 1 } as never),
    ],
    [
      'trailingRevenueRetentionDuckDb',
      () =>
        duckdb.trailingRevenueRetentionDuckDb({ csv: 'a.csv' }, {
          asOf: '2024-02-01',
          notAnOption: 1,
        } as never),
    ],
    [
      'mrrMovementsDuckDb (a builder option the runner sets)',
      () => duckdb.mrrMovementsDuckDb({ csv: 'a.csv' }, { dialect: 'postgres' } as never),
    ],
  ])('%s rejects an unknown key before any query runs', async (_name, run) => {
    const error = await run().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MetricInputError);
    expect((error as MetricInputError).code).toBe('unknown_field');
    expect((error as MetricInputError).path[0]).toBe('options');
  });
});

describe('strict options: a misspelt option is an error, one per area', () => {
  it.each([
    ['revenue', () => library.mrrMovements(SUBSCRIPTIONS, { granularty: 'week' } as never), 'granularty'],
    [
      'revenue rates',
      () => library.netRevenueRetention(MOVEMENTS, { reactivaton: 'include' } as never),
      'reactivaton',
    ],
    [
      'SQL',
      () => library.mrrMovementsSql({ dialect: 'duckdb', source: 's', granularty: 'week' } as never),
      'granularty',
    ],
    [
      'NPS',
      () => library.netPromoterScoreInterval(COUNTS, { confidenceLevel: 0.9 } as never),
      'confidenceLevel',
    ],
    [
      'time to value',
      () => library.kaplanMeier([{ duration: 1, event: true }], { confType: 'log' } as never),
      'confType',
    ],
    [
      'unit economics',
      () => library.lifetimeValue({ arpa: 1, churnRate: 0.1 }, { maxLifetime: 12 } as never),
      'maxLifetime',
    ],
    [
      'adoption',
      () => library.stickiness({ dailyActiveUsers: 1, monthlyActiveUsers: 2 }, { methods: 'x' } as never),
      'methods',
    ],
    ['health', () => library.scoreHealth(CARD, { nps: 1 }, { asof: '2024-01-01' } as never), 'asof'],
    ['core', () => library.periodOf('2024-01-01', { weekStart: 0 } as never), 'weekStart'],
    ['sample', () => library.generateSampleData({ customer: 3 } as never), 'customer'],
  ])('%s', (_area, run, key) => {
    expect(errorOf(run)).toMatchObject({ code: 'unknown_field', path: ['options', key] });
  });
});

describe('strict inputs: a misspelt key of an input object is an error, rows may carry extra columns', () => {
  it.each([
    // Each typo names an optional field, so without the check the result would silently change.
    [
      'netRevenueRetention',
      () =>
        library.netRevenueRetention({ ...MOVEMENTS, reactivatonMrr: 5 } as never, {
          reactivation: 'include',
        }),
      'reactivatonMrr',
    ],
    [
      'customerChurnRate',
      () =>
        library.customerChurnRate({ startingCustomers: 10, churnedCustomers: 1, newCustomer: 5 } as never),
      'newCustomer',
    ],
    [
      'lifetimeValue',
      () => library.lifetimeValue({ arpa: 100, churnRate: 0.05, grossMargn: 0.7 } as never),
      'grossMargn',
    ],
    [
      'cacPaybackMonths',
      () => library.cacPaybackMonths({ cac: 600, arpa: 100, grossMargn: 0.8 } as never),
      'grossMargn',
    ],
    [
      'netPromoterScoreFromCounts',
      () => library.netPromoterScoreFromCounts({ ...COUNTS, pasives: 3 } as never),
      'pasives',
    ],
    [
      'featureAdoptionRate',
      () => library.featureAdoptionRate({ adopters: 1, eligibleUsers: 2, users: 3 } as never),
      'users',
    ],
  ])('%s', (_name, run, key) => {
    expect(errorOf(run)).toMatchObject({ code: 'unknown_field', path: [key] });
  });

  it('names the argument when a function takes two input objects', () => {
    expect(
      errorOf(() => library.compareNetPromoterScores(COUNTS, { ...COUNTS, promoter: 1 } as never)),
    ).toMatchObject({
      code: 'unknown_field',
      path: ['b', 'promoter'],
    });
  });

  it('accepts a result row of another function where the docs say so', () => {
    const row = library.mrrMovements(SUBSCRIPTIONS).periods[1]; // February: 100 kept, no movement
    expect(library.netRevenueRetention(row!)?.toString()).toBe('1');
    expect(library.quickRatio(row!)).toBeNull();
    const [month] = library.netPromoterScoreByPeriod([{ score: 9, at: '2024-01-05' }]);
    expect(library.netPromoterScoreInterval(month!)?.score).toBe(100);
  });

  it('accepts rows with extra columns (rows read from a database or a CSV export)', () => {
    const rows = SUBSCRIPTIONS.map((row) => ({ ...row, plan: 'gold', region: 'EU' }));
    expect(library.mrrMovements(rows).periods).toEqual(library.mrrMovements(SUBSCRIPTIONS).periods);
    const price = { name: 'Team (yearly)', amount: 1200, interval: 'year' as const };
    expect(library.normalizeToMrr(price).toString()).toBe('100');
  });
});

describe('strict options: customer-health/io', () => {
  // The io entry point is not re-exported by the root: its functions are classified here.
  const IO_OPTION_TAKING: Record<string, (options: Options) => unknown> = {
    buildReport: (options) => io.buildReport({ subscriptions: SUBSCRIPTIONS }, options),
    decodeText: (options) => io.decodeText(new TextEncoder().encode('a,b\n'), options),
    parseExchangeRates: (options) =>
      io.parseExchangeRates('currency,date,rate\nEUR,2024-01-01,1.1\n', options),
    parseReportInput: (options) => io.parseReportInput('customer_id,start,mrr\na,2024-01-01,1\n', options),
  };
  const functions = Object.entries(io)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name)
    .sort();

  it('classifies every function of the entry point', () => {
    expect(functions).toEqual(Object.keys(IO_OPTION_TAKING).sort());
  });

  it.each(Object.entries(IO_OPTION_TAKING))('%s accepts {} and rejects { notAnOption: 1 }', (_name, call) => {
    expect(() => call({})).not.toThrow();
    expect(errorOf(() => call({ notAnOption: 1 }))).toMatchObject({
      code: 'unknown_field',
      path: ['options', 'notAnOption'],
    });
  });
});
