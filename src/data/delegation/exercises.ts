// Assessment exercises ("Delegation 2023"): each keeps a copy of the rubrics it runs under, so a later
// rubric version never changes a finished exercise; re-running with a changed copy replaces it.
import { fail } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';
import { checkRubrics, type Rubrics } from './rubrics.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9 .-]{0,79}$/;

export function checkName(field: string, name: string): string {
  const trimmed = name.trim();
  if (!NAME.test(trimmed)) {
    fail('FP_ASSESS_BAD_NAME', `The ${field} name must be 1–80 letters, digits, spaces, hyphens or full stops.`, {
      where: { parameter: field },
      received: name,
      accepted: 'for example "Delegation 2023" or "North region"',
    });
  }
  return trimmed;
}

export async function exerciseRubrics(ws: Workspace, exercise: string): Promise<Rubrics> {
  const row = await ws.one<{ s: string; d: string }>(
    'SELECT segmentation_rubric_json AS s, delegation_rubric_json AS d FROM assessment_exercise WHERE name = $1',
    [exercise],
  );
  if (!row) {
    const known = await ws.all<{ name: string }>('SELECT name FROM assessment_exercise ORDER BY name');
    fail('FP_EXERCISE_NOT_FOUND', `There is no exercise called ${JSON.stringify(exercise)}.`, {
      where: { parameter: 'exercise' },
      received: exercise,
      accepted: known.length > 0 ? known.map((k) => k.name).join(', ') : 'none yet: import an assessment first',
    });
  }
  return checkRubrics(ws, JSON.parse(row.s), JSON.parse(row.d), `exercise ${exercise}`, `exercise ${exercise}`);
}

/** Creates the exercise with these rubrics, or replaces its rubric copies. Call inside a transaction. */
export async function saveExercise(ws: Workspace, exercise: string, rubrics: Rubrics, by: string): Promise<void> {
  await ws.run(
    `INSERT INTO assessment_exercise VALUES ($1, $2, $3, now(), $4)
     ON CONFLICT (name) DO UPDATE SET segmentation_rubric_json = excluded.segmentation_rubric_json,
                                      delegation_rubric_json = excluded.delegation_rubric_json`,
    [exercise, JSON.stringify(rubrics.segmentation), JSON.stringify(rubrics.delegation), by],
  );
}

/** Whether an exercise of this name exists, ignoring case (names differing only in case are one name). */
export async function exerciseExists(ws: Workspace, name: string): Promise<boolean> {
  return (await ws.one('SELECT name FROM assessment_exercise WHERE lower(name) = lower($1)', [name])) !== undefined;
}

export async function listExercises(ws: Workspace) {
  return ws.all<{ name: string; assessors: number; services: number; ran: boolean }>(
    `SELECT e.name, CAST(count(DISTINCT a.assessor) AS INTEGER) AS assessors,
            CAST(count(DISTINCT a.service_code) AS INTEGER) AS services, r.exercise IS NOT NULL AS ran
       FROM assessment_exercise e LEFT JOIN assessment a ON a.exercise = e.name
       LEFT JOIN delegation_result r ON r.exercise = e.name
      GROUP BY e.name, r.exercise ORDER BY e.name`,
  );
}
