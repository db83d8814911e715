// Migration 10: who imported each dataset, for the data page and `footprint dataset list`. NULL for datasets
// imported before it was recorded.
export const name = 'dataset-importer';

export const sql = `
ALTER TABLE dataset ADD COLUMN imported_by VARCHAR;
`;
