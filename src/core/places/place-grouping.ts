// A user's own places for one ICB, as NHS England's place-based allocation tool lets them: named groups of
// the ICB's GP practices. Checked whole before anything is stored: every practice named must be one of the
// ICB's, no practice may be in two places, and no practice of the ICB may be left out. Each problem names
// the practices concerned, so the user can fix the grouping in one go.
import { fail } from '../errors.ts';
import type { PracticeGroup } from './default-groupings.ts';

export interface PlaceDefinition {
  name: string;
  practices: readonly string[];
}

const PLACE_NAME = /^[A-Za-z0-9&,'\- ]{1,80}$/;
/** How many practice codes a message lists before "and N more". */
const LISTED = 12;

function listed(codes: readonly string[]): string {
  const shown = codes.slice(0, LISTED).join(', ');
  return codes.length > LISTED ? `${shown} and ${codes.length - LISTED} more` : shown;
}

export function checkPlaceName(name: string, parameter: string): string {
  const trimmed = name.trim();
  if (!PLACE_NAME.test(trimmed)) {
    fail('FP_PLACE_BAD_NAME', `"${name}" is not a usable name.`, {
      where: { parameter },
      received: name,
      accepted: "1–80 letters, digits, spaces, hyphens, apostrophes, commas or ampersands, e.g. 'Croydon'",
    });
  }
  return trimmed;
}

/** The grouping as PracticeGroups (ids `<icb>:<n>` in the order given), or a FootprintError naming the
 * practices that overlap, are unknown or are left out. `icbPractices` = every practice of the ICB. */
export function checkPlaceGrouping(
  icbCode: string,
  icbPractices: readonly string[],
  places: readonly PlaceDefinition[],
): PracticeGroup[] {
  if (places.length === 0) {
    fail('FP_PLACE_PRACTICES_LEFT_OUT', `A place grouping for ${icbCode} needs at least one place.`, {
      where: { parameter: 'places' },
      received: '(no places)',
      accepted: `places that between them hold all ${icbPractices.length} practices of ${icbCode}`,
    });
  }
  const inIcb = new Set(icbPractices);
  const placeOf = new Map<string, string>();
  const names = new Set<string>();
  const groups: PracticeGroup[] = [];
  const unknown: string[] = [];
  const overlaps: string[] = [];
  places.forEach((place, index) => {
    const name = checkPlaceName(place.name, `places[${index}].name`);
    if (names.has(name.toLowerCase())) {
      fail('FP_PLACE_BAD_NAME', `Two places are called "${name}".`, {
        where: { parameter: `places[${index}].name` },
        received: name,
        accepted: 'a different name for each place',
      });
    }
    names.add(name.toLowerCase());
    const codes = [...new Set(place.practices.map((c) => c.trim().toUpperCase()))];
    if (codes.length === 0) {
      fail('FP_PLACE_PRACTICES_LEFT_OUT', `The place "${name}" has no practices.`, {
        where: { parameter: `places[${index}].practices` },
        received: '(none)',
        accepted: `one or more GP practice codes of ${icbCode}`,
      });
    }
    for (const code of codes) {
      if (!inIcb.has(code)) unknown.push(code);
      else if (placeOf.has(code)) overlaps.push(`${code} (in "${placeOf.get(code)}" and "${name}")`);
      else placeOf.set(code, name);
    }
    groups.push({ id: `${icbCode}:${index + 1}`, icbCode, name, practices: codes.filter((c) => inIcb.has(c)).sort() });
  });
  if (unknown.length > 0) {
    fail(
      'FP_PLACE_UNKNOWN_PRACTICE',
      `${unknown.length} practice code(s) are not GP practices of ${icbCode}: ${listed(unknown)}.`,
      {
        where: { parameter: 'places[].practices' },
        received: listed(unknown),
        accepted: `GP practice codes of ${icbCode} in the August 2026 practice map`,
      },
    );
  }
  if (overlaps.length > 0) {
    fail('FP_PLACE_OVERLAP', `${overlaps.length} practice(s) are in more than one place: ${listed(overlaps)}.`, {
      where: { parameter: 'places[].practices' },
      received: listed(overlaps),
      accepted: 'each practice in exactly one place',
    });
  }
  const leftOut = icbPractices.filter((code) => !placeOf.has(code)).sort();
  if (leftOut.length > 0) {
    fail(
      'FP_PLACE_PRACTICES_LEFT_OUT',
      `${leftOut.length} practice(s) of ${icbCode} are in no place: ${listed(leftOut)}.`,
      {
        where: { parameter: 'places[].practices' },
        received: listed(leftOut),
        accepted: `all ${icbPractices.length} practices of ${icbCode}, each in exactly one place`,
        hint: 'Add them to a place, or make a place for them.',
      },
    );
  }
  return groups;
}
