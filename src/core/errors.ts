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
  FP_FOOTPRINT_NOT_USER:
    'Only user-defined footprints can be removed; ICB, region and group footprints come with the reference data.',
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
  FP_IMPORT_UNREADABLE_ROW:
    'A row cannot be read at all (wrong number of fields, broken quoting or text that is not UTF-8).',
  // Generator
  FP_GENERATE_BAD_OPTION: 'A generator option is out of range.',
  FP_GENERATE_BAD_ASSUMPTIONS: 'The generator assumptions file does not match its schema or its rules.',
  FP_GENERATE_NO_MODEL_INPUT:
    'The workspace lacks reference data the generator needs (populations, providers, services).',
  // Basis conversion, flows and reports
  FP_RUN_NO_ACTIVITY: 'The workspace has no activity for that dataset.',
  FP_RUN_NOT_RUN: 'No results are stored yet; run `footprint run` first.',
  FP_RUN_BAD_RULE: 'The unknown-residence rule is not one of the accepted rules.',
  FP_RUN_MONEY_NOT_CONSERVED: 'Totals on provider basis, population basis and the accepted cost disagree.',
  FP_REPORT_UNKNOWN: 'The report name is not one of the accepted reports.',
  FP_REPORT_BAD_FORMAT: 'The output format is not json, csv or xlsx.',
  FP_REPORT_UNKNOWN_ICB: 'The ICB code is not in the geography.',
  FP_BASIS_BAD_INPUT: 'An activity row given to the basis conversion is not in whole pence or has no finite activity.',
  FP_REPORT_FOOTPRINT_VINTAGE: 'The footprint is defined on a different geography vintage from the one asked for.',
  // Command line
  FP_CLI_BAD_OPTION: 'A command-line option has a value that is not accepted.',
  // Sign-in, users and organisations
  FP_AUTH_NOT_SIGNED_IN: 'The request has no valid session (none, forged, expired or signed out); sign in first.',
  FP_AUTH_BAD_CREDENTIALS: 'The email address or password is wrong.',
  FP_AUTH_FORBIDDEN: 'Your role or organisation does not allow this action.',
  FP_AUTH_CSRF: 'A state-changing request lacks the x-csrf-token header given at sign-in, or it does not match.',
  FP_AUTH_UNKNOWN_ORGANISATION:
    'The organisation is not a 2026 ICB ODS code, an NHS England region ODS code or "national".',
  FP_AUTH_BAD_ROLE: 'The role is not viewer, editor or admin.',
  FP_AUTH_BAD_EMAIL: 'The email address is not of the form name@domain.',
  FP_AUTH_BAD_PASSWORD: 'The password is shorter than 12 characters or longer than 200.',
  FP_AUTH_USER_EXISTS: 'A user with that email address already exists.',
  FP_AUTH_USER_NOT_FOUND: 'No user has that email address.',
  FP_AUTH_NO_PASSWORD_INPUT: 'There is no terminal to ask for a password and --password-stdin was not given.',
  // HTTP
  FP_HTTP_BAD_REQUEST: 'A request parameter or body field is missing or has a value that is not accepted.',
  FP_HTTP_MALFORMED_JSON: 'The request body is not valid JSON.',
  FP_HTTP_UNSUPPORTED_MEDIA_TYPE: 'The request body is not JSON (send Content-Type: application/json).',
  FP_HTTP_BODY_TOO_LARGE: 'The request body is larger than the server accepts.',
  FP_HTTP_NOT_FOUND: 'Nothing is at that address, or the code in it is not known.',
  FP_HTTP_RATE_LIMITED: 'Too many sign-in attempts from this address; wait and try again.',
  FP_HTTP_INTERNAL: 'The server failed unexpectedly; the details are in its log, not in the response.',
  // Statistics
  FP_STATS_BAD_ARGUMENT: 'A statistics argument breaks the method’s rules.',
  FP_STATS_BAD_INPUT: 'A statistics input file does not have the columns or values expected.',
  // Financial planning
  FP_PLAN_BAD_SCENARIO: 'A scenario field is missing or has a value that is not accepted.',
  FP_PLAN_ARRAY_LENGTH: 'A per-year array does not have one value per plan year.',
  FP_PLAN_BAD_HORIZON: 'The plan horizon is not a whole number of years from 1 to 10.',
  FP_PLAN_BAD_GROWTH: 'A growth rate is not a number above −100%.',
  FP_PLAN_BAD_RATE: 'A QIPP saving rate is not a fraction from 0 up to (not including) 1.',
  FP_PLAN_BAD_START_MONTH: 'A QIPP start month is not a whole number from 1 (April) to 12 (March).',
  FP_PLAN_CUMULATIVE_SAVING: 'A QIPP scheme’s rates add up to more than 1, so it would save more than the spend.',
  FP_PLAN_SAVINGS_EXCEED_SPEND: 'The QIPP schemes covering some spend would together save more than that spend.',
  FP_PLAN_NO_PROJECTIONS:
    'Demographic growth from population projections was asked for, but there are none for that unit and year.',
  FP_PLAN_SHARES_NOT_ONE: 'Shares (target or risk-share) do not add up to 1.',
  FP_PLAN_BAD_SHARE: 'A share is not a number above 0 and at most 1.',
  FP_PLAN_BAD_MONEY: 'An amount of money is not a finite number (whole pence where pence are asked for).',
  FP_PLAN_BAD_CONVERGENCE: 'Convergence growth limits are not numbers above −100% with capGrowth at least floorGrowth.',
  FP_PLAN_ENVELOPE_BELOW_FLOORS: 'The allocation envelope is too small to give every unit its floor growth.',
  FP_PLAN_BAD_RISK_SHARE: 'A risk-share agreement is missing a field its type needs or has a value out of range.',
  FP_PLAN_UNKNOWN_UNIT: 'A unit named in the scenario is not one of its units, or not an ICB or footprint.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Methodological caveats attached to a result (never thrown): the figures stand, with a qualification. */
export const WARNING_CODES = {
  // Statistics
  FPW001: 'A directly standardised rate rests on fewer than 10 events, so it and its limits are suppressed.',
  FPW002: 'An SPC group has fewer than 13 points, so its limits are trial limits.',
  FPW003: 'An SPC group has no variation (every moving range is 0), so its limits equal the mean.',
  FPW004: 'An SPC improvement direction or target is missing, so no assurance is given.',
  FPW005: 'A Byar’s lower limit fell below zero, so it is not available.',
  FPW006: 'Funnel units vary more than chance allows, so the funnel limits are widened for overdispersion.',
  FPW007: 'Overdispersion was asked for but the funnel units vary no more than chance allows, so exact limits stand.',
  FPW008: 'DSR funnel units with fewer than 10 events have no significance label and are not plotted.',
  // Financial planning (numbered from 101 so other sections can grow)
  FPW101: 'Convergence caps could not all hold: the envelope needed some units to grow faster than capGrowth.',
  FPW102: 'Every risk-share member reached the cap, so the rest of the pool was shared over the caps.',
} as const;

export type WarningCode = keyof typeof WARNING_CODES;

/** A caveat on a result: code, what it means in this case, and which part of the input it concerns. */
export interface ResultWarning {
  code: WarningCode;
  message: string;
  where?: Where;
}

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
