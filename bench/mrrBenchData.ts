// The data of the mrrMovements benchmarks (bench/mrrMovements.ts, bench/mrrMovementsOrders.ts), generated
// deterministically, and the helpers both scripts use. See bench/README.md.
import { fromDayNumber, toDayNumber } from '../src/core/calendarDate.js';
import type { MrrMovements, SubscriptionPeriod } from '../src/index.js';
import { PERIOD_COUNT_FIELDS, PERIOD_MONEY_FIELDS } from '../src/revenue/internal/periodMovementFields.js';
import { seededRandom } from '../src/sample/seededRandom.js';

const FIRST_DAY = toDayNumber('2021-01-01');
const LAST_DAY = toDayNumber('2025-01-01');
// Plan prices in cents; 0 is a free plan.
const PLANS = [0, 0, 1900, 2900, 4900, 9900, 12_990, 24_950, 49_900, 99_900];

/**
 * Customers arrive over 48 months (mid-month starts), hold 1–3 subscriptions, each a chain of plan periods with
 * upgrades, downgrades, free stretches and gaps (churn and return); some stay open-ended.
 */
export function generate(rows: number): SubscriptionPeriod[] {
  const random = seededRandom(20_240_101);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const periods: SubscriptionPeriod[] = [];
  for (let customer = 0; periods.length < rows; customer += 1) {
    const customerId = `cus_${customer.toString(36).padStart(6, '0')}`;
    const subscriptions = 1 + Math.floor(random() * random() * 3);
    const arrival = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY - 30));
    for (let subscription = 0; subscription < subscriptions && periods.length < rows; subscription += 1) {
      let day = arrival + (subscription === 0 ? 0 : Math.floor(random() * 200));
      let plan = pick(PLANS);
      const segments = 3 + Math.floor(random() * 10);
      for (let segment = 0; segment < segments && periods.length < rows && day < LAST_DAY; segment += 1) {
        const length = 28 + Math.floor(random() * 200);
        const open = segment === segments - 1 && random() < 0.3;
        periods.push({
          customerId,
          subscriptionId: `${customerId}_${subscription}`,
          start: fromDayNumber(day),
          end: open ? null : fromDayNumber(Math.min(day + length, LAST_DAY)),
          mrr: plan / 100,
        });
        day += length + (random() < 0.15 ? Math.floor(random() * 120) : 0);
        const change = random();
        if (change < 0.25) plan = Math.min(99_900, plan === 0 ? 1900 : Math.round(plan * 1.5));
        else if (change < 0.35) plan = Math.round(plan / 2);
        else if (change < 0.4) plan = 0;
      }
    }
  }
  return periods;
}

export function toCsv(periods: readonly SubscriptionPeriod[]): string {
  const lines = ['customer_id,subscription_id,start,end,mrr'];
  for (const row of periods) {
    lines.push(`${row.customerId},${row.subscriptionId},${row.start},${row.end ?? ''},${row.mrr}`);
  }
  return `${lines.join('\n')}\n`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const COLUMNS = [...PERIOD_MONEY_FIELDS, ...PERIOD_COUNT_FIELDS] as const;

export function tableOf(result: MrrMovements): string[][] {
  return result.periods.map((row) => [row.start, ...COLUMNS.map((column) => row[column].toString())]);
}

export function shuffle<T>(values: T[]): T[] {
  const random = seededRandom(7);
  for (let index = values.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [values[index], values[other]] = [values[other]!, values[index]!];
  }
  return values;
}
