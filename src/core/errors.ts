// The one registry of user-facing error and warning codes. A code is never reused: retire it instead.
// Each entry is the one-sentence meaning shown in docs/errors.md; the message on a particular error
// says what was wrong in that case.

export const ERROR_CODES = {
  // Workspace
  FP_WORKSPACE_NOT_FOUND: 'No workspace exists at the given folder; run `footprint init` first.',
  FP_WORKSPACE_NEWER: 'The workspace was written by a newer version of Footprint than this one.',
  FP_WORKSPACE_LOCKED: 'Another Footprint process has the workspace open for writing.',
  FP_WORKSPACE_SERVED:
    'A running Footprint server holds the workspace, so this command (init, serve or start) cannot run beside it.',
  FP_WORKSPACE_SERVER_LOST:
    'The running server a command was sent to closed the connection before the command finished.',
  // Reference data
  FP_REFERENCE_FILE_MISSING: 'A shipped reference data file is missing from data/reference.',
  FP_REFERENCE_BAD_FILE: 'A reference data file does not have the columns or values expected.',
  FP_SERVICES_BAD_FILE: 'A services catalogue file does not have the columns or values expected.',
  FP_SERVICES_UNKNOWN_ICB: 'The ICB asked for delegation status is not in the geography.',
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
  FP_IMPORT_UNKNOWN_PRACTICE: 'A GP practice code is not a practice in the reference data.',
  FP_IMPORT_YEAR_OUT_OF_RANGE:
    'A financial year is outside the window the import accepts (default 2000/01 to ten years ahead).',
  FP_IMPORT_COUNT_TOO_LARGE: 'Activity or patients on one row is more than the import accepts (1,000,000,000).',
  FP_IMPORT_COST_TOO_LARGE: 'A cost is beyond what one row may carry (less than £1,000,000,000,000 either way).',
  FP_IMPORT_BAD_YEAR_WINDOW: 'A window of financial years is not of the form 2000/01-2036/37, first not after last.',
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
  FP_DATASET_NOT_FOUND: 'No dataset of the workspace has that name.',
  FP_DATASET_IS_CURRENT: 'The current dataset cannot be removed; make another dataset current first.',
  FP_DATASET_ON_CLUSTER: 'Removing a dataset whose activity is on a ClickHouse cluster is not possible yet.',
  FP_DATASET_NO_REJECTS: 'The upload named has no rejected rows to download (none were rejected, or no such upload).',
  FP_REPORT_UNKNOWN: 'The report name is not one of the accepted reports.',
  FP_REPORT_BAD_FORMAT: 'The output format is not json, csv or xlsx.',
  FP_REPORT_UNKNOWN_ICB: 'The ICB code is not in the geography.',
  FP_BASIS_BAD_INPUT: 'An activity row given to the basis conversion is not in whole pence or has no finite activity.',
  FP_REPORT_FOOTPRINT_VINTAGE: 'The footprint is defined on a different geography vintage from the one asked for.',
  // Command line
  FP_CLI_BAD_OPTION: 'A command-line option has a value that is not accepted.',
  // Activity engines (where the activity facts live: the workspace's DuckDB or a ClickHouse cluster)
  FP_ENGINE_BAD_ADDRESS:
    'The engine is not "duckdb" or clickhouse://host:port[,host:port…] with a valid database name.',
  FP_ENGINE_UNREACHABLE: 'No ClickHouse server answers at the host and port given.',
  FP_ENGINE_AUTH_FAILED:
    'ClickHouse refused the user name or password (taken from CLICKHOUSE_USER and CLICKHOUSE_PASSWORD).',
  FP_ENGINE_MISSING_TABLE: 'A database or table the engine needs is missing on the cluster.',
  FP_ENGINE_QUERY_FAILED: 'The cluster failed while answering, for example because a shard went down mid-query.',
  FP_ENGINE_CLUSTER_MISMATCH:
    'The ClickHouse servers do not define the named cluster with one shard for each host given.',
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
  FP_AUTH_PASSWORD_CHANGE_DUE: 'The user must set a new password of their own (first sign-in or after a reset) first.',
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
  // Atlas of variation, quality KPIs and derogations
  FP_ATLAS_NO_POPULATION: 'The workspace has no registered population by ICB, age band and sex to divide by.',
  FP_ATLAS_BAD_FILTER: 'An atlas service, year, measure or ICB is not one the stored atlas holds.',
  FP_KPI_BAD_FILE: 'A KPI file is not CSV or XLSX, or its header is neither a KPI definitions nor a KPI values header.',
  FP_KPI_REJECTED: 'Rows of a KPI file have missing or unaccepted fields, so nothing from the file was stored.',
  FP_KPI_NOT_FOUND: 'No KPI has that id.',
  FP_KPI_BAD_RULES: 'The KPI escalation rules file does not match its schema.',
  FP_DEROGATION_BAD_INPUT: 'A derogation field is missing or has a value that is not accepted.',
  FP_DEROGATION_NOT_FOUND: 'No derogation has that id.',
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
  FP_PLAN_UNKNOWN_CODE: 'A provider or service code in a QIPP scheme’s scope is not in the workspace.',
  FP_PLAN_NO_BASE_YEAR:
    'The scenario’s base year has no activity in the current dataset, so there is no spend to grow.',
  FP_PLAN_NO_NEEDS_INDEX: 'An ICB in the plan has no weighted population to give it a needs-based target.',
  FP_PLAN_SCENARIO_NOT_FOUND: 'No stored scenario has that name, and it is not a readable scenario file.',
  FP_PLAN_SCENARIO_EXISTS: 'A stored scenario already has that name.',
  FP_PLAN_SCENARIO_CONFLICT:
    'The scenario was saved by someone else after the revision this save started from; reload it and save again.',
  FP_PLAN_BAD_FILE: 'A scenario file cannot be read or is not JSON.',
  FP_PLAN_BAD_COMPARISON: 'A scenario comparison needs two or three different stored scenarios.',
  FP_PLAN_BAD_CHANGE:
    'A service change has a share, phasing, start year, cost change or receivers that are not accepted.',
  FP_PLAN_CHANGE_UNKNOWN_CODE: 'A service, provider or ICB code in a service change is not in the workspace.',
  FP_PLAN_CHANGE_NO_RECEIVER:
    'A repatriation names no receiving provider and no other provider of the service has a known location.',
  FP_PROJECTIONS_BAD_FILE:
    'A population projections file cannot be read, or lacks the ONS columns AREA_CODE, SEX, AGE_GROUP and year columns.',
  FP_PROJECTIONS_REJECTED:
    'Rows of a population projections file have an unaccepted area, sex, age group or count, so nothing was stored.',
  // Segmentation, delegation and tiering
  FP_RUBRIC_BAD_FILE: 'A rubric file is not JSON or does not match the rubric schema.',
  FP_RUBRIC_WEIGHTS_NOT_ONE: 'The factor weights of a segmentation rubric do not add up to 1.',
  FP_RUBRIC_THRESHOLDS_ORDER: 'Rubric thresholds or suggestion cut points are not in ascending order.',
  FP_RUBRIC_UNKNOWN_FACTOR: 'A rubric refers to a factor or criterion it does not define.',
  FP_RUBRIC_UNKNOWN_SERVICE: 'A rubric names a service code that is not in the services catalogue.',
  FP_ASSESS_BAD_FILE: 'An assessment file cannot be read or lacks the service, item and answer columns.',
  FP_ASSESS_UNKNOWN_SERVICE: 'An assessment row names a service code that is not in the services catalogue.',
  FP_ASSESS_UNKNOWN_ITEM: 'An assessment row names a factor or criterion that the exercise’s rubrics do not define.',
  FP_ASSESS_BAD_SCORE: 'A factor score is not a whole number on the rubric’s scale (1 to 5).',
  FP_ASSESS_BAD_ANSWER: 'A criterion answer is not meets, partly or does-not-meet.',
  FP_ASSESS_DUPLICATE: 'An assessment file answers the same service and item twice.',
  FP_ASSESS_BAD_NAME: 'An exercise or assessor name must be 1–80 letters, digits, spaces, hyphens or full stops.',
  FP_EXERCISE_NOT_FOUND: 'No assessment exercise has that name.',
  FP_EXERCISE_EXISTS: 'An assessment exercise with that name already exists.',
  FP_DELEGATION_NOT_RUN: 'The exercise has no delegation results yet; run `footprint delegation run` first.',
  FP_DELEGATION_BAD_OUTCOME: 'A reconciled outcome, level or rationale is missing or not one of the accepted values.',
  FP_MODEL_BAD_ENTRY: 'A commissioning model entry has an unknown model, footprint or year, or lacks a named lead.',
  FP_VOLATILITY_BAD_ARGUMENT:
    'A volatility argument is out of range (patients, costs, CV, iterations, margin or seed).',
  // Assurance, contracting and the audit trail
  FP_AUDIT_BAD_EVENT:
    'An audit event lacks an actor, organisation or object id, or its type or action is not a lower-case word.',
  FP_KLOE_BAD_TEMPLATE: 'A KLOE template file is not JSON or does not match the template schema.',
  FP_KLOE_DUPLICATE_QUESTION: 'Two questions in a KLOE template have the same id.',
  FP_KLOE_TEMPLATE_NOT_FOUND: 'No KLOE template has that id (and version).',
  FP_ASSURANCE_BAD_RATING: 'A rating is not on the scale: red, amber-red, amber-green, green or not-assessed.',
  FP_ASSURANCE_BAD_LINK: 'An evidence link is not an http or https address.',
  FP_ASSURANCE_ROUND_NOT_FOUND: 'No review round has that id.',
  FP_ASSURANCE_REVIEW_NOT_FOUND: 'No review has that id.',
  FP_ASSURANCE_UNKNOWN_QUESTION: 'The question id is not one of the review template’s questions.',
  FP_ASSURANCE_EMPTY_ROUND: 'A review round would cover no ICB or footprint.',
  FP_ASSURANCE_NOT_RATED: 'A question cannot be moderated before it has a rating.',
  FP_ASSURANCE_SELF_MODERATION: 'A rating must be moderated by a second reviewer, not the one who gave it.',
  FP_ASSURANCE_REVIEW_CONFLICT:
    'The question was rated by someone else after the rating this save started from; reload the review and save again.',
  FP_ASSURANCE_ATTACHMENT_TOO_LARGE: 'An evidence attachment is larger than the limit.',
  FP_ASSURANCE_ATTACHMENT_TYPE: 'An evidence attachment is not of an accepted type, or its content is not that type.',
  FP_ASSURANCE_ATTACHMENT_NOT_FOUND: 'No evidence attachment has that id in this review.',
  FP_INTENTION_NOT_FOUND: 'No commissioning intention has that id.',
  FP_CONTRACT_BAD_MONEY:
    'A contract value or control total is not an amount of money (pounds, at most two decimal places).',
  FP_CONTRACT_UNKNOWN_PROVIDER: 'A contract names a provider code that is not in the reference data.',
  FP_CONTRACT_UNKNOWN_SERVICE: 'A contract names a service line code that is not in the services catalogue.',
  FP_CONTRACT_DUPLICATE_SERVICE: 'A contract lists the same service twice.',
  FP_CONTRACT_NOT_FOUND: 'No contract has that id.',
  FP_RISK_BAD_SCORE: 'A risk’s score after mitigation is above its score before mitigation.',
  FP_RISK_BAD_REVIEW_DATE: 'A risk’s next review date is before its last review.',
  FP_RISK_UNKNOWN_LINK: 'A risk links to a service, footprint, provider or QIPP scheme the workspace does not have.',
  FP_RISK_NOT_FOUND: 'No risk has that id.',
  FP_RISK_BAD_INPUT: 'A risk is missing a field or has a value that is not accepted.',
  FP_PAYMENT_BAD_INPUT:
    'A contract’s payment mechanisms or CQUIN schemes are missing a field or have a value not accepted.',
  FP_PAYMENT_BAD_LINE:
    'A payment line lacks a share its mechanism needs, gives one it does not use, or a service or CQUIN scheme twice.',
  FP_PAYMENT_UNKNOWN_LINE: 'A payment line names a service the contract has no line for.',
  FP_QIPP_ACTUALS_BAD_FILE: 'A QIPP actuals file cannot be read or lacks the columns scheme, unit, month and saving.',
  FP_QIPP_ACTUALS_BAD_ROW:
    'A QIPP actuals row names a scheme or unit the scenario lacks, a month outside 1–12, a saving that is not pounds and pence, or a month twice.',
  FP_QIPP_BAD_YEAR: 'The financial year is not one of the scenario’s plan years.',
  FP_QIPP_NO_ACTUALS_DATA:
    'The activity dataset named to derive QIPP actuals from has no activity with a month in the plan year.',
  FP_PAYMENT_NO_PLANNED_ACTIVITY:
    'An activity-based or blended line is for a service the contract’s activity plan gives no activity.',
  FP_PACK_BAD_OPTION:
    'The board pack needs exactly one of --icb or --footprint and an --out file ending .pdf or .html.',
  FP_PACK_RENDER_FAILED: 'Headless Chromium could not render the board pack to PDF.',
  FP_PACK_BUSY: 'Every board-pack PDF renderer is busy and the queue is full; try again after Retry-After seconds.',
  FP_PACK_RATE_LIMITED:
    'You have asked for more board-pack PDFs than allowed in a minute; try again after Retry-After seconds.',
  // Places, neighbourhoods, clinical networks and triangulation
  FP_PLACE_OVERLAP: 'A place grouping puts the same GP practice in more than one place.',
  FP_PLACE_PRACTICES_LEFT_OUT: "A place grouping leaves some of the ICB's GP practices in no place.",
  FP_PLACE_UNKNOWN_PRACTICE:
    'A place grouping names a GP practice that is not in the reference data or not in that ICB.',
  FP_PLACE_BAD_NAME:
    'A place grouping or place name must be 1–80 letters, digits, spaces, hyphens, commas or ampersands.',
  FP_PLACE_GROUPING_EXISTS: 'A place grouping with that name already exists.',
  FP_PLACE_GROUPING_NOT_FOUND: 'No place grouping has that name for that ICB.',
  FP_NETWORK_BAD_NAME: 'A clinical network name must be 1–100 letters, digits, spaces or the punctuation - & ( ) , /.',
  FP_NETWORK_UNKNOWN_TYPE: 'A clinical network type is not one of the accepted types.',
  FP_NETWORK_UNKNOWN_ICB: "A clinical network's footprint names an ICB code that is not in the 2026 geography.",
  FP_NETWORK_UNKNOWN_SERVICE: 'A clinical network names a service code that is not in the services catalogue.',
  FP_NETWORK_UNKNOWN_PROVIDER: 'A clinical network names a member provider code that is not in the reference data.',
  FP_NETWORK_EXISTS: 'A clinical network with that name already exists.',
  FP_NETWORK_NOT_FOUND: 'No clinical network has that name.',
  FP_NETWORK_SHIPPED: 'A clinical network shipped with Footprint cannot be removed.',
  FP_TRIANGULATION_BAD_OPTION:
    'The triangulation report needs exactly one of --footprint or --icb, and a materiality threshold between 0 and 0.5.',
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
  // Atlas of variation (numbered from 201)
  FPW201: 'Activity with no known ICB of residence is in no ICB’s rate (it has no population to divide by).',
  FPW202: 'Activity with no age band or sex counts in crude rates but not in age/sex standardised rates.',
  // Financial planning (numbered from 101 so other sections can grow)
  FPW101: 'Convergence caps could not all hold: the envelope needed some units to grow faster than capGrowth.',
  FPW102: 'Every risk-share member reached the cap, so the rest of the pool was shared over the caps.',
  FPW103: 'The scenario’s base year has no activity, so it was planned on the earliest year the data has.',
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
  /** When to try again, for a refusal that passes (HTTP answers it as the Retry-After header). */
  retryAfterSeconds?: number;
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
