// Reads the shipped KPI escalation rules (definitions/kpi-escalation.json) once per process; a file that
// does not match its schema stops with the first problem, naming the field.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FootprintError, fail } from '../../core/errors.ts';
import { type EscalationRules, parseEscalationRules } from '../../core/quality/index.ts';

export const ESCALATION_RULES_FILE = resolve(import.meta.dirname, '../../../definitions/kpi-escalation.json');

let shipped: EscalationRules | undefined;

export function readEscalationRules(file = ESCALATION_RULES_FILE): EscalationRules {
  if (file === ESCALATION_RULES_FILE && shipped) return shipped;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail('FP_KPI_BAD_RULES', 'The KPI escalation rules file cannot be read as JSON.', {
      where: { file },
      received: error instanceof Error ? error.message : String(error),
    });
  }
  const { value, issues } = parseEscalationRules(json, file);
  if (!value) throw new FootprintError(issues[0]!);
  if (file === ESCALATION_RULES_FILE) shipped = value;
  return value;
}
