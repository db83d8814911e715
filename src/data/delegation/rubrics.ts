// Reads rubric files (the shipped defaults in definitions/rubrics/, or a user's changed copy) and checks
// them against the workspace's services catalogue. A rubric with problems is refused whole.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DelegationRubric, parseDelegationRubric } from '../../core/definitions/delegation-rubric.ts';
import { parseSegmentationRubric, type SegmentationRubric } from '../../core/definitions/segmentation-rubric.ts';
import { FootprintError, fail, type Problem } from '../../core/errors.ts';
import type { Workspace } from '../workspace.ts';

export const RUBRICS_DIR = resolve(import.meta.dirname, '../../../definitions/rubrics');
export const DEFAULT_SEGMENTATION_RUBRIC = resolve(RUBRICS_DIR, 'segmentation-default.json');
export const DEFAULT_DELEGATION_RUBRIC = resolve(RUBRICS_DIR, 'delegation-default.json');

export interface Rubrics {
  segmentation: SegmentationRubric;
  delegation: DelegationRubric;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail('FP_RUBRIC_BAD_FILE', 'The rubric file cannot be read.', { where: { file } });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail('FP_RUBRIC_BAD_FILE', 'The rubric file is not JSON.', { where: { file }, received: (error as Error).message });
  }
}

/** Throws the first problem, saying how many more there are. */
export function refuse(issues: readonly Problem[]): never {
  const [first, ...rest] = issues;
  throw new FootprintError({ ...first!, hint: rest.length > 0 ? `…and ${rest.length} more problem(s).` : first!.hint });
}

export async function currentServiceCodes(ws: Workspace): Promise<Set<string>> {
  return new Set(
    (await ws.all<{ code: string }>('SELECT service_code AS code FROM service WHERE is_current')).map((r) => r.code),
  );
}

export async function loadRubrics(
  ws: Workspace,
  files: { segmentation?: string; delegation?: string } = {},
): Promise<Rubrics> {
  const segmentationFile = files.segmentation ?? DEFAULT_SEGMENTATION_RUBRIC;
  const delegationFile = files.delegation ?? DEFAULT_DELEGATION_RUBRIC;
  return checkRubrics(ws, readJson(segmentationFile), readJson(delegationFile), segmentationFile, delegationFile);
}

/** Parses both rubrics (from files, a stored exercise or a request body), refusing them on any problem. */
export async function checkRubrics(
  ws: Workspace,
  segmentationJson: unknown,
  delegationJson: unknown,
  segmentationFile = 'segmentation rubric',
  delegationFile = 'delegation rubric',
): Promise<Rubrics> {
  const segmentation = parseSegmentationRubric(segmentationJson, segmentationFile);
  if (!segmentation.value) refuse(segmentation.issues);
  const delegation = parseDelegationRubric(delegationJson, delegationFile, await currentServiceCodes(ws));
  if (!delegation.value) refuse(delegation.issues);
  return { segmentation: segmentation.value, delegation: delegation.value };
}
