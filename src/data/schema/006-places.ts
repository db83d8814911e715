// Migration 6: places, neighbourhoods and clinical networks. Default places (local authority districts)
// and neighbourhoods (PCNs) are derived from gp_practice when asked for, so they are never stale; only
// users' own place groupings are stored. Activity gains an optional GP practice code so that it rolls up
// to neighbourhoods and places. The network register ships the nationally mandated network types and the
// South London ICS/APC networks (src/core/networks/), each row saying where it came from.
import { NETWORK_TYPE_SOURCE, NETWORK_TYPES } from '../../core/networks/network-types.ts';
import { SHIPPED_NETWORK_SOURCE, SHIPPED_NETWORKS } from '../../core/networks/shipped-networks.ts';

export const name = 'places';

const text = (value: string | null): string => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);

const shippedRows = [
  ...NETWORK_TYPES.map(
    (t) =>
      `INSERT INTO network_type VALUES (${text(t.code)}, ${text(t.name)}, ${text(t.category)}, ${text(NETWORK_TYPE_SOURCE)});`,
  ),
  ...SHIPPED_NETWORKS.flatMap((n) => [
    `INSERT INTO clinical_network VALUES (${text(n.name)}, ${text(n.type)}, ${text(n.host)}, ${text(n.description)},
       true, ${text(SHIPPED_NETWORK_SOURCE)}, NULL, TIMESTAMP '2026-08-01 00:00:00', 'shipped');`,
    ...n.icbs.map((icb) => `INSERT INTO clinical_network_icb VALUES (${text(n.name)}, ${text(icb)});`),
  ]),
].join('\n');

export const sql = `
ALTER TABLE activity ADD COLUMN gp_practice_code VARCHAR;  -- upper case, as in gp_practice; NULL = not given

-- A user's own places for one ICB: every practice of the ICB in exactly one place (checked before storing).
CREATE TABLE place_grouping (
  name VARCHAR PRIMARY KEY,
  icb_code VARCHAR NOT NULL,            -- 2026 vintage
  description VARCHAR,
  owner_organisation VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL
);

CREATE TABLE place_grouping_member (
  grouping_name VARCHAR NOT NULL,
  place_name VARCHAR NOT NULL,
  practice_code VARCHAR NOT NULL,
  PRIMARY KEY (grouping_name, practice_code)
);

CREATE TABLE network_type (
  code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  category VARCHAR NOT NULL,            -- 'nationally-mandated-specialised' | 'ics-apc'
  source VARCHAR NOT NULL
);

CREATE TABLE clinical_network (
  name VARCHAR PRIMARY KEY,
  network_type VARCHAR NOT NULL,
  host VARCHAR,                         -- hosting organisation; NULL = not known
  description VARCHAR,
  shipped BOOLEAN NOT NULL,
  source VARCHAR NOT NULL,              -- where the definition came from
  owner_organisation VARCHAR,           -- NULL for shipped networks
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL
);

CREATE TABLE clinical_network_icb (
  network_name VARCHAR NOT NULL,
  icb_code VARCHAR NOT NULL,            -- 2026 vintage
  PRIMARY KEY (network_name, icb_code)
);

CREATE TABLE clinical_network_service (
  network_name VARCHAR NOT NULL,
  service_code VARCHAR NOT NULL,
  PRIMARY KEY (network_name, service_code)
);

CREATE TABLE clinical_network_provider (
  network_name VARCHAR NOT NULL,
  provider_code VARCHAR NOT NULL,
  PRIMARY KEY (network_name, provider_code)
);

${shippedRows}
`;
