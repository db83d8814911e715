// Pieces of request and response schema shared by the routes: the year, run (dataset, geography) and
// export-format parameters, and the provenance every data response carries.
import { z } from 'zod';
import { DEFAULT_VINTAGE, GEOGRAPHY_VINTAGES, ICB_COUNT } from '../core/geography/vintage.ts';
import { financialYearText } from '../core/units.ts';

export const financialYear = financialYearText().describe(
  'Financial year, e.g. 2024/25; default the latest with results.',
);

export const vintage = z
  .enum(GEOGRAPHY_VINTAGES)
  .describe(`Geography vintage: ${GEOGRAPHY_VINTAGES.map((v) => `${v} (${ICB_COUNT[v]} ICBs)`).join(' or ')}.`);

/** ?dataset=: an activity dataset by name; readRunContext answers 404 FP_DATASET_NOT_FOUND, naming the datasets
 * there are, when there is none of that name. */
export const dataset = z
  .string()
  .min(1)
  .max(120)
  .describe('An activity dataset by name (GET /api/datasets); default the current dataset.');

/** The run a GET answer reads, passed as they are to readRunContext: ?dataset= and ?geography=. */
export const runQuery = {
  dataset: dataset.optional(),
  geography: vintage
    .optional()
    .describe(`Geography vintage of the stored run; default ${DEFAULT_VINTAGE}. ${vintage.description}`),
};

/** The same for an answer drawn on the current geography only: ?geography= names it or is refused (400). */
export const currentGeographyRunQuery = {
  dataset: dataset.optional(),
  geography: z
    .enum([DEFAULT_VINTAGE])
    .optional()
    .describe(
      `Only ${DEFAULT_VINTAGE} (${ICB_COUNT[DEFAULT_VINTAGE]} ICBs): this answer is drawn on the current geography.`,
    ),
};

export const EXPORT_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const format = z
  .enum(EXPORT_FORMATS)
  .describe('json (default), or xlsx / csv to download exactly these rows as a file.');

export { type Provenance, provenance } from '../core/provenance.ts';

export const icbCode = z.string().regex(/^[A-Za-z0-9]{3,9}$/, 'an ICB ODS code such as QWE');
export const providerCode = z.string().regex(/^[A-Za-z0-9]{3,9}$/, 'a provider ODS code such as RHQ');
// A catalogue service key: the PSS manual number ('13', '2A'), a local key for a service with no official
// number ('LOCAL-ADULT-CRITICAL-CARE'), or a code an imported official table uses.
export const serviceCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,79}$/, 'a service key such as 13, 2A or LOCAL-ADULT-CRITICAL-CARE');

export const noContent = z.null().describe('No content.');

export { type ApiErrorBody, errorBody } from '../core/error-body.ts';
