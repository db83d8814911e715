// Shipped scenario templates (definitions/scenarios): starting points an editor copies and adapts. Each
// file is checked like any scenario, so a broken template is a clear error rather than a broken editor.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { FootprintError } from '../../core/errors.ts';
import { parseScenario, type Scenario } from '../../core/planning/scenario-schema.ts';

export const SCENARIO_TEMPLATE_DIR = resolve(import.meta.dirname, '../../../definitions/scenarios');

export interface ScenarioTemplate {
  /** The file name without .json, e.g. south-of-england-2017. */
  id: string;
  scenario: Scenario;
}

export function listScenarioTemplates(dir = SCENARIO_TEMPLATE_DIR): ScenarioTemplate[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const { value, issues } = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
      if (!value) throw new FootprintError(issues[0]!);
      return { id: basename(f, '.json'), scenario: value };
    });
}
