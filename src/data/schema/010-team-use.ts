// Migration 10: a team using one workspace. Who imported each dataset (kept with the import's time, so a
// later import of the same name by other means does not inherit it), and users who must set a new password
// at their next sign-in (the first administrator, anyone whose password an admin reset). New tables rather
// than new columns: existing statements insert into dataset and app_user by position.
export const name = 'team-use';

export const sql = `
CREATE TABLE dataset_importer (
  dataset VARCHAR PRIMARY KEY,
  imported_at TIMESTAMP NOT NULL,     -- dataset.imported_at of the import this records
  imported_by VARCHAR NOT NULL        -- a user's email, or operator:<machine user> / cli:<machine user>
);

CREATE TABLE password_change_due (
  email VARCHAR PRIMARY KEY,
  since TIMESTAMP NOT NULL
);
`;
