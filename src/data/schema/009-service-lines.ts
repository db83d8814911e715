// Migration 9: PSS service lines (NCBPS…) and the catalogue service each belongs to, so an extract that
// identifies specialised activity by service line imports onto the catalogue's services. A row is a
// full line (NCBPS22S) or a whole group (NCBPS13: every line NCBPS13A…Z); the loader rewrites the table
// from the current catalogue after every catalogue load or import.
export const name = 'service-lines';

export const sql = `
CREATE TABLE service_line (
  service_line VARCHAR PRIMARY KEY,     -- 'NCBPS22S' (a line) or 'NCBPS13' (a group), upper case
  service_code VARCHAR NOT NULL,        -- the current catalogue service it belongs to
  catalogue_version INTEGER NOT NULL    -- the catalogue version that gave it
);
`;
