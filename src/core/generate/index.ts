// The pure parts of the synthetic national activity generator.

export * from './activity-model.ts';
export * from './activity-sampler.ts';
export * from './alias-table.ts';
export * from './distributions.ts';
export * from './flow-comparison.ts';
export * from './generate-options.ts';
export * from './gravity.ts';
export * from './row-budget.ts';
export * from './seeded-random.ts';
export * from './service-profiles.ts';
