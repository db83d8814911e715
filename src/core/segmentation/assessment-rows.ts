// Reads one assessor's answers from a table (CSV or the first sheet of a workbook): one row per service ×
// item, where an item is a segmentation factor (answer a score 1–5) or a delegation criterion (answer meets,
// partly or does-not-meet), with optional evidence. Pure: returns the rows and every problem, each naming
// the file, data row and field. Header names are matched without case, spaces or underscores.
import { CRITERION_ANSWERS, type CriterionAnswer, type DelegationRubric } from '../definitions/delegation-rubric.ts';
import { SCORE_MAX, SCORE_MIN, type SegmentationRubric } from '../definitions/segmentation-rubric.ts';
import type { Problem } from '../errors.ts';

export interface AssessmentRow {
  serviceCode: string;
  item: string;
  kind: 'factor' | 'criterion';
  score: number | null;
  answer: CriterionAnswer | null;
  evidence: string | null;
}

const HEADERS = {
  service: ['service', 'servicecode', 'serviceid', 'servicelinecode'],
  item: ['item', 'factor', 'criterion', 'question'],
  answer: ['answer', 'score', 'rating'],
  evidence: ['evidence', 'comment', 'rationale', 'notes'],
} as const;

const normal = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');

export function readAssessmentRows(
  table: { header: readonly string[]; rows: readonly (readonly (string | null)[])[] },
  file: string,
  rubrics: { segmentation: SegmentationRubric; delegation: DelegationRubric },
  knownServices: ReadonlySet<string>,
): { value: AssessmentRow[]; issues: Problem[] } {
  const issues: Problem[] = [];
  const position = (names: readonly string[]) => table.header.findIndex((h) => names.includes(normal(h)));
  const at = { service: position(HEADERS.service), item: position(HEADERS.item), answer: position(HEADERS.answer) };
  const evidenceAt = position(HEADERS.evidence);
  for (const [field, index] of Object.entries(at)) {
    if (index < 0) {
      issues.push({
        code: 'FP_ASSESS_BAD_FILE',
        message: `The file has no ${field} column.`,
        where: { file, field },
        received: table.header.join(', '),
        accepted: `a header named one of ${HEADERS[field as keyof typeof at].join(', ')}`,
      });
    }
  }
  if (issues.length > 0) return { value: [], issues };
  const factors = new Set(rubrics.segmentation.factors.map((f) => f.id));
  const criteria = new Set([...rubrics.delegation.suitability, ...rubrics.delegation.readiness].map((c) => c.id));
  const services = new Map([...knownServices].map((code) => [code.toUpperCase(), code]));
  const seen = new Set<string>();
  const value: AssessmentRow[] = [];
  table.rows.forEach((cells, i) => {
    const row = i + 1;
    const text = (index: number) => (cells[index] ?? '').trim();
    const problem = (code: Problem['code'], field: string, message: string, received: string, accepted: string) =>
      issues.push({ code, message, where: { file, row, field }, received, accepted });
    const serviceText = text(at.service);
    const item = text(at.item).toLowerCase();
    const answerText = text(at.answer).toLowerCase();
    const serviceCode = services.get(serviceText.toUpperCase());
    if (!serviceCode) {
      problem(
        'FP_ASSESS_UNKNOWN_SERVICE',
        'service',
        'The service code is not in the services catalogue.',
        serviceText,
        'a service code from `footprint report services`',
      );
      return;
    }
    const kind = factors.has(item) ? 'factor' : criteria.has(item) ? 'criterion' : null;
    if (!kind) {
      problem(
        'FP_ASSESS_UNKNOWN_ITEM',
        'item',
        'The item is not a factor or criterion of the exercise’s rubrics.',
        item,
        [...factors, ...criteria].join(', '),
      );
      return;
    }
    const key = `${serviceCode}\u0000${item}`;
    if (seen.has(key)) {
      problem(
        'FP_ASSESS_DUPLICATE',
        'item',
        `Service ${serviceCode} already has an answer for ${item} in this file.`,
        item,
        'one row per service and item',
      );
      return;
    }
    seen.add(key);
    const evidence = evidenceAt >= 0 && text(evidenceAt) !== '' ? text(evidenceAt) : null;
    if (kind === 'factor') {
      const score = Number(answerText);
      if (!(Number.isInteger(score) && score >= SCORE_MIN && score <= SCORE_MAX) || answerText === '') {
        problem(
          'FP_ASSESS_BAD_SCORE',
          'answer',
          'A factor score must be a whole number from 1 to 5.',
          answerText,
          '1, 2, 3, 4 or 5',
        );
        return;
      }
      value.push({ serviceCode, item, kind, score, answer: null, evidence });
    } else {
      if (!(CRITERION_ANSWERS as readonly string[]).includes(answerText)) {
        problem(
          'FP_ASSESS_BAD_ANSWER',
          'answer',
          'A criterion answer must be meets, partly or does-not-meet.',
          answerText,
          CRITERION_ANSWERS.join(', '),
        );
        return;
      }
      value.push({ serviceCode, item, kind, score: null, answer: answerText as CriterionAnswer, evidence });
    }
  });
  return { value, issues };
}
