// Answers of the commissioning-models routes (/delegation/models), kept here until they move into
// src/core/delegation with their route (issue 15).

export type CommissioningModel =
  | 'nhse-direct'
  | 'nhse-with-icb-input'
  | 'joint-committee'
  | 'lead-commissioner'
  | 'delegated';

export interface ModelEntry {
  serviceCode: string;
  footprint: string;
  financialYear: string;
  model: CommissioningModel;
  lead: string | null;
  status: 'agreed' | 'proposed';
  source: string;
}

export interface ModelsAnswer {
  rows: ModelEntry[];
  footprints: { name: string; kind: string; canEdit: boolean }[];
  models: CommissioningModel[];
}
