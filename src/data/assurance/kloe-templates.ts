// KLOE templates from definitions/kloe: every *.json file there is one version of one template. The
// default is the latest version of the five South of England questions.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type KloeTemplate, parseKloeTemplate } from '../../core/assurance/kloe-template.ts';
import { FootprintError, fail } from '../../core/errors.ts';

export const KLOE_DIR = resolve(import.meta.dirname, '../../../definitions/kloe');
export const DEFAULT_TEMPLATE_ID = 'specialised-stp-2017';

/** Reads and checks one template file; its first problem is thrown naming the file and field. */
export function readKloeTemplateFile(file: string): KloeTemplate {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail('FP_KLOE_BAD_TEMPLATE', `The KLOE template ${file} cannot be read as JSON.`, {
      where: { file },
      received: error instanceof Error ? error.message : String(error),
    });
  }
  const { value, issues } = parseKloeTemplate(json, file);
  if (!value) throw new FootprintError(issues[0]!);
  return value;
}

/** Every template version in the folder, by id then version. */
export function listKloeTemplates(dir = KLOE_DIR): KloeTemplate[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => readKloeTemplateFile(join(dir, f)))
    .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

/** The template with this id, at this version or else its latest. */
export function findKloeTemplate(id: string = DEFAULT_TEMPLATE_ID, version?: number, dir = KLOE_DIR): KloeTemplate {
  const versions = listKloeTemplates(dir).filter((t) => t.id === id);
  const found = version === undefined ? versions.at(-1) : versions.find((t) => t.version === version);
  if (!found) {
    const known = [...new Set(listKloeTemplates(dir).map((t) => `${t.id} v${t.version}`))];
    fail('FP_KLOE_TEMPLATE_NOT_FOUND', `There is no KLOE template ${id}${version ? ` version ${version}` : ''}.`, {
      where: { parameter: 'template' },
      received: version ? `${id} v${version}` : id,
      accepted: known.join(', '),
    });
  }
  return found;
}
