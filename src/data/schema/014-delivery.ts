// Migration 14: service change and delivery. The risk register: a risk is owned by an organisation, scored
// 1–5 × 1–5 before and after mitigation, and linked to services, footprints, providers or QIPP schemes
// (links_json: [{kind, code}]); its history is the audit trail (object type 'risk'). Payment mechanisms per
// contract service line and CQUIN schemes per contract, beside the contract tables of migration 7. Monthly
// actual QIPP savings by scenario, scheme and unit, the year to date as last imported.
export const name = 'delivery';

export const sql = `
CREATE TABLE risk (
  id VARCHAR PRIMARY KEY,               -- 'risk-' and 8 hex digits
  organisation VARCHAR NOT NULL,        -- ICB ODS (2026), region ODS or 'national'
  title VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  category VARCHAR NOT NULL,            -- financial | provider-stability | workforce | data | clinical | delivery
  owner VARCHAR NOT NULL,
  likelihood INTEGER NOT NULL,
  impact INTEGER NOT NULL,
  mitigation VARCHAR NOT NULL,
  residual_likelihood INTEGER NOT NULL,
  residual_impact INTEGER NOT NULL,
  links_json VARCHAR NOT NULL,
  status VARCHAR NOT NULL,              -- open | closed
  reviewed DATE,
  next_review DATE,
  revision INTEGER NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

CREATE TABLE contract_payment (
  contract_id VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  mechanism VARCHAR NOT NULL,           -- block | activity | blended | outcome
  fixed_share DOUBLE,                   -- blended: the fixed part as a share of the line's value
  outcome_share DOUBLE,                 -- outcome: the share at risk
  outcome_achievement DOUBLE,           -- outcome: 0–1
  PRIMARY KEY (contract_id, service_code)
);

CREATE TABLE contract_cquin (
  contract_id VARCHAR NOT NULL,
  scheme VARCHAR NOT NULL,
  value DECIMAL(18, 2) NOT NULL,
  achievement DOUBLE,                   -- 0–1; NULL = not yet assessed
  PRIMARY KEY (contract_id, scheme)
);

CREATE TABLE qipp_actual (
  scenario_name VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  scheme VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,                -- as the scenario names it: 'QUY' or 'footprint:NAME'
  month TINYINT NOT NULL,               -- 1 = April … 12 = March
  saving DECIMAL(18, 2) NOT NULL,
  imported_at TIMESTAMP NOT NULL,
  imported_by VARCHAR NOT NULL,
  PRIMARY KEY (scenario_name, financial_year, scheme, unit, month)
);
`;
