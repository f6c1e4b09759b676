import { deepFreeze } from '../core/internal/deepFreeze.js';
import type { ScorecardConfig } from '../health/types.js';

/**
 * The health scorecard used with the built-in sample data's health measures: product adoption (half the
 * weight), sentiment, support load and contract growth, the four kinds of signal the source book names.
 * Plain data: copy it as a starting point for your own scorecard.
 *
 * @category Sample data
 * @example
 * scoreHealth(defineScorecard(SAMPLE_SCORECARD), { loginsPerWeek: 10, seatUtilization: 0.8, lastNps: 10, openTickets: 0, mrrGrowth: 0.5 }).score
 * //=> 100
 */
export const SAMPLE_SCORECARD: ScorecardConfig = /* @__PURE__ */ deepFreeze({
  id: 'sample',
  groups: [
    {
      id: 'adoption',
      weight: 50,
      measures: [
        {
          id: 'loginsPerWeek',
          weight: 1,
          rule: { type: 'linear', min: 0, max: 10, direction: 'higherIsBetter' },
        },
        { id: 'seatUtilization', weight: 1, rule: { type: 'percentOfTarget', target: 0.8 } },
      ],
    },
    {
      id: 'sentiment',
      weight: 25,
      measures: [
        { id: 'lastNps', weight: 1, rule: { type: 'linear', min: 0, max: 10, direction: 'higherIsBetter' } },
      ],
    },
    {
      id: 'support',
      weight: 15,
      measures: [
        {
          id: 'openTickets',
          weight: 1,
          rule: { type: 'linear', min: 0, max: 5, direction: 'lowerIsBetter' },
        },
      ],
    },
    {
      id: 'growth',
      weight: 10,
      measures: [
        {
          id: 'mrrGrowth',
          weight: 1,
          rule: { type: 'linear', min: -0.5, max: 0.5, direction: 'higherIsBetter' },
        },
      ],
    },
  ],
});
