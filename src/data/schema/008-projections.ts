// Migration 8: population projections for demographic growth. One set is held at a time (an import
// replaces it), already aggregated to the 2026 ICBs by ESP 2013 age band and sex, by mid-year.
export const name = 'projections';

export const sql = `
CREATE TABLE projection_import (
  file VARCHAR NOT NULL,                -- the file's name as given to \`footprint projections import\`
  imported_at TIMESTAMP NOT NULL,
  area_level VARCHAR NOT NULL,          -- 'local-authority' (apportioned by GP practice list) | 'icb'
  first_year INTEGER NOT NULL,
  last_year INTEGER NOT NULL,
  rows_read INTEGER NOT NULL
);

CREATE TABLE population_projection (
  icb_code VARCHAR NOT NULL,            -- 2026 vintage ICB ODS code
  year INTEGER NOT NULL,                -- mid-year (30 June) of the projection
  age_band VARCHAR NOT NULL,            -- ESP 2013 band '0-4' … '90+'
  sex VARCHAR NOT NULL,                 -- 'M' | 'F'
  persons DOUBLE NOT NULL,
  PRIMARY KEY (icb_code, year, age_band, sex)
);
`;
