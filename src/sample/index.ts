export type {
  SampleData,
  SampleDataOptions,
  SampleExchangeRate,
  SampleHealthMeasures,
  SampleNpsResponse,
  SampleOnboarding,
  SamplePlan,
} from './generateSampleData.js';
export { generateSampleData } from './generateSampleData.js';
export { SAMPLE_SCORECARD } from './sampleScorecard.js';
export { seededRandom } from './seededRandom.js';
