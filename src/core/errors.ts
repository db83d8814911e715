// The one registry of user-facing error and warning codes. A code is never reused: retire it instead.
// Each entry is the one-sentence meaning shown in docs/errors.md; the message on a particular error
// says what was wrong in that case.

export const ERROR_CODES = {
  // Workspace
  FP_WORKSPACE_NOT_FOUND: 'No workspace exists at the given folder; run `footprint init` first.',
  FP_WORKSPACE_NEWER: 'The workspace was written by a newer version of Footprint than this one.',
  FP_WORKSPACE_LOCKED: 'Another Footprint process has the workspace open for writing.',
  // Reference data
  FP_REFERENCE_FILE_MISSING: 'A shipped reference data file is missing from data/reference.',
  FP_REFERENCE_BAD_FILE: 'A reference data file does not have the columns or values expected.',
  FP_SERVICES_BAD_FILE: 'A services catalogue file does not have the columns or values expected.',
  FP_FOOTPRINT_UNKNOWN_ICB: 'A footprint names an ICB code that is not in the geography.',
  FP_FOOTPRINT_EXISTS: 'A footprint with that name already exists.',
  FP_FOOTPRINT_NOT_FOUND: 'No footprint has that name.',
  FP_FOOTPRINT_BAD_NAME: 'A footprint name must be 1–80 characters of letters, digits, spaces, hyphens or ampersands.',
  FP_GEOGRAPHY_UNKNOWN_VINTAGE: 'The geography vintage is not one the workspace has.',
  // Import
  FP_IMPORT_FILE_NOT_FOUND: 'The file to import does not exist or cannot be read.',
  FP_IMPORT_UNSUPPORTED_FORMAT: 'The file is not CSV, Parquet or XLSX.',
  FP_IMPORT_NOT_WHAT_IT_CLAIMS: 'The file content does not match its extension.',
  FP_IMPORT_EMPTY_FILE: 'The file has no data rows.',
  FP_IMPORT_MISSING_COLUMN: 'A required column is missing from the header.',
  FP_IMPORT_DUPLICATE_COLUMN: 'Two header columns map to the same field.',
  FP_IMPORT_BAD_VALUE: 'A value cannot be read as the field type.',
  FP_IMPORT_MISSING_VALUE: 'A required field is blank.',
  FP_IMPORT_BAD_YEAR: 'A financial year is not in the form 2024/25.',
  FP_IMPORT_BAD_MONTH: 'A month is not a whole number from 1 to 12.',
  FP_IMPORT_UNKNOWN_PROVIDER: 'A provider code is not in the reference data.',
  FP_IMPORT_UNKNOWN_RESIDENCE: 'A residence code is not a sub-ICB location or ICB of any vintage.',
  FP_IMPORT_UNKNOWN_SERVICE: 'A service code is not in the services catalogue.',
  FP_IMPORT_BAD_POD: 'A point of delivery is not one of the accepted codes.',
  FP_IMPORT_BAD_AGE_BAND: 'An age band is not one of the 19 European Standard Population bands.',
  FP_IMPORT_BAD_SEX: 'A sex is not M, F or U.',
  FP_IMPORT_NEGATIVE_ACTIVITY: 'Activity or patients is negative.',
  FP_IMPORT_REJECTED: 'Rows were rejected, so nothing was imported (use --allow-rejects to import the valid rows).',
  FP_IMPORT_TOO_LARGE: 'The file is larger than the import accepts.',
  FP_IMPORT_BAD_DATASET_NAME: 'A dataset name must be 1–64 characters of letters, digits, hyphens or underscores.',
  // Generator
  FP_GENERATE_BAD_OPTION: 'A generator option is out of range.',
  // Basis conversion, flows and reports
  FP_RUN_NO_ACTIVITY: 'The workspace has no activity for that dataset.',
  FP_RUN_NOT_RUN: 'No results are stored yet; run `footprint run` first.',
  FP_RUN_BAD_RULE: 'The unknown-residence rule is not one of the accepted rules.',
  FP_RUN_MONEY_NOT_CONSERVED: 'Totals on provider basis, population basis and the accepted cost disagree.',
  FP_REPORT_UNKNOWN: 'The report name is not one of the accepted reports.',
  FP_REPORT_BAD_FORMAT: 'The output format is not json, csv or xlsx.',
  FP_REPORT_UNKNOWN_ICB: 'The ICB code is not in the geography.',
  // Command line
  FP_CLI_BAD_OPTION: 'A command-line option has a value that is not accepted.',
  // Statistics
  FP_STATS_BAD_ARGUMENT: 'A statistics argument breaks the method’s rules.',
  FP_STATS_BAD_INPUT: 'A statistics input file does not have the columns or values expected.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where a problem happened: a file and row and field, or a route and parameter. Rows are the data row
 * number in the file, the first row after the header being 1. */
export interface Where {
  file?: string;
  row?: number;
  field?: string;
  route?: string;
  parameter?: string;
}

/** One user-facing problem: what was wrong, where, what was received, what is accepted. */
export interface Problem {
  code: ErrorCode;
  message: string;
  where?: Where;
  received?: string;
  accepted?: string;
  hint?: string;
}

/** A violated precondition or a failed operation, carrying a Problem a user can act on. */
export class FootprintError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.name = 'FootprintError';
    this.problem = problem;
  }
  get code(): ErrorCode {
    return this.problem.code;
  }
}

export function fail(code: ErrorCode, message: string, detail: Omit<Problem, 'code' | 'message'> = {}): never {
  throw new FootprintError({ code, message, ...detail });
}

/** Formats a problem as one or two lines for a terminal or a log. */
export function describeProblem(p: Problem): string {
  const where = p.where
    ? [
        p.where.file,
        p.where.row !== undefined ? `row ${p.where.row}` : undefined,
        p.where.field ? `field ${p.where.field}` : undefined,
        p.where.route,
        p.where.parameter ? `parameter ${p.where.parameter}` : undefined,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  const parts = [`${p.code}: ${p.message}`];
  if (where) parts.push(`  at ${where}`);
  if (p.received !== undefined) parts.push(`  received: ${p.received}`);
  if (p.accepted !== undefined) parts.push(`  accepted: ${p.accepted}`);
  if (p.hint) parts.push(`  ${p.hint}`);
  return parts.join('\n');
}
