// Migration 11: where each audit event came from (the client address for the web app and API, the host
// for the command line), and the anchored head of the chain: the last event's number and hash, rewritten
// with every event in the same transaction, so deleting the newest events shows up when the chain is
// verified even though every remaining link still holds.
export const name = 'audit-anchor';

export const sql = `
ALTER TABLE audit_event ADD COLUMN source VARCHAR;   -- client address or 'cli@<host>'; NULL before migration 11

CREATE TABLE audit_anchor (
  id INTEGER PRIMARY KEY,                 -- always 1: one head per workspace
  head_seq BIGINT NOT NULL,
  head_hash VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

INSERT INTO audit_anchor
SELECT 1, seq, hash, now() FROM audit_event ORDER BY seq DESC LIMIT 1;
`;
