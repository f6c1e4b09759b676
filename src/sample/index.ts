export type {
  SampleData,
  SampleDataOptions,
  SampleHealthMeasures,
  SampleNpsResponse,
  SampleOnboarding,
} from './generateSampleData.js';
export { generateSampleData } from './generateSampleData.js';
export { SAMPLE_SCORECARD } from './sampleScorecard.js';
export { seededRandom } from './seededRandom.js';
