export * from './generateSampleData.js';
export * from './sampleScorecard.js';
export * from './seededRandom.js';
