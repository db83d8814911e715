// Migration 14: the risk register. A risk is owned by an organisation, scored 1–5 × 1–5 before and after
// mitigation, and linked to services, footprints, providers or QIPP schemes (links_json: [{kind, code}]).
// Its history is the audit trail (object type 'risk'), so no history table of its own.
export const name = 'risks';

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
`;
