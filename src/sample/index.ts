export * from './generateSampleData.js';
export * from './seededRandom.js';
