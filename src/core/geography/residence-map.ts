// Every residence code an import accepts, and the ICB it counts towards in each geography vintage.
// A code that exists in a vintage takes that vintage's own ICB ('same-code'). A code that does not
// (an ICB that merged away, Frimley's split, a sub-ICB created in 2026) goes to the ICB holding the
// largest share of its GP practices' population in that vintage.
import { assignLargestShare } from './largest-share.ts';

/** '2022' is the July 2022 ONS lookup: the 2023 geography before Surrey Heartlands and Sussex were recoded. */
export type ResidenceVintage = '2022' | '2023' | '2026';
export type ResidenceCodeKind = 'sub-icb' | 'icb';
export type ResidenceMethod = 'same-code' | 'largest-share-of-practice-population';

/** One practice's place in both geographies, with the population that weights it. */
export interface PracticeGeography {
  population: number;
  subIcb2023: string | null;
  icb2023: string | null;
  subIcb2026: string | null;
  icb2026: string | null;
}

export type PracticeLevel = 'subIcb2023' | 'icb2023' | 'subIcb2026' | 'icb2026';

/** A code as one vintage's list defines it: the ICB (ODS) it belongs to there, and which practices make
 * up its area (for an ONS code, the practices of the ODS code it stands for). */
export interface ResidenceCodeDefinition {
  code: string;
  kind: ResidenceCodeKind;
  vintage: ResidenceVintage;
  icb: string;
  area: { level: PracticeLevel; code: string };
}

export interface ResidenceMapEntry {
  code: string;
  codeKind: ResidenceCodeKind;
  /** The vintages whose lists hold the code, comma-separated: '2022,2023,2026'. */
  sourceVintage: string;
  icb2026: string;
  icb2023: string;
  method: ResidenceMethod;
}

export interface ResidenceMapResult {
  value: ResidenceMapEntry[];
  /** Codes for which no ICB could be found in some vintage (no practices in their area). */
  unmapped: string[];
}

/** Builds the residence map from each vintage's definitions and the practices that join the vintages.
 * Codes are upper-cased; entries come out sorted by code. */
export function buildResidenceMap(
  definitions: readonly ResidenceCodeDefinition[],
  practices: readonly PracticeGeography[],
): ResidenceMapResult {
  const byCode = new Map<string, ResidenceCodeDefinition[]>();
  for (const d of definitions) {
    const code = d.code.toUpperCase();
    byCode.set(code, [...(byCode.get(code) ?? []), d]);
  }
  const value: ResidenceMapEntry[] = [];
  const unmapped: string[] = [];
  for (const code of [...byCode.keys()].sort()) {
    const defs = byCode.get(code)!;
    const old = defs.find((d) => d.vintage === '2023') ?? defs.find((d) => d.vintage === '2022');
    const current = defs.find((d) => d.vintage === '2026');
    const icb2023 = old?.icb ?? (current ? largestShareOf(current.area, 'icb2023', practices) : null);
    const icb2026 = current?.icb ?? (old ? largestShareOf(old.area, 'icb2026', practices) : null);
    if (!icb2023 || !icb2026) {
      unmapped.push(code);
      continue;
    }
    value.push({
      code,
      codeKind: defs[0]!.kind,
      sourceVintage: [...new Set(defs.map((d) => d.vintage))].sort().join(','),
      icb2026,
      icb2023,
      method: old && current ? 'same-code' : 'largest-share-of-practice-population',
    });
  }
  return { value, unmapped };
}

function largestShareOf(
  area: ResidenceCodeDefinition['area'],
  targetLevel: 'icb2023' | 'icb2026',
  practices: readonly PracticeGeography[],
): string | null {
  const overlaps = practices.flatMap((p) => {
    const target = p[targetLevel];
    return p[area.level] === area.code && target ? [{ area: area.code, target, population: p.population }] : [];
  });
  return assignLargestShare(overlaps).get(area.code)?.target ?? null;
}
