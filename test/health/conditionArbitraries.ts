import fc from 'fast-check';
import type { Condition } from '../../src/index.js';

/** Accounts with a numeric `mrr`, a string `plan` and a boolean `sponsor`, each possibly missing. */
export const accountArb = fc.record(
  {
    mrr: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(null)),
    plan: fc.constantFrom('free', 'pro', 'enterprise'),
    sponsor: fc.boolean(),
  },
  { requiredKeys: [] },
);

const leafArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: fc.constant('mrr'), gte: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({
    field: fc.constant('mrr'),
    lt: fc.integer({ min: 0, max: 3000 }),
    gt: fc.integer({ min: 0, max: 3000 }),
  }),
  fc.record({ field: fc.constant('mrr'), eq: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ field: fc.constant('plan'), in: fc.subarray(['free', 'pro', 'enterprise']) }),
  fc.record({ field: fc.constant('plan'), ne: fc.constantFrom('free', 'pro') }),
  fc.record({ field: fc.constant('plan'), notIn: fc.subarray(['free', 'pro']) }),
  fc.record({ field: fc.constant('sponsor'), eq: fc.boolean() }),
  fc.record({ field: fc.constantFrom('mrr', 'plan', 'sponsor'), exists: fc.boolean() }),
);

/** Random condition trees up to depth 3. */
export const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;
