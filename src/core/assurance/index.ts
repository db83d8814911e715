export * from './kloe-template.ts';
export * from './money-text.ts';
export * from './rating-scale.ts';
