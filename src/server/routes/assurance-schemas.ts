// Request pieces the assurance routes share: ids, codes and the error answers.
import { z } from 'zod';
import { RATINGS } from '../../core/assurance/rating-scale.ts';
import { errorBody } from '../schemas.ts';

export const rating = z.enum(RATINGS);
export const id = z.string().regex(/^[A-Za-z0-9-]{1,80}$/, 'an id such as round-1a2b3c4d');
export const questionId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a question id such as pooled-budgets');
export const orgCode = z.string().min(1).max(20);
export const providerCode = z.string().regex(/^[A-Za-z0-9]{3,9}$/, 'a provider ODS code such as RJ1');
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
export const changeErrors = { ...errors, 409: errorBody, 413: errorBody, 415: errorBody };
