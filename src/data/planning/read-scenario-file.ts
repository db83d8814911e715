// A scenario file from disk: JSON text, read whole (scenarios are small).
import { readFile, stat } from 'node:fs/promises';
import { fail } from '../../core/errors.ts';

const MAX_BYTES = 5_000_000;

export async function readScenarioFile(file: string): Promise<unknown> {
  let text: string;
  try {
    if ((await stat(file)).size > MAX_BYTES) {
      fail('FP_PLAN_BAD_FILE', `${file} is larger than a scenario can be.`, {
        where: { file },
        accepted: `a JSON file of at most ${MAX_BYTES / 1_000_000} MB`,
      });
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { problem?: unknown }).problem) throw error;
    return fail('FP_PLAN_BAD_FILE', `${file} cannot be read.`, {
      where: { file },
      received: (error as NodeJS.ErrnoException).code ?? 'an unreadable file',
      accepted: 'a readable scenario JSON file',
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail('FP_PLAN_BAD_FILE', `${file} is not JSON.`, {
      where: { file },
      received: (error as Error).message,
      accepted: 'a scenario as JSON (docs/scenario.md)',
    });
  }
}
