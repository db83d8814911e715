// After comparing assessments: the reconciled outcome per service, with a rationale and who agreed it, and
// review comments (from programme of care boards, say) on a service in an exercise.

import { SEGMENTATION_LEVELS } from '../../core/definitions/segmentation-rubric.ts';
import { DELEGATION_OUTCOMES } from '../../core/delegation/index.ts';
import { fail } from '../../core/errors.ts';
import { type AssessmentComparison, compareAssessments } from '../../core/segmentation/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isCurrentService } from '../queries/services-catalogue.ts';
import type { Workspace } from '../workspace.ts';
import { exerciseRubrics } from './exercises.ts';
import type { DelegationResult } from './run-delegation.ts';
import { parseStoredResult } from './stored-result.ts';

export interface Reconciliation {
  exercise: string;
  serviceCode: string;
  outcome: string;
  level: string | null;
  rationale: string;
  agreedBy: string;
}

export async function reconcileOutcome(
  ws: Workspace,
  entry: Reconciliation,
  by: { actor: string; organisation: string },
): Promise<void> {
  await exerciseRubrics(ws, entry.exercise);
  const bad = (field: string, message: string, received: string, accepted: string): never =>
    fail('FP_DELEGATION_BAD_OUTCOME', message, { where: { field }, received, accepted });
  if (!(DELEGATION_OUTCOMES as readonly string[]).includes(entry.outcome)) {
    bad('outcome', 'The outcome is not one of the accepted outcomes.', entry.outcome, DELEGATION_OUTCOMES.join(', '));
  }
  if (entry.level !== null && !(SEGMENTATION_LEVELS as readonly string[]).includes(entry.level)) {
    bad('level', 'The level is not one of the segmentation levels.', entry.level, SEGMENTATION_LEVELS.join(', '));
  }
  if (!entry.rationale.trim()) bad('rationale', 'A reconciled outcome needs its rationale.', '', 'a sentence or more');
  if (!entry.agreedBy.trim())
    bad('agreedBy', 'A reconciled outcome needs who agreed it.', '', 'e.g. "Regional leads, 3 March"');
  if (!(await isCurrentService(ws, entry.serviceCode)))
    bad(
      'serviceCode',
      'The service code is not in the services catalogue.',
      entry.serviceCode,
      'a current service code',
    );
  await ws.transaction(async () => {
    const before = await ws.one('SELECT * FROM reconciled_outcome WHERE exercise = $1 AND service_code = $2', [
      entry.exercise,
      entry.serviceCode,
    ]);
    await ws.run(
      `INSERT INTO reconciled_outcome VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (exercise, service_code) DO UPDATE SET level = excluded.level, outcome = excluded.outcome,
         rationale = excluded.rationale, agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at`,
      [entry.exercise, entry.serviceCode, entry.level, entry.outcome, entry.rationale.trim(), entry.agreedBy.trim()],
    );
    await recordAudit(ws, {
      ...by,
      objectType: 'reconciled-outcome',
      objectId: `${entry.exercise}/${entry.serviceCode}`,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: entry,
    });
  });
}

export async function addReviewComment(
  ws: Workspace,
  comment: { exercise: string; serviceCode: string; author: string; body: string },
  by: { actor: string; organisation: string },
): Promise<void> {
  await exerciseRubrics(ws, comment.exercise);
  await ws.transaction(async () => {
    await ws.run(
      'INSERT INTO review_comment (exercise, service_code, author, organisation, body, recorded_at) VALUES ($1, $2, $3, $4, $5, now())',
      [comment.exercise, comment.serviceCode, comment.author, by.organisation, comment.body],
    );
    await recordAudit(ws, {
      ...by,
      objectType: 'review-comment',
      objectId: `${comment.exercise}/${comment.serviceCode}`,
      action: 'create',
      before: null,
      after: comment,
    });
  });
}

/** Agreement statistics per factor, assessors' levels per service and the disagreements. */
export async function compareExercise(ws: Workspace, exercise: string): Promise<AssessmentComparison> {
  const rubrics = await exerciseRubrics(ws, exercise);
  const scores = await ws.all<{ assessor: string; serviceCode: string; factor: string; score: number }>(
    `SELECT assessor, service_code AS "serviceCode", item AS factor, score FROM assessment
      WHERE exercise = $1 AND score IS NOT NULL`,
    [exercise],
  );
  return compareAssessments(rubrics.segmentation, scores);
}

export async function readDelegationResult(ws: Workspace, exercise: string): Promise<DelegationResult> {
  const row = await ws.one<{ json: string }>('SELECT result_json AS json FROM delegation_result WHERE exercise = $1', [
    exercise,
  ]);
  if (!row) {
    fail('FP_DELEGATION_NOT_RUN', `The exercise ${JSON.stringify(exercise)} has no delegation results yet.`, {
      where: { parameter: 'exercise' },
      received: exercise,
      hint: `Run \`footprint delegation run --exercise "${exercise}"\` first.`,
    });
  }
  return parseStoredResult(row.json);
}
