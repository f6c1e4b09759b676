import { addCalendarMonths, fromDayNumber, toCalendarDate, toDayNumber } from '../core/calendarDate.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { rejectInput } from '../core/internal/rejectInput.js';
import { normalizeToMrr } from '../core/normalizeToMrr.js';
import type { IsoDate } from '../core/types.js';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';
import type { ExchangeRate } from '../revenue/types.js';
import { seededRandom } from './seededRandom.js';

/**
 * Options of {@link generateSampleData}.
 *
 * @category Sample data
 */
export interface SampleDataOptions {
  /** Seed of the pseudo-random generator; default `20261101`. */
  readonly seed?: number;
  /** Number of customers; default `500`. */
  readonly customers?: number;
  /** First month of the data (a month start, `YYYY-MM-01`); default `'2023-11-01'`. */
  readonly firstMonth?: IsoDate;
  /** Number of months; default `36`. The data ends on `asOf`, the first day after the last month. */
  readonly months?: number;
}

/**
 * One answer to "How likely are you to recommend us?" (0–10).
 *
 * @category Sample data
 */
export interface SampleNpsResponse {
  readonly customerId: string;
  readonly at: IsoDate;
  readonly score: number;
}

/**
 * When a customer signed up and when it first reached its value milestone (null: not yet).
 *
 * @category Sample data
 */
export interface SampleOnboarding {
  readonly customerId: string;
  readonly start: IsoDate;
  readonly reachedValueAt: IsoDate | null;
}

/**
 * Health inputs of one account as of the end of the data.
 *
 * @category Sample data
 */
export interface SampleHealthMeasures {
  readonly customerId: string;
  /** Weekly active users over licensed seats, in [0, 1.2]. */
  readonly seatUtilization: number;
  /** Average logins per active user per week. */
  readonly loginsPerWeek: number;
  /** Support tickets opened in the last 90 days. */
  readonly openTickets: number;
  /** The customer's latest NPS answer, or null if it never answered. */
  readonly lastNps: number | null;
  /** Change of the customer's MRR over the last 6 months, as a ratio (0.1 = +10 %), null if not paying then. */
  readonly mrrGrowth: number | null;
}

/**
 * A realistic subscription business, generated deterministically.
 *
 * @category Sample data
 */
export interface SampleData {
  /** The day after the last month: the `asOf` date of every metric over this data. */
  readonly asOf: IsoDate;
  readonly subscriptions: SubscriptionPeriod[];
  readonly npsResponses: SampleNpsResponse[];
  readonly onboarding: SampleOnboarding[];
  readonly healthMeasures: SampleHealthMeasures[];
  /** Sales and marketing spend per month (`YYYY-MM-01` → amount), for CAC. */
  readonly salesAndMarketingSpend: { readonly month: IsoDate; readonly amount: string }[];
  /**
   * The `currency` option every metric over `subscriptions` needs (rows are in USD and EUR): reporting
   * currency USD and one EUR → USD rate on the first day of each month from `firstMonth` to `asOf`'s month.
   */
  readonly currency: { readonly reporting: 'USD'; readonly rates: SampleExchangeRate[] };
}

/**
 * One sample exchange rate: from `date` on, one EUR is `rate` USD (four decimal places, as central banks publish).
 *
 * @category Sample data
 */
export interface SampleExchangeRate extends ExchangeRate {
  readonly currency: 'EUR';
  readonly date: IsoDate;
  readonly rate: string;
}

/**
 * The segment of a sample subscription period: its plan family (the monthly and annual Growth plans are one).
 *
 * @category Sample data
 */
export type SamplePlan = 'Starter' | 'Growth' | 'Enterprise';

interface Plan {
  readonly segment: SamplePlan;
  /** MRR in USD and in EUR, rounded to cents as billing systems report it. */
  readonly mrr: { readonly USD: string; readonly EUR: string };
}

// The yearly plans are normalised with normalizeToMrr; EUR list prices are set per market, not converted.
const PLANS: readonly Plan[] = [
  { segment: 'Starter', mrr: { USD: '49.00', EUR: '45.00' } },
  { segment: 'Growth', mrr: { USD: '199.00', EUR: '179.00' } },
  {
    segment: 'Growth',
    mrr: {
      USD: normalizeToMrr({ amount: '1990', interval: 'year' }).toFixed(2),
      EUR: normalizeToMrr({ amount: '1790', interval: 'year' }).toFixed(2),
    },
  },
  { segment: 'Enterprise', mrr: { USD: '799.00', EUR: '729.00' } },
];

// The seat add-on's monthly prices per currency.
const SEATS = { USD: ['20.00', '40.00', '60.00'], EUR: ['18.00', '36.00', '54.00'] } as const;

// The first EUR → USD rate and the largest monthly move of the random walk.
const FIRST_EUR_RATE = 1.08;
const MONTHLY_RATE_STEP = 0.02;

/**
 * Generates the built-in sample data: customers signing up over `months` months (more each month), starting on
 * monthly or annual plans or on a free plan, then upgrading, downgrading, dropping to free, churning and
 * sometimes returning; some buy a seat add-on as a second subscription; NPS answers, onboarding milestones and
 * health measures that correlate with churn the way real ones do. The same options always give the same data.
 * Every period carries its plan as `segment` (`'Starter'`, `'Growth'` or `'Enterprise'`: plan changes move
 * customers between segments; seats stay in the plan they were bought on) and its `currency`: about 30 % of the
 * customers are billed in EUR at EUR list prices, the rest in USD, so every metric over the rows needs
 * `{ currency: data.currency }` (USD reporting, monthly EUR → USD rates). Currencies and rates are drawn from a
 * second seeded stream, so the signups, churn, NPS and health are those of the single-currency generator.
 *
 * Units: MRR in the row's currency per month as decimal strings with two places; rates in USD per EUR.
 * Edge cases: `customers` must be a whole number from 1 to 100,000 and `months` from 1 to 600 (sample data, not a
 * load generator); `firstMonth` a month start; anything else is a MetricInputError naming the option.
 *
 * @category Sample data
 * @example
 * const data = generateSampleData({ customers: 20, months: 12 })
 * data.asOf
 * //=> '2024-11-01'
 * data.subscriptions.length > 20
 * //=> true
 * data.currency.rates[0]
 * //=> { currency: 'EUR', date: '2023-11-01', rate: '1.0800' }
 * mrrMovements(data.subscriptions, { currency: data.currency }).periods.at(-1).endingMrr.toString()
 * //=> '4096.3227'
 */
export function generateSampleData(options: SampleDataOptions = {}): SampleData {
  assertObject(options as unknown, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const seed = options.seed ?? 20261101;
  if (!Number.isSafeInteger(seed)) rejectInput('not_integer', ['options', 'seed'], 'a whole number', seed);
  const random = seededRandom(seed);
  const customerCount = boundedCount(options.customers ?? 500, 'customers', MAX_CUSTOMERS);
  const months = boundedCount(options.months ?? 36, 'months', MAX_MONTHS);
  const firstMonth = toCalendarDate(options.firstMonth ?? '2023-11-01', ['options', 'firstMonth']);
  if (!firstMonth.endsWith('-01')) {
    rejectInput(
      'invalid_value',
      ['options', 'firstMonth'],
      'the first day of a month, "YYYY-MM-01"',
      firstMonth,
    );
  }
  const asOf = addCalendarMonths(firstMonth, months);
  const asOfDay = toDayNumber(asOf);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  // Currencies and exchange rates come from a second stream, so the rest of the data (signups, churn, NPS,
  // health) is drawn exactly as before they were added.
  const market = seededRandom((seed ^ 0x2545f491) >>> 0);
  const subscriptions: SubscriptionPeriod[] = [];
  const npsResponses: SampleNpsResponse[] = [];
  const onboarding: SampleOnboarding[] = [];
  const healthMeasures: SampleHealthMeasures[] = [];

  for (let index = 0; index < customerCount; index += 1) {
    const customerId = `cus_${String(index + 1).padStart(4, '0')}`;
    // Signups grow over time: the month is drawn with density rising linearly.
    const signupMonth = Math.floor(Math.sqrt(random()) * months);
    const monthStart = toDayNumber(addCalendarMonths(firstMonth, signupMonth));
    const monthEnd = toDayNumber(addCalendarMonths(firstMonth, signupMonth + 1));
    let day = monthStart + Math.floor(random() * (monthEnd - monthStart));
    const signupDay = day;
    const fit = random(); // how well the product fits this customer: drives churn, expansion, NPS, health
    const currency = market() < EUR_SHARE ? 'EUR' : 'USD';
    let planIndex = random() < 0.55 ? 0 : random() < 0.6 ? 1 : random() < 0.5 ? 2 : 3;
    let mrr = random() < 0.15 ? '0.00' : PLANS[planIndex]!.mrr[currency];
    const planHistory = [{ day, planIndex }];
    let subscriptionNumber = 1;
    let subscriptionId = `${customerId}_sub1`;
    let periodStart = day;
    let lastPaidMrr = mrr;
    let mrrSixMonthsAgo: string | null = null;
    let active = true;

    const close = (endDay: number) => {
      if (endDay > periodStart) {
        subscriptions.push({
          customerId,
          subscriptionId,
          start: fromDayNumber(periodStart),
          end: fromDayNumber(endDay),
          mrr,
          currency,
          segment: PLANS[planIndex]!.segment,
        });
      }
      periodStart = endDay;
    };
    const changePlan = (to: number) => {
      close(day);
      planIndex = to;
      planHistory.push({ day, planIndex });
      mrr = PLANS[planIndex]!.mrr[currency];
    };

    while (day < asOfDay) {
      day += 28 + Math.floor(random() * 6);
      if (day >= asOfDay) break;
      if (mrrSixMonthsAgo === null && day >= asOfDay - 182) mrrSixMonthsAgo = active ? mrr : '0.00';
      const tenureMonths = (day - signupDay) / 30;
      if (active) {
        const churnChance = (tenureMonths < 3 ? 0.05 : 0.02) * (1.6 - fit);
        const roll = random();
        if (roll < churnChance) {
          close(day);
          active = false;
        } else if (mrr === '0.00' && roll < churnChance + 0.25) {
          close(day);
          mrr = PLANS[planIndex]!.mrr[currency];
        } else if (roll < churnChance + 0.03 * fit && planIndex < PLANS.length - 1) {
          changePlan(planIndex + 1);
        } else if (roll < churnChance + 0.03 * fit + 0.01 && planIndex > 0) {
          changePlan(planIndex - 1);
        } else if (roll < churnChance + 0.03 * fit + 0.015 && mrr !== '0.00') {
          close(day);
          mrr = '0.00';
        }
        if (mrr !== '0.00') lastPaidMrr = mrr;
      } else if (random() < 0.06) {
        subscriptionNumber += 1;
        subscriptionId = `${customerId}_sub${subscriptionNumber}`;
        periodStart = day;
        mrr = lastPaidMrr;
        active = true;
      }
    }
    if (active) {
      subscriptions.push({
        customerId,
        subscriptionId,
        start: fromDayNumber(periodStart),
        end: null,
        mrr,
        currency,
        segment: PLANS[planIndex]!.segment,
      });
    }

    if (random() < 0.12 * (0.5 + fit)) {
      const addOnStart = signupDay + 30 + Math.floor(random() * 300);
      if (addOnStart < asOfDay) {
        const addOnEnd = addOnStart + 60 + Math.floor(random() * 400);
        subscriptions.push({
          customerId,
          subscriptionId: `${customerId}_seats`,
          start: fromDayNumber(addOnStart),
          end: addOnEnd < asOfDay ? fromDayNumber(addOnEnd) : null,
          mrr: pick(SEATS[currency]),
          currency,
          // Seats belong to the plan held when they were bought; a later plan change leaves them there.
          segment: PLANS[planOn(planHistory, addOnStart)]!.segment,
        });
      }
    }

    let lastNps: number | null = null;
    for (let survey = signupDay + 90; survey < asOfDay; survey += 91) {
      if (random() < 0.3) {
        const score = Math.max(0, Math.min(10, Math.round(3 + fit * 8 + (random() - 0.5) * 4)));
        npsResponses.push({ customerId, at: fromDayNumber(survey), score });
        lastNps = score;
      }
    }

    const daysToValue = Math.round(5 + (1.2 - fit) * 40 * (0.3 + random() * 1.4));
    const reached = random() < 0.85 && signupDay + daysToValue < asOfDay;
    onboarding.push({
      customerId,
      start: fromDayNumber(signupDay),
      reachedValueAt: reached ? fromDayNumber(signupDay + daysToValue) : null,
    });

    if (active) {
      const currentMrr = Number(mrr);
      const previousMrr = mrrSixMonthsAgo === null ? 0 : Number(mrrSixMonthsAgo);
      healthMeasures.push({
        customerId,
        seatUtilization:
          Math.round(Math.min(1.2, Math.max(0, fit * 0.9 + (random() - 0.3) * 0.4)) * 100) / 100,
        loginsPerWeek: Math.round(Math.max(0, fit * 12 + (random() - 0.5) * 6) * 10) / 10,
        openTickets: Math.floor((1 - fit) * 6 * random()),
        lastNps,
        mrrGrowth:
          previousMrr > 0 ? Math.round(((currentMrr - previousMrr) / previousMrr) * 1000) / 1000 : null,
      });
    }
  }

  const salesAndMarketingSpend = Array.from({ length: months }, (_, month) => ({
    month: addCalendarMonths(firstMonth, month),
    amount: (8000 + month * 250 + Math.round(random() * 2000)).toFixed(2),
  }));

  // EUR → USD on the first of every month to asOf's: a random walk in basis points (exact to four places).
  const rates: SampleExchangeRate[] = [];
  let basisPoints = Math.round(FIRST_EUR_RATE * 10_000);
  for (let month = 0; month <= months; month += 1) {
    rates.push({
      currency: 'EUR',
      date: addCalendarMonths(firstMonth, month),
      rate: (basisPoints / 10_000).toFixed(4),
    });
    basisPoints += Math.round((market() - 0.5) * 2 * MONTHLY_RATE_STEP * 10_000);
  }

  return {
    asOf,
    subscriptions,
    npsResponses,
    onboarding,
    healthMeasures,
    salesAndMarketingSpend,
    currency: { reporting: 'USD', rates },
  };
}

// The plan index in effect on `day` (the history is in day order and starts on the signup day).
function planOn(history: readonly { day: number; planIndex: number }[], day: number): number {
  let planIndex = history[0]!.planIndex;
  for (const change of history) if (change.day <= day) planIndex = change.planIndex;
  return planIndex;
}

// The share of customers billed in EUR.
const EUR_SHARE = 0.3;

const MAX_CUSTOMERS = 100_000;
const MAX_MONTHS = 600;

function boundedCount(value: unknown, option: string, max: number): number {
  const count = toCount(value, ['options', option]);
  if (count < 1 || count > max) {
    rejectInput('out_of_range', ['options', option], `a whole number from 1 to ${max}`, value);
  }
  return count;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['seed', 'customers', 'firstMonth', 'months']);
