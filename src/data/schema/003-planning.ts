// Migration 3: financial planning. A scenario is stored as the JSON its author wrote (checked against the
// scenario schema first), owned by an organisation, with a revision number that goes up on every change.
// A plan's results are stored with what they rest on (dataset, run, scenario revision), so a stored plan
// is only shown while those still hold.
export const name = 'planning';

export const sql = `
CREATE TABLE scenario (
  name VARCHAR PRIMARY KEY,
  owner_organisation VARCHAR NOT NULL,  -- ICB ODS (2026), region ODS or 'national'
  schema_version INTEGER NOT NULL,      -- the scenario file's "version"
  revision INTEGER NOT NULL,            -- 1 when added, +1 on every replacement
  json VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

CREATE TABLE plan_result (
  scenario_name VARCHAR PRIMARY KEY,
  scenario_revision INTEGER NOT NULL,
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  unknown_residence_rule VARCHAR NOT NULL,
  run_at TIMESTAMP NOT NULL,            -- ran_at of the run the base year was read from
  computed_at TIMESTAMP NOT NULL,
  result_json VARCHAR NOT NULL
);
`;
