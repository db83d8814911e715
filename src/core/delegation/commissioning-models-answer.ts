// The commissioning models answer (GET /api/delegation/models, `footprint delegation models`, the models
// page): for each service × footprint, year by year over the plan horizon, the model the delegation status
// proposes (with the joint committee or lead ICB named) beside what a person has recorded, agreed or
// proposed. The export is one row per service, footprint and year.
import { z } from 'zod';
import { TIERS } from '../tiering/tier.ts';
import { commissioningModel, modelProposal } from './commissioning-model.ts';

/** What a person entered for a service, footprint and year: agreed (region or national) or proposed (the ICB). */
export const recordedModel = z.object({
  serviceCode: z.string(),
  footprint: z.string(),
  financialYear: z.string(),
  model: commissioningModel,
  lead: z.string().nullable(),
  status: z.enum(['agreed', 'proposed']),
  source: z.string(),
});
export type RecordedModel = z.infer<typeof recordedModel>;

export const commissioningModelYear = z.object({
  financialYear: z.string(),
  proposal: modelProposal,
  recorded: recordedModel.nullable(),
});
export type CommissioningModelYear = z.infer<typeof commissioningModelYear>;

export const commissioningModelLine = z.object({
  serviceCode: z.string(),
  serviceName: z.string(),
  footprint: z.string(),
  footprintKind: z.string(),
  /** The footprint's ICBs, named. */
  icbNames: z.array(z.string()),
  /** The service's tier in the latest delegation run; null when not tiered. */
  tier: z.enum(TIERS).nullable(),
  years: z.array(commissioningModelYear),
});
export type CommissioningModelLine = z.infer<typeof commissioningModelLine>;

export const commissioningModelsAnswer = z.object({
  /** The horizon: the first delegation wave to the last plan year of the current planning round. */
  years: z.array(z.string()),
  /** The run the tiers come from; null when no exercise has run. */
  tierFrom: z.string().nullable(),
  /** The year of activity the lead ICBs are chosen from; null when there is no stored run. */
  spendYear: z.string().nullable(),
  rows: z.array(commissioningModelLine),
  footprints: z.array(z.object({ name: z.string(), kind: z.string(), canEdit: z.boolean() })),
  models: z.array(z.object({ model: commissioningModel, label: z.string() })),
});
export type CommissioningModelsAnswer = z.infer<typeof commissioningModelsAnswer>;

/** The model a person may enter (PUT /api/delegation/models). */
export const commissioningModelInput = z.object({
  serviceCode: z.string().min(1).max(80),
  footprint: z.string().min(1).max(120),
  financialYear: z.string().min(1).max(10),
  model: z
    .string()
    .min(1)
    .max(40)
    .describe('nhse-direct, nhse-with-icb-input, joint-committee, lead-commissioner, delegated'),
  lead: z.string().max(120).nullable().optional(),
});
export type CommissioningModelInput = z.infer<typeof commissioningModelInput>;

type Column = { key: string; header: string; kind: 'text' | 'number' | 'money' | 'share' };

/** One row per service, footprint and year: CSV, Excel and the CLI's JSON rows. */
export const COMMISSIONING_MODEL_COLUMNS: readonly Column[] = [
  { key: 'serviceCode', header: 'Service code', kind: 'text' },
  { key: 'serviceName', header: 'Service', kind: 'text' },
  { key: 'footprint', header: 'Footprint', kind: 'text' },
  { key: 'financialYear', header: 'Financial year', kind: 'text' },
  { key: 'proposedModel', header: 'Proposed from status', kind: 'text' },
  { key: 'leadIcb', header: 'Proposed lead ICB', kind: 'text' },
  { key: 'reason', header: 'Why', kind: 'text' },
  { key: 'recordedModel', header: 'Recorded model', kind: 'text' },
  { key: 'recordedLead', header: 'Recorded lead', kind: 'text' },
  { key: 'status', header: 'Status', kind: 'text' },
  { key: 'setBy', header: 'Set by', kind: 'text' },
];
