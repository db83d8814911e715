// Payment mechanisms and CQUIN (issue 20): income of contract lines under each mechanism.
export * from './payment-mechanism.ts';
export * from './plan-activity.ts';
