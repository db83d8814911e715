/** What long work is counted in when it reports progress, so the CLI can say '450,000 of 1,000,000 rows'
 * or '600 MB of 1.2 GB' rather than a bare percentage. */
export type WorkUnit = 'rows' | 'bytes' | 'steps' | 'files';
