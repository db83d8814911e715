// A derogation: a provider agreed to be non-compliant with a clause of a service specification until an
// agreed date. Checked here before anything is stored; the caller checks the codes against the workspace.
import type { Problem } from '../errors.ts';

export const DEROGATION_STATUSES = ['open', 'compliant', 'withdrawn'] as const;
export type DerogationStatus = (typeof DEROGATION_STATUSES)[number];

export interface DerogationInput {
  providerCode: string;
  serviceCode: string;
  clause: string;
  /** YYYY-MM-DD */
  agreedDate: string;
  status?: DerogationStatus;
  notes?: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

export function checkDerogation(input: DerogationInput): Problem[] {
  const problems: Problem[] = [];
  const problem = (field: string, message: string, received: string, accepted: string) =>
    // The field names the body field too, so the API can say which one (its errors carry parameters).
    problems.push({ code: 'FP_DEROGATION_BAD_INPUT', message, where: { field, parameter: field }, received, accepted });
  if (!/^[A-Za-z0-9]{3,9}$/.test(input.providerCode.trim()))
    problem('providerCode', 'The provider is an ODS code.', input.providerCode, 'e.g. RJ7');
  if (!input.serviceCode.trim()) problem('serviceCode', 'The service line code is blank.', '(blank)', 'e.g. 13X');
  const clause = input.clause.trim();
  if (clause.length < 1 || clause.length > 500)
    problem('clause', 'The clause not met is 1–500 characters.', `${clause.length} characters`, '1–500 characters');
  if (!isCalendarDate(input.agreedDate))
    problem('agreedDate', 'The date agreed for compliance is not a date.', input.agreedDate, 'YYYY-MM-DD');
  if (input.status !== undefined && !DEROGATION_STATUSES.includes(input.status))
    problem(
      'status',
      'The status is not one of the accepted ones.',
      String(input.status),
      DEROGATION_STATUSES.join(', '),
    );
  if ((input.notes ?? '').length > 2000)
    problem(
      'notes',
      'The notes are longer than 2,000 characters.',
      `${input.notes!.length} characters`,
      'up to 2,000 characters',
    );
  return problems;
}

/** An open derogation whose agreed date has passed. */
export function isOverdue(status: string, agreedDate: string, asOf: string): boolean {
  return status === 'open' && agreedDate < asOf;
}
