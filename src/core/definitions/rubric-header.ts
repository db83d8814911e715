// What every rubric file carries besides its rules: which rubric, which version, who owns it, who checked
// it and when it is next reviewed (definitions as data, OpenPrescribing's way).
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const rubricHeader = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as 1.0.0'),
  owner: z.string().min(1),
  checker: z.string().min(1),
  reviewed: isoDate,
  nextReview: isoDate,
  description: z.string().min(1),
};

export const kebabId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens');
