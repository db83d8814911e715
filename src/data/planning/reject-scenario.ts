// A scenario with problems is refused whole: the first problem is thrown, and the hint lists the others
// by field path so one round of fixing can deal with them all.
import { FootprintError, type Problem } from '../../core/errors.ts';

export function rejectScenario(problems: readonly Problem[]): void {
  const [first, ...rest] = problems;
  if (!first) return;
  const others = rest.map((p) => `${p.where?.field ?? '(scenario)'} (${p.code})`);
  const hint = others.length
    ? `${others.length} more problem${others.length === 1 ? '' : 's'}: ${others.slice(0, 20).join('; ')}${others.length > 20 ? '; …' : ''}.`
    : first.hint;
  throw new FootprintError({ ...first, ...(hint ? { hint } : {}) });
}
