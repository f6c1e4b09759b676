export * from './featureAdoptionRate.js';
export * from './licenseUtilization.js';
export * from './referralRevenueShare.js';
export * from './stickiness.js';
