// One assessor's answers on one service, entered in the web app rather than imported from a file: the same
// checks as an import (readAssessmentRows), all or nothing; the answers replace that assessor's earlier
// answers on the service, with the change in the audit trail.
import { readAssessmentRows } from '../../core/segmentation/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Workspace } from '../workspace.ts';
import { checkName, exerciseRubrics } from './exercises.ts';
import { currentServiceCodes, refuse } from './rubrics.ts';

export interface EnteredAnswer {
  item: string;
  /** A score 1–5 for a factor, or meets / partly / does-not-meet for a criterion. */
  answer: string;
  evidence?: string | null;
}

/** Problems name the answer as `answers[i].<field>` (row i + 1 of the entered "file"). */
export const ENTERED = 'answers';

export async function enterAssessment(
  ws: Workspace,
  entry: { exercise: string; assessor: string; serviceCode: string; answers: readonly EnteredAnswer[] },
  by: { actor: string; organisation: string },
): Promise<{ rows: number }> {
  const rubrics = await exerciseRubrics(ws, entry.exercise);
  const assessor = checkName('assessor', entry.assessor);
  const { value, issues } = readAssessmentRows(
    {
      header: ['service', 'item', 'answer', 'evidence'],
      rows: entry.answers.map((a) => [entry.serviceCode, a.item, a.answer, a.evidence ?? null]),
    },
    ENTERED,
    rubrics,
    await currentServiceCodes(ws),
  );
  if (issues.length > 0) refuse(issues);
  const serviceCode = value[0]?.serviceCode ?? entry.serviceCode;
  await ws.transaction(async () => {
    const before = await ws.all(
      `SELECT item, score, answer, evidence FROM assessment
        WHERE exercise = $1 AND assessor = $2 AND service_code = $3 ORDER BY item`,
      [entry.exercise, assessor, serviceCode],
    );
    await ws.run('DELETE FROM assessment WHERE exercise = $1 AND assessor = $2 AND service_code = $3', [
      entry.exercise,
      assessor,
      serviceCode,
    ]);
    for (const row of value) {
      await ws.run('INSERT INTO assessment VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, now())', [
        entry.exercise,
        assessor,
        row.serviceCode,
        row.item,
        row.score,
        row.answer,
        row.evidence,
      ]);
    }
    await recordAudit(ws, {
      ...by,
      objectType: 'assessment',
      objectId: `${entry.exercise}/${assessor}/${serviceCode}`,
      action: before.length > 0 ? 'update' : 'create',
      before: before.length > 0 ? before : null,
      after: value.map((r) => ({ item: r.item, score: r.score, answer: r.answer, evidence: r.evidence })),
    });
  });
  return { rows: value.length };
}
