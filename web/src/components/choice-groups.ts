// How the long choice lists are grouped: footprints by kind (ICBs, NHS England regions, groups of ICBs
// such as genomic laboratory hubs and networks, and footprints people defined), services by programme of
// care. Within a group, choices are in alphabetical order.
import type { FootprintRow } from '../../../src/core/footprints/footprints-answer.ts';
import type { ServiceRow } from '../../../src/core/services/service-answers.ts';
import type { ChoiceGroup } from './grouped-select.tsx';

const FOOTPRINT_GROUPS: { kind: string; label: string }[] = [
  { kind: 'icb', label: 'Integrated care boards' },
  { kind: 'region', label: 'NHS England regions' },
  { kind: 'group', label: 'Groups of ICBs (hubs and networks)' },
  { kind: 'user', label: 'Footprints defined here' },
];

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en-GB');

export function footprintGroups(rows: FootprintRow[]): ChoiceGroup[] {
  const known = new Set(FOOTPRINT_GROUPS.map((g) => g.kind));
  return [...FOOTPRINT_GROUPS, { kind: '', label: 'Other footprints' }]
    .map((g) => ({
      label: g.label,
      options: rows
        .filter((r) => (g.kind ? r.kind === g.kind : !known.has(r.kind)))
        .map((r) => ({ value: r.name, label: r.name }))
        .sort(byLabel),
    }))
    .filter((g) => g.options.length > 0);
}

export const PROGRAMME_NOT_RECORDED = 'Programme of care not recorded';

/** Services by programme of care, whatever the catalogue holds there; blank goes under "not recorded". */
export function serviceGroups(rows: Pick<ServiceRow, 'code' | 'name' | 'programme'>[]): ChoiceGroup[] {
  const programmes = [...new Set(rows.map((r) => r.programme || PROGRAMME_NOT_RECORDED))].sort((a, b) =>
    a === PROGRAMME_NOT_RECORDED ? 1 : b === PROGRAMME_NOT_RECORDED ? -1 : a.localeCompare(b, 'en-GB'),
  );
  return programmes.map((programme) => ({
    label: programme,
    options: rows
      .filter((r) => (r.programme || PROGRAMME_NOT_RECORDED) === programme)
      .map((r) => ({ value: r.code, label: r.name }))
      .sort(byLabel),
  }));
}
