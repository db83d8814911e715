// The default places and neighbourhoods below an ICB, built from its GP practices: a place is a local
// authority district's practices within the ICB (a district split between two ICBs makes a place in each),
// a neighbourhood is a primary care network's practices within the ICB. A practice with no district or no
// PCN goes to a catch-all group of its ICB, so every practice is in exactly one place and one neighbourhood.

export interface PracticeGeography {
  practiceCode: string;
  icbCode: string;
  ladCode: string | null;
  ladName: string | null;
  pcnCode: string | null;
  pcnName: string | null;
}

/** A named group of practices within one ICB. `id` is unique across England. */
export interface PracticeGroup {
  id: string;
  icbCode: string;
  name: string;
  practices: string[];
}

export const NO_DISTRICT = 'local authority not known';
export const NO_PCN = 'in no primary care network';

function groupBy(
  practices: readonly PracticeGeography[],
  keyOf: (p: PracticeGeography) => { code: string; name: string },
): PracticeGroup[] {
  const groups = new Map<string, PracticeGroup>();
  for (const practice of practices) {
    const { code, name } = keyOf(practice);
    const id = `${practice.icbCode}:${code}`;
    const group = groups.get(id) ?? { id, icbCode: practice.icbCode, name, practices: [] };
    group.practices.push(practice.practiceCode);
    groups.set(id, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, practices: g.practices.sort() }))
    .sort((a, b) => a.icbCode.localeCompare(b.icbCode) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Places = local authority districts within each ICB. */
export function localAuthorityPlaces(practices: readonly PracticeGeography[]): PracticeGroup[] {
  return groupBy(practices, (p) =>
    p.ladCode
      ? { code: p.ladCode, name: p.ladName ?? p.ladCode }
      : { code: 'no-district', name: `Practices with ${NO_DISTRICT}` },
  );
}

/** Neighbourhoods = primary care networks within each ICB. */
export function pcnNeighbourhoods(practices: readonly PracticeGeography[]): PracticeGroup[] {
  return groupBy(practices, (p) =>
    p.pcnCode ? { code: p.pcnCode, name: p.pcnName ?? p.pcnCode } : { code: 'no-pcn', name: `Practices ${NO_PCN}` },
  );
}
