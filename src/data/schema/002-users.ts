// Migration 2: sign-in. Users belong to an organisation (a 2026 ICB ODS code, an NHS England region ODS
// code, or 'national') and have a role. Sessions are stored by the SHA-256 of their id, so a copy of the
// workspace file cannot be used to sign in. Footprints gain an owning organisation: NULL for the shipped
// ones (only national users change those).
export const name = 'users';

export const sql = `
CREATE TABLE app_user (
  email VARCHAR PRIMARY KEY,          -- lower case
  organisation_code VARCHAR NOT NULL, -- ICB ODS (2026), region ODS (Y56…) or 'national'
  role VARCHAR NOT NULL,              -- 'viewer' | 'editor' | 'admin'
  password_hash VARCHAR NOT NULL,     -- scrypt$N$r$p$salt$key (base64)
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE app_session (
  id_hash VARCHAR PRIMARY KEY,        -- hex SHA-256 of the 256-bit session id held in the cookie
  email VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL
);

ALTER TABLE footprint ADD COLUMN owner_organisation VARCHAR;
`;
