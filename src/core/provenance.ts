// The provenance every data answer carries: which rows, which rule, which year, and how the figures were
// derived (shown in "How is this calculated?").
import { z } from 'zod';

export const provenance = z
  .object({
    dataset: z.string().nullable().describe('The activity dataset the figures come from; null before any import.'),
    vintage: z.string().describe('The geography vintage ICB figures are on.'),
    rule: z.string().nullable().describe('The unknown-residence rule of the stored run.'),
    financialYear: z.string().nullable(),
    derivation: z.string().describe('How the figures were derived, in words.'),
  })
  .describe('How the figures were derived: which rows, which rule, which year.');

export type Provenance = z.infer<typeof provenance>;

export interface WithProvenance {
  provenance: Provenance;
}
