// Migration 5: variation and quality. The atlas of variation is derived data, stored per dataset with what
// it rests on (the run it read, the population, the standard population, the peer-group rule), and replaced
// whole when the run changes. KPIs, their monthly values and the derogation register are user data: KPI
// values are replaced per KPI and period by a later import; each import is recorded with its file.
export const name = 'variation';

export const sql = `
CREATE TABLE atlas_run (
  dataset VARCHAR PRIMARY KEY,
  vintage VARCHAR NOT NULL,             -- always '2026': populations by age and sex exist for 2026 ICBs only
  run_at TIMESTAMP NOT NULL,            -- ran_at of the basis-conversion run the atlas was computed after
  population_source VARCHAR NOT NULL,   -- e.g. 'gp-registered-2026-08'
  standard_population VARCHAR NOT NULL, -- 'European Standard Population 2013, split equally by sex'
  peer_rule VARCHAR NOT NULL,
  need_year VARCHAR,                    -- the weighted-population year the peer groups were drawn from
  engine VARCHAR NOT NULL,
  method_version VARCHAR NOT NULL,
  cells_read BIGINT NOT NULL,
  unknown_residence_activity DOUBLE NOT NULL,
  unknown_age_sex_activity DOUBLE NOT NULL,
  seconds DOUBLE NOT NULL,
  computed_at TIMESTAMP NOT NULL
);

-- One row per year × service × ICB × measure. measure 'activity' and 'patients' are counts per 100,000;
-- 'spend' is pounds per head (no confidence limits, no funnel).
CREATE TABLE atlas_rate (
  dataset VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,
  measure VARCHAR NOT NULL,
  events DOUBLE NOT NULL,               -- activity, patients or pounds, all ages and sexes
  standardised_events DOUBLE NOT NULL,  -- the part with a known age band and sex M or F
  population DOUBLE NOT NULL,
  crude_rate DOUBLE,
  crude_lower95 DOUBLE, crude_upper95 DOUBLE, crude_lower998 DOUBLE, crude_upper998 DOUBLE,
  crude_method VARCHAR,
  standardised_rate DOUBLE,
  standardised_lower95 DOUBLE, standardised_upper95 DOUBLE, standardised_lower998 DOUBLE, standardised_upper998 DOUBLE,
  standardised_method VARCHAR,
  standardised_note VARCHAR,            -- why the standardised rate is null, when it is
  significance VARCHAR,                 -- funnel label against England (exact Poisson limits)
  significance_overdispersed VARCHAR,   -- the same with Spiegelhalter's overdispersion allowance
  funnel_population DOUBLE,             -- x of the funnel point: the derived population n'
  previous_standardised_rate DOUBLE,
  change_since_previous DOUBLE,
  peer_mean_rate DOUBLE,
  peer_rank INTEGER,                    -- 1 = highest standardised rate among the ICB and its peers
  PRIMARY KEY (dataset, financial_year, service_code, measure, icb_code)
);

-- Spread of standardised rates across ICBs, per year × service × measure, and the funnel baseline.
CREATE TABLE atlas_variation (
  dataset VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  measure VARCHAR NOT NULL,
  icbs INTEGER NOT NULL,                -- ICBs with a standardised rate
  england_events DOUBLE NOT NULL,
  england_population DOUBLE NOT NULL,
  england_crude_rate DOUBLE,
  funnel_baseline DOUBLE,
  mean_rate DOUBLE, sd_rate DOUBLE, cv DOUBLE,
  q1_rate DOUBLE, median_rate DOUBLE, q3_rate DOUBLE, iqr DOUBLE,
  previous_cv DOUBLE, cv_change DOUBLE,
  narrowing BOOLEAN,                    -- cv fell since the previous year; NULL with no previous year
  high_998 INTEGER, high_95 INTEGER, low_95 INTEGER, low_998 INTEGER,
  tau2 DOUBLE,                          -- between-ICB variance of the overdispersion allowance (0 = none)
  PRIMARY KEY (dataset, financial_year, service_code, measure)
);

-- The 100-point funnel limit table per year × service × count measure: at x events, the population at
-- which each limit passes and the rate there.
CREATE TABLE atlas_funnel_limit (
  dataset VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  measure VARCHAR NOT NULL,
  point INTEGER NOT NULL,
  events DOUBLE NOT NULL,
  lower95_population DOUBLE, lower95_rate DOUBLE, upper95_population DOUBLE, upper95_rate DOUBLE,
  lower998_population DOUBLE, lower998_rate DOUBLE, upper998_population DOUBLE, upper998_rate DOUBLE,
  PRIMARY KEY (dataset, financial_year, service_code, measure, point)
);

CREATE TABLE atlas_peer (
  dataset VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,
  peer_icb VARCHAR NOT NULL,
  nearness INTEGER NOT NULL,            -- 1 = the nearest peer
  need_index DOUBLE NOT NULL,           -- the ICB's weighted population per registered patient
  peer_need_index DOUBLE NOT NULL,
  PRIMARY KEY (dataset, icb_code, peer_icb)
);

CREATE TABLE kpi (
  kpi_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  provider_code VARCHAR,                -- exactly one of provider_code and icb_code
  icb_code VARCHAR,
  unit VARCHAR NOT NULL,                -- '%', 'days', 'count', …
  direction VARCHAR NOT NULL,           -- 'increase' | 'decrease' (which way is better)
  target DOUBLE,
  escalation_rule VARCHAR NOT NULL,     -- a rule set in definitions/kpi-escalation.json
  source VARCHAR NOT NULL,              -- 'synthetic' or the file it was imported from
  updated_at TIMESTAMP NOT NULL
);

CREATE TABLE kpi_value (
  kpi_id VARCHAR NOT NULL,
  period DATE NOT NULL,                 -- the first day of the month
  value DOUBLE NOT NULL,
  import_id INTEGER NOT NULL,
  PRIMARY KEY (kpi_id, period)
);

CREATE TABLE kpi_import (
  import_id INTEGER PRIMARY KEY,
  file VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,                -- 'definitions' | 'values' | 'synthetic'
  rows INTEGER NOT NULL,
  sha256 VARCHAR NOT NULL,
  imported_by VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE derogation_seq START 1;
CREATE TABLE derogation (
  id INTEGER PRIMARY KEY DEFAULT nextval('derogation_seq'),
  provider_code VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  clause VARCHAR NOT NULL,              -- the specification clause not met
  agreed_date DATE NOT NULL,            -- the date agreed for compliance
  status VARCHAR NOT NULL,              -- 'open' | 'compliant' | 'withdrawn'
  notes VARCHAR,
  owner_organisation VARCHAR NOT NULL,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL
);
`;
