// The risk register (issue 20): risks scored before and after mitigation, linked to what they concern.
export * from './risk.ts';
