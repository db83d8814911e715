// Migration 25: answers over activity that a run computes once and stores, so the pages that ask them (a
// plan's base year, the delegation evidence preview) read a few stored rows instead of grouping every
// activity row on each first view (src/data/run/run-answers.ts). Replaced with the run's other results; an
// answer holds only while its dataset's import and its run are the ones it was computed from.
export const name = 'run-answers';

export const sql = `
CREATE TABLE run_answer (
  dataset VARCHAR NOT NULL,
  vintage VARCHAR NOT NULL,         -- the run's geography vintage
  question VARCHAR NOT NULL,        -- the engine question and its arguments, as JSON
  imported_at TIMESTAMP NOT NULL,   -- dataset.imported_at of the activity it was read from
  run_at TIMESTAMP NOT NULL,        -- run.ran_at of the run that stored it
  answer_json VARCHAR NOT NULL      -- the engine's answer, as JSON
);
`;
