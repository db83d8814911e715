// Migration 7: assurance and contracting. The audit trail is append-only by construction: recordAudit is
// the only writer, no route updates or deletes it, and each event carries the SHA-256 of the one before,
// so an edit made to the file by other means breaks the chain (verifyAuditChain). Review rounds keep a
// copy of the KLOE template they applied, so later template versions never change a finished round.
// Attachments are stored in the workspace file itself, so a copied workspace keeps its evidence.
export const name = 'assurance';

export const sql = `
CREATE SEQUENCE audit_event_seq START 1;
CREATE TABLE audit_event (
  seq BIGINT PRIMARY KEY DEFAULT nextval('audit_event_seq'),
  recorded_at TIMESTAMP NOT NULL,       -- server clock, UTC
  actor VARCHAR NOT NULL,               -- user email, or 'cli:<os user>' for the command line
  organisation VARCHAR NOT NULL,        -- the actor's organisation code
  object_type VARCHAR NOT NULL,         -- 'footprint', 'user', 'scenario', 'review', 'contract', …
  object_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,              -- 'create', 'update', 'delete', 'rate', 'moderate', …
  before_json VARCHAR,                  -- the object before the change; NULL when created
  after_json VARCHAR,                   -- the object after the change; NULL when deleted
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL
);

CREATE TABLE review_round (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  template_id VARCHAR NOT NULL,
  template_version INTEGER NOT NULL,
  template_json VARCHAR NOT NULL,
  owner_organisation VARCHAR NOT NULL,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL
);

-- One review per ICB (or footprint) in a round; organisation_code is the ICB it belongs to, or the
-- organisation owning the footprint.
CREATE TABLE review (
  id VARCHAR PRIMARY KEY,
  round_id VARCHAR NOT NULL,
  subject_kind VARCHAR NOT NULL,        -- 'icb' | 'footprint'
  subject_code VARCHAR NOT NULL,
  subject_name VARCHAR NOT NULL,
  organisation_code VARCHAR NOT NULL,
  UNIQUE (round_id, subject_kind, subject_code)
);

CREATE TABLE review_answer (
  review_id VARCHAR NOT NULL,
  question_id VARCHAR NOT NULL,
  rating VARCHAR NOT NULL,
  evidence_text VARCHAR NOT NULL,
  links_json VARCHAR NOT NULL,
  reviewer VARCHAR NOT NULL,
  reviewer_organisation VARCHAR NOT NULL,
  reviewed_at TIMESTAMP NOT NULL,
  moderated_rating VARCHAR,
  moderation_reason VARCHAR,
  moderator VARCHAR,
  moderated_at TIMESTAMP,
  PRIMARY KEY (review_id, question_id)
);

CREATE TABLE review_attachment (
  id VARCHAR PRIMARY KEY,
  review_id VARCHAR NOT NULL,
  question_id VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  content_type VARCHAR NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 VARCHAR NOT NULL,
  content BLOB NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMP NOT NULL
);

CREATE TABLE commissioning_intention (
  id VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  owner_organisation VARCHAR NOT NULL,
  owner_name VARCHAR NOT NULL,          -- the named lead, e.g. 'Director of Specialised Commissioning'
  services_json VARCHAR NOT NULL,       -- service line codes in scope
  providers_json VARCHAR NOT NULL,      -- provider ODS codes in scope
  measure VARCHAR NOT NULL,             -- the measurable change, e.g. 'follow-ups −20%'
  financial_year VARCHAR NOT NULL,
  measured_by VARCHAR,                  -- the QIPP scheme or KPI that measures it
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

CREATE TABLE contract (
  id VARCHAR PRIMARY KEY,
  provider_code VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  contract_type VARCHAR NOT NULL,       -- 'single-provider' | 'alliance' | 'lead-provider'
  partners_json VARCHAR NOT NULL,       -- alliance members or the lead provider's subcontractors (ODS codes)
  lead_commissioner VARCHAR NOT NULL,   -- organisation code that holds it
  commissioners_json VARCHAR NOT NULL,  -- every commissioner party (organisation codes)
  system_name VARCHAR,                  -- the footprint whose control total it counts against
  activity_plan_json VARCHAR NOT NULL,
  quality_schedule_json VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR NOT NULL
);

CREATE TABLE contract_service (
  contract_id VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  value DECIMAL(18, 2) NOT NULL,
  PRIMARY KEY (contract_id, service_code)
);

CREATE TABLE system_control_total (
  system_name VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  amount DECIMAL(18, 2) NOT NULL,
  set_by VARCHAR NOT NULL,
  set_at TIMESTAMP NOT NULL,
  PRIMARY KEY (system_name, financial_year)
);
`;
