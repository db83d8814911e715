// Migration 12: delegation status as it happened, by service × ICB (or region) × year. The waves of
// NHS England's board decisions and the joint committees come from data/reference/services; an imported
// NHS England delegation-status reference table keeps its per-ICB or per-region detail beside the
// catalogue version it came with.
export const name = 'delegation-status';

export const sql = `
CREATE TABLE delegation_wave (
  from_year VARCHAR NOT NULL,           -- first financial year the row holds, e.g. '2024/25'
  region_code VARCHAR NOT NULL,         -- NHS England region ODS code, e.g. Y62
  region_name VARCHAR NOT NULL,
  service_set VARCHAR NOT NULL,         -- '59' | '70': the services the wave moves
  arrangement VARCHAR NOT NULL,         -- 'joint-committee' | 'delegated'
  board_decision VARCHAR NOT NULL,
  source_url VARCHAR NOT NULL,
  PRIMARY KEY (from_year, region_code)
);

CREATE TABLE joint_committee (
  region_code VARCHAR NOT NULL,
  icb_code VARCHAR,                     -- NULL: the rest of the region's ICBs
  name VARCHAR NOT NULL,
  source_url VARCHAR NOT NULL,
  note VARCHAR
);

CREATE TABLE service_delegation_area (
  service_code VARCHAR NOT NULL,
  catalogue_version INTEGER NOT NULL,
  financial_year VARCHAR NOT NULL,
  area_code VARCHAR NOT NULL,           -- ICB or region ODS code
  area_kind VARCHAR NOT NULL,           -- 'icb' | 'region'
  arrangement VARCHAR NOT NULL,         -- 'retained-nationally' | 'joint-committee' | 'delegated' | 'unknown'
  PRIMARY KEY (service_code, catalogue_version, financial_year, area_code)
);
`;
