// Migration 4: segmentation and delegation exercises. An exercise keeps a copy of the rubrics it was run
// under, so a later rubric version never changes a finished exercise; assessments are one row per
// assessor × service × item (a factor score or a criterion answer); reconciled outcomes and review comments
// attach to a service in an exercise; commissioning models are per service × footprint × year.
export const name = 'segmentation';

export const sql = `
CREATE TABLE assessment_exercise (
  name VARCHAR PRIMARY KEY,
  segmentation_rubric_json VARCHAR NOT NULL,
  delegation_rubric_json VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL
);

CREATE TABLE assessment (
  exercise VARCHAR NOT NULL,
  assessor VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  item VARCHAR NOT NULL,              -- a segmentation factor id or a delegation criterion id
  score INTEGER,                      -- 1–5 for a factor
  answer VARCHAR,                     -- 'meets' | 'partly' | 'does-not-meet' for a criterion
  evidence VARCHAR,
  source_file VARCHAR,
  recorded_at TIMESTAMP NOT NULL,
  PRIMARY KEY (exercise, assessor, service_code, item)
);

CREATE TABLE reconciled_outcome (
  exercise VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  level VARCHAR,                      -- segmentation level agreed, NULL when not agreed
  outcome VARCHAR NOT NULL,           -- delegation outcome agreed
  rationale VARCHAR NOT NULL,
  agreed_by VARCHAR NOT NULL,
  agreed_at TIMESTAMP NOT NULL,
  PRIMARY KEY (exercise, service_code)
);

CREATE SEQUENCE review_comment_seq START 1;
CREATE TABLE review_comment (
  id BIGINT PRIMARY KEY DEFAULT nextval('review_comment_seq'),
  exercise VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  author VARCHAR NOT NULL,            -- e.g. 'Cancer programme of care board'
  organisation VARCHAR NOT NULL,
  body VARCHAR NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);

-- The latest delegation run of an exercise, as the JSON the CLI prints and the API serves, with its
-- provenance (rubric ids and versions, dataset, year, master seed).
CREATE TABLE delegation_result (
  exercise VARCHAR PRIMARY KEY,
  result_json VARCHAR NOT NULL,
  ran_at TIMESTAMP NOT NULL
);

CREATE TABLE commissioning_model (
  service_code VARCHAR NOT NULL,
  footprint_name VARCHAR NOT NULL,
  financial_year VARCHAR NOT NULL,
  model VARCHAR NOT NULL,             -- nhse-direct | nhse-with-icb-input | joint-committee | lead-commissioner | delegated
  lead VARCHAR,                       -- the lead ICB or provider collaborative, for lead-commissioner
  status VARCHAR NOT NULL,            -- 'agreed' | 'proposed'
  source VARCHAR NOT NULL,            -- who or which exercise set it
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (service_code, footprint_name, financial_year)
);
`;
