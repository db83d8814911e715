// Migration 1: the workspace's first shape. Geography tables carry a vintage ('2023' = the 42 ICBs of
// July 2022 to March 2026; '2026' = the 36 ICBs from April 2026) so old activity stays valid.
export const name = 'initial';

export const sql = `
CREATE TABLE setting (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

CREATE TABLE reference_file (
  path VARCHAR PRIMARY KEY,
  rows_loaded INTEGER NOT NULL,
  sha256 VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);

CREATE TABLE region (
  vintage VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,       -- ODS, e.g. Y56
  region_ons_code VARCHAR NOT NULL,   -- ONS, e.g. E40000003
  name VARCHAR NOT NULL,
  PRIMARY KEY (vintage, region_code)
);

CREATE TABLE icb (
  vintage VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,          -- ODS, e.g. QWE
  icb_ons_code VARCHAR NOT NULL,      -- ONS, e.g. E54000031
  name VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  PRIMARY KEY (vintage, icb_code)
);

CREATE TABLE sub_icb (
  vintage VARCHAR NOT NULL,
  sub_icb_code VARCHAR NOT NULL,      -- ODS, e.g. 36L
  sub_icb_ons_code VARCHAR NOT NULL,  -- ONS, e.g. E38000245
  name VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,
  PRIMARY KEY (vintage, sub_icb_code)
);

-- Every residence code an import accepts (ODS or ONS, sub-ICB or ICB, any vintage), upper case, and the
-- ICB it counts towards in each vintage. method says how: 'same-code' or 'largest-share-of-practice-population'.
CREATE TABLE residence_map (
  code VARCHAR PRIMARY KEY,
  code_kind VARCHAR NOT NULL,         -- 'sub-icb' | 'icb'
  source_vintage VARCHAR NOT NULL,
  icb_2026 VARCHAR NOT NULL,
  icb_2023 VARCHAR NOT NULL,
  method VARCHAR NOT NULL
);

CREATE TABLE gp_practice (
  practice_code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  postcode VARCHAR,
  latitude DOUBLE,
  longitude DOUBLE,
  pcn_code VARCHAR,
  pcn_name VARCHAR,
  sub_icb_code VARCHAR NOT NULL,      -- 2026 vintage
  icb_code VARCHAR NOT NULL,          -- 2026 vintage
  region_code VARCHAR NOT NULL,
  lad_code VARCHAR,
  lad_name VARCHAR
);

-- Registered population by area, age band (ESP 2013 bands) and sex ('M' | 'F').
CREATE TABLE population (
  source VARCHAR NOT NULL,            -- e.g. 'gp-registered-2026-08'
  as_at DATE NOT NULL,
  area_type VARCHAR NOT NULL,         -- 'region' | 'icb' | 'sub-icb'
  area_code VARCHAR NOT NULL,         -- ODS code, 2026 vintage
  sex VARCHAR NOT NULL,
  age_band VARCHAR NOT NULL,
  persons DOUBLE NOT NULL,
  PRIMARY KEY (source, area_type, area_code, sex, age_band)
);

-- NHS England allocation weighted populations at GP practice level (needs indices).
CREATE TABLE weighted_population (
  financial_year VARCHAR NOT NULL,
  practice_code VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,          -- as published: 2023-vintage ICB ODS code
  population DOUBLE NOT NULL,
  general_acute_wp DOUBLE,
  final_wp DOUBLE,
  PRIMARY KEY (financial_year, practice_code)
);

CREATE TABLE provider (
  provider_code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,              -- 'nhs-trust' | 'independent-sector'
  postcode VARCHAR,
  host_icb VARCHAR,                   -- 2026 vintage ICB ODS code
  host_icb_2023 VARCHAR,
  latitude DOUBLE,
  longitude DOUBLE,
  location_method VARCHAR NOT NULL,   -- how latitude/longitude/host ICB were derived
  open_date DATE,
  close_date DATE
);

-- The services catalogue keeps history: an import supersedes rows rather than deleting them.
CREATE TABLE service (
  service_code VARCHAR NOT NULL,
  catalogue_version INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  programme_of_care VARCHAR,
  crg_code VARCHAR,
  crg_name VARCHAR,
  highly_specialised BOOLEAN,         -- NULL = unknown, never "no"
  source VARCHAR NOT NULL,
  source_url VARCHAR,
  is_current BOOLEAN NOT NULL,
  PRIMARY KEY (service_code, catalogue_version)
);

CREATE TABLE service_delegation (
  service_code VARCHAR NOT NULL,
  catalogue_version INTEGER NOT NULL,
  financial_year VARCHAR NOT NULL,
  delegated BOOLEAN,                  -- NULL = unknown
  PRIMARY KEY (service_code, catalogue_version, financial_year)
);

CREATE TABLE catalogue_version (
  catalogue_version INTEGER PRIMARY KEY,
  source VARCHAR NOT NULL,
  file VARCHAR,
  loaded_at TIMESTAMP NOT NULL,
  rows INTEGER NOT NULL
);

CREATE TABLE footprint (
  name VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,              -- 'icb' | 'region' | 'group' | 'user'
  vintage VARCHAR NOT NULL,
  description VARCHAR
);

CREATE TABLE footprint_member (
  footprint_name VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,
  PRIMARY KEY (footprint_name, icb_code)
);

CREATE TABLE dataset (
  name VARCHAR PRIMARY KEY,
  source_file VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_accepted BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  total_cost DECIMAL(38, 2) NOT NULL,
  imported_at TIMESTAMP NOT NULL
);

CREATE TABLE activity (
  dataset VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  month TINYINT,
  provider_code VARCHAR NOT NULL,
  residence_code VARCHAR,             -- upper case as given; NULL = not known
  service_code VARCHAR NOT NULL,
  pod VARCHAR NOT NULL,
  age_band VARCHAR,
  sex VARCHAR,
  activity DOUBLE NOT NULL,
  cost DECIMAL(18, 2) NOT NULL,
  patients DOUBLE
);

-- Results of \`footprint run\`, per dataset and geography vintage, with the rule that placed rows
-- with no valid residence.
CREATE TABLE run (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  unknown_residence_rule VARCHAR NOT NULL,
  rows BIGINT NOT NULL,
  total_cost DECIMAL(38, 2) NOT NULL,
  unknown_residence_rows BIGINT NOT NULL,
  unknown_residence_cost DECIMAL(38, 2) NOT NULL,
  ran_at TIMESTAMP NOT NULL,
  PRIMARY KEY (dataset, vintage)
);

CREATE TABLE flow (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  resident_icb VARCHAR NOT NULL,
  residence_known BOOLEAN NOT NULL,
  provider_code VARCHAR NOT NULL,
  provider_icb VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  activity DOUBLE NOT NULL,
  spend DECIMAL(38, 2) NOT NULL
);

CREATE TABLE allocation (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  provider_basis_spend DECIMAL(38, 2) NOT NULL,
  population_basis_spend DECIMAL(38, 2) NOT NULL
);

-- The accepted activity a run read, per year and service, with the part whose residence code did not
-- resolve to an ICB in the vintage: the input side of the run's money-conservation check.
CREATE TABLE run_total (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  rows BIGINT NOT NULL,
  activity DOUBLE NOT NULL,
  cost DECIMAL(38, 2) NOT NULL,
  unknown_residence_rows BIGINT NOT NULL,
  unknown_residence_cost DECIMAL(38, 2) NOT NULL,
  PRIMARY KEY (dataset, vintage, financial_year, service_code)
);

-- Of each ICB's population-basis spend, the part at providers hosted in other ICBs (UNALLOCATED has none).
-- out_of_area_share is NULL when population_basis_spend is zero.
CREATE TABLE out_of_area_share (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  population_basis_spend DECIMAL(38, 2) NOT NULL,
  out_of_area_spend DECIMAL(38, 2) NOT NULL,
  out_of_area_share DOUBLE
);

-- Of each provider's income, the part for patients resident in ICBs other than its host; income placed in
-- UNALLOCATED (unknown residence under the 'unallocated' rule) is counted apart.
CREATE TABLE provider_income_share (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  provider_code VARCHAR NOT NULL,
  provider_icb VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  income DECIMAL(38, 2) NOT NULL,
  income_from_outside DECIMAL(38, 2) NOT NULL,
  unallocated_income DECIMAL(38, 2) NOT NULL,
  share_from_outside DOUBLE
);
`;
