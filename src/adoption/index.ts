export type { FeatureAdoptionRateInput } from './featureAdoptionRate.js';
export { featureAdoptionRate } from './featureAdoptionRate.js';
export type { LicenseUtilizationInput } from './licenseUtilization.js';
export { licenseUtilization } from './licenseUtilization.js';
export type { ReferralRevenueShareInput } from './referralRevenueShare.js';
export { referralRevenueShare } from './referralRevenueShare.js';
export type { StickinessInput, StickinessMethod, StickinessOptions } from './stickiness.js';
export { stickiness } from './stickiness.js';
