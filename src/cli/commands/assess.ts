// `footprint assess import FILE --exercise NAME --assessor NAME`: one assessor's segmentation scores and
// delegation answers into an exercise.
import type { Command } from 'commander';
import { importAssessment } from '../../data/delegation/import-assessment.ts';
import { compareExercise, reconcileOutcome } from '../../data/delegation/reconcile.ts';
import { say } from '../output.ts';
import { cliSession, openCliWorkspace } from '../session.ts';

export function register(program: Command): void {
  const assess = program
    .command('assess')
    .description('Import assessments of services into a segmentation and delegation exercise.');
  assess
    .command('import')
    .description('Import one assessor’s answers (CSV or XLSX: service, item, answer, evidence).')
    .argument('<file>', 'CSV or XLSX file, one row per service and item')
    .requiredOption('--exercise <name>', 'exercise name, e.g. "Delegation 2023" (created on first import)')
    .requiredOption('--assessor <name>', 'who assessed, e.g. "North region"')
    .option(
      '--segmentation-rubric <file>',
      'rubric for a new exercise (default definitions/rubrics/segmentation-default.json)',
    )
    .option(
      '--delegation-rubric <file>',
      'rubric for a new exercise (default definitions/rubrics/delegation-default.json)',
    )
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(
      async (
        file: string,
        opts: {
          exercise: string;
          assessor: string;
          segmentationRubric?: string;
          delegationRubric?: string;
          workspace?: string;
        },
      ) => {
        const ws = await openCliWorkspace(opts.workspace);
        try {
          const done = await importAssessment(ws, {
            file,
            exercise: opts.exercise,
            assessor: opts.assessor,
            by: cliSession().actor,
            rubricFiles: { segmentation: opts.segmentationRubric, delegation: opts.delegationRubric },
          });
          say(`Imported ${done.rows} answers on ${done.services} services for ${opts.assessor} in ${opts.exercise}`);
        } finally {
          ws.close();
        }
      },
    );

  assess
    .command('compare')
    .description('Compare the assessors: agreement and kappa per factor, levels per service, disagreements.')
    .requiredOption('--exercise <name>', 'exercise name')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(async (opts: { exercise: string; workspace?: string }) => {
      const ws = await openCliWorkspace(opts.workspace, { readOnly: true });
      try {
        say(JSON.stringify(await compareExercise(ws, opts.exercise), null, 2));
      } finally {
        ws.close();
      }
    });
  assess
    .command('reconcile')
    .description('Record the reconciled outcome of a service, with the rationale and who agreed it.')
    .requiredOption('--exercise <name>', 'exercise name')
    .requiredOption('--service <code>', 'service code')
    .requiredOption('--outcome <outcome>', 'suitable-and-ready, suitable-not-yet-ready or not-suitable')
    .option('--level <level>', 'icb-or-multi-icb, sub-regional-hub or national-regional')
    .requiredOption('--rationale <text>', 'why')
    .requiredOption('--agreed-by <who>', 'who agreed it')
    .option('--workspace <dir>', 'workspace folder (default ./workspace or FOOTPRINT_WORKSPACE)')
    .action(
      async (opts: {
        exercise: string;
        service: string;
        outcome: string;
        level?: string;
        rationale: string;
        agreedBy: string;
        workspace?: string;
      }) => {
        const ws = await openCliWorkspace(opts.workspace);
        try {
          await reconcileOutcome(
            ws,
            {
              exercise: opts.exercise,
              serviceCode: opts.service,
              outcome: opts.outcome,
              level: opts.level ?? null,
              rationale: opts.rationale,
              agreedBy: opts.agreedBy,
            },
            cliSession().actor,
          );
          say(`Recorded ${opts.outcome} for ${opts.service} in ${opts.exercise}`);
        } finally {
          ws.close();
        }
      },
    );
}
