// Delegation's problems as the request names them: a problem the data layer names by field (or by row and
// field of the entered answers, or as the assessor parameter) names the request body's field instead.
import { FootprintError } from '../../core/errors.ts';
import { ENTERED } from '../../data/delegation/enter-assessment.ts';

/** A problem the data layer names by field (or by row and field of the entered answers, or as the assessor
 * parameter) names the request body's field instead, so the page can point at it. */
export async function withBodyFields<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof FootprintError)) throw error;
    const where = error.problem.where;
    let parameter: string | undefined;
    if (where?.file === ENTERED && where.row !== undefined) {
      parameter = where.field === 'service' ? 'body.serviceCode' : `body.answers[${where.row - 1}].${where.field}`;
    } else if (where?.field && !where.parameter) parameter = `body.${where.field}`;
    else if (where?.parameter === 'assessor') parameter = 'body.assessor';
    else if (where?.parameter === 'exercise' && error.problem.code === 'FP_ASSESS_BAD_NAME') parameter = 'body.name';
    if (!parameter) throw error;
    throw new FootprintError({ ...error.problem, where: { ...where, parameter } });
  }
}
