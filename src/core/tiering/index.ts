export { type AgeSexCount, ageSexRates, expectedPatients } from './expected-patients.ts';
export { type OccasionalPractice, occasionalPractice, type ProviderUse } from './occasional-practice.ts';
export { type FootprintEvidence, type FootprintVerdict, footprintVerdict, TIERS, type Tier, tierOf } from './tier.ts';
