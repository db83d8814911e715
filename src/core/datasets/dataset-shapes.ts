// Datasets of activity as the API, the data page and `footprint dataset list` give them: one shape shared by
// the data layer that reads them, the routes that check them and the web app that shows them.
import { z } from 'zod';

export const datasetRun = z.object({
  vintage: z.string().describe('ICB boundaries the run used: 2026 or 2023.'),
  unknownResidenceRule: z.string(),
  ranAt: z.string().describe('ISO 8601, UTC.'),
});

export const datasetSummary = z.object({
  name: z.string(),
  current: z.boolean().describe('Whether pages and reports show this dataset unless told otherwise.'),
  sourceFile: z.string().describe('The name of the file it was imported from (no folder).'),
  format: z.string(),
  rowsRead: z.number(),
  rowsAccepted: z.number(),
  rowsRejected: z.number(),
  totalCost: z.number().describe('Accepted cost in pounds.'),
  years: z.array(z.string()).describe('Financial years with activity, oldest first.'),
  importedAt: z.string().describe('ISO 8601, UTC.'),
  importedBy: z.string().nullable().describe('Who imported it; null for imports made before this was recorded.'),
  runs: z.array(datasetRun),
});

export const datasetList = z.object({
  current: z.string().nullable(),
  rows: z.array(datasetSummary),
});

export type DatasetRun = z.infer<typeof datasetRun>;
export type DatasetSummary = z.infer<typeof datasetSummary>;
export type DatasetList = z.infer<typeof datasetList>;

/** Columns of the datasets export, in order. */
export const DATASET_COLUMNS = [
  { key: 'name', header: 'Dataset', kind: 'text' },
  { key: 'current', header: 'Current', kind: 'text' },
  { key: 'sourceFile', header: 'Source file', kind: 'text' },
  { key: 'rowsAccepted', header: 'Rows', kind: 'number' },
  { key: 'rowsRejected', header: 'Rows rejected', kind: 'number' },
  { key: 'totalCost', header: 'Total cost (£)', kind: 'money' },
  { key: 'years', header: 'Financial years', kind: 'text' },
  { key: 'importedAt', header: 'Imported at', kind: 'text' },
  { key: 'importedBy', header: 'Imported by', kind: 'text' },
] as const;

export const runSummary = z.object({
  dataset: z.string(),
  vintage: z.string(),
  unknownResidenceRule: z.string(),
  rows: z.number(),
  totalCost: z.number().describe('Pounds; provider basis = population basis = accepted cost, to the penny.'),
  flows: z.number(),
});

export type RunSummary = z.infer<typeof runSummary>;

/** What an upload from the data page did: the counts always (accepted + rejected = read), and in strict mode
 * with rejected rows, nothing imported and why. */
export const importOutcome = z.object({
  dataset: z.string(),
  imported: z.boolean(),
  read: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  totalCost: z.number().describe('Accepted cost in pounds; 0 when nothing was imported.'),
  current: z.boolean().describe('Whether the dataset is the current one after the upload.'),
  rejectsUrl: z.string().nullable().describe('Where to download the rejected rows, with row, field and reason.'),
  message: z.string().nullable().describe('Why nothing was imported, when it was not.'),
});

export type ImportOutcome = z.infer<typeof importOutcome>;
