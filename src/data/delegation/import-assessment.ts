// Imports one assessor's answers into an exercise from CSV or XLSX, all or nothing: a file with any bad row
// changes nothing, and the error names the first bad row and field. Re-importing replaces that assessor's
// answers. The exercise is created on first import with the rubrics given (default: the shipped ones).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { fail } from '../../core/errors.ts';
import { readAssessmentRows } from '../../core/segmentation/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { parseCsv } from '../csv/parse-csv.ts';
import { cellText } from '../import/xlsx.ts';
import type { Workspace } from '../workspace.ts';
import { checkName, exerciseRubrics, saveExercise } from './exercises.ts';
import { currentServiceCodes, loadRubrics, type Rubrics, refuse } from './rubrics.ts';

export interface AssessmentImport {
  file: string;
  exercise: string;
  assessor: string;
  /** Who imports it, for the audit trail. */
  by: { actor: string; organisation: string };
  /** Rubric files for a new exercise; ignored when the exercise exists. */
  rubricFiles?: { segmentation?: string; delegation?: string };
}

async function readTable(file: string): Promise<{ header: string[]; rows: (string | null)[][] }> {
  if (/\.xlsx$/i.test(file)) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.readFile(file);
    } catch {
      fail('FP_ASSESS_BAD_FILE', 'The workbook cannot be read.', { where: { file } });
    }
    const rows: (string | null)[][] = [];
    book.worksheets[0]?.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(Array.from(values, (v) => cellText(v)));
    });
    const [header, ...data] = rows;
    return { header: (header ?? []).map((h) => h ?? ''), rows: data };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail('FP_ASSESS_BAD_FILE', 'The assessment file does not exist or cannot be read.', { where: { file } });
  }
  const table = parseCsv(text, file);
  return { header: table.header, rows: table.rows };
}

export async function importAssessment(
  ws: Workspace,
  options: AssessmentImport,
): Promise<{ rows: number; services: number }> {
  const exercise = checkName('exercise', options.exercise);
  const assessor = checkName('assessor', options.assessor);
  const exists = await ws.one('SELECT name FROM assessment_exercise WHERE name = $1', [exercise]);
  const rubrics: Rubrics = exists ? await exerciseRubrics(ws, exercise) : await loadRubrics(ws, options.rubricFiles);
  const table = await readTable(options.file);
  if (table.rows.length === 0) {
    fail('FP_ASSESS_BAD_FILE', 'The assessment file has no data rows.', { where: { file: options.file } });
  }
  const { value, issues } = readAssessmentRows(table, options.file, rubrics, await currentServiceCodes(ws));
  if (issues.length > 0) refuse(issues);
  await ws.transaction(async () => {
    if (!exists) await saveExercise(ws, exercise, rubrics, options.by.actor);
    await ws.run('DELETE FROM assessment WHERE exercise = $1 AND assessor = $2', [exercise, assessor]);
    for (const row of value) {
      await ws.run('INSERT INTO assessment VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())', [
        exercise,
        assessor,
        row.serviceCode,
        row.item,
        row.score,
        row.answer,
        row.evidence,
        options.file,
      ]);
    }
    await recordAudit(ws, {
      ...options.by,
      objectType: 'assessment',
      objectId: `${exercise}/${assessor}`,
      action: 'import',
      before: null,
      after: { file: options.file, rows: value.length },
    });
  });
  return { rows: value.length, services: new Set(value.map((r) => r.serviceCode)).size };
}
