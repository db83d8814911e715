// Migration 23: every provider's figures by year and service, stored with each run (src/data/queries/
// provider-figures.ts), so a provider's page reads them instead of summing every flow and activity row on
// its first view. Runs stored before this migration get theirs here, from their flows and activity.
import { providerFiguresSql } from '../queries/provider-figures-sql.ts';

export const name = 'provider-figures';

export const sql = `
CREATE TABLE provider_figure (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  provider_code VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  income DECIMAL(38, 2),              -- null: no flow (patients counted all the same)
  income_from_others DECIMAL(38, 2),  -- from patients not resident in its host ICB, residence unknown included
  activity DOUBLE,
  patients DOUBLE,                    -- null: no activity row carried a patient count
  patient_cost DECIMAL(38, 2)         -- the cost of the rows that carried one
);
INSERT INTO provider_figure ${providerFiguresSql('every run')};
`;
