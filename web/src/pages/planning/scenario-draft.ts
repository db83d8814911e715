// The scenario being edited, as plain data: where a new one starts (the shipped template, moved to a
// year the workspace has and to the editor's own ICB), and the edits that keep it consistent — per-year
// lists resized with the horizon, control totals following the units.
import type { PlanningChoices } from '../../../../src/core/planning/plan-answers.ts';
import type { Scenario } from '../../../../src/core/planning/scenario-schema.ts';

/** '2024/25' → the plan years after it: '2025/26', '2026/27', … */
export function planYears(baseYear: string, years: number): string[] {
  const start = Number.parseInt(baseYear.slice(0, 4), 10);
  if (!Number.isFinite(start)) return Array.from({ length: years }, (_, i) => `Year ${i + 1}`);
  return Array.from({ length: years }, (_, i) => {
    const first = start + i + 1;
    return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
  });
}

/** An element id for a field path: 'qipp[0].rates[1]' → 'field-qipp-0-rates-1'. */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

const resize = (values: readonly number[] | undefined, years: number, fill: number): number[] =>
  Array.from({ length: years }, (_, i) => values?.[i] ?? values?.[values.length - 1] ?? fill);

/** The same scenario over `years` plan years: lists are cut, or extended by repeating their last value. */
export function withYears(s: Scenario, years: number): Scenario {
  const byPod = s.growth.nonDemographic.byPod;
  return {
    ...s,
    years,
    growth: {
      demographic: s.growth.demographic === 'projections' ? 'projections' : resize(s.growth.demographic, years, 0),
      nonDemographic: {
        default: resize(s.growth.nonDemographic.default, years, 0),
        ...(byPod && {
          byPod: Object.fromEntries(Object.entries(byPod).map(([pod, rates]) => [pod, resize(rates, years, 0)])),
        }),
      },
      inflation: resize(s.growth.inflation, years, 0),
    },
    qipp: s.qipp.map((q) => ({
      ...q,
      // A later year's new tranche defaults to none, not a repeat of the last year's.
      rates: Array.from({ length: years }, (_, i) => q.rates[i] ?? 0),
      ...(q.startMonth && { startMonth: Array.from({ length: years }, (_, i) => q.startMonth?.[i] ?? 1) }),
    })),
    allocation: {
      ...s.allocation,
      growth: resize(s.allocation.growth, years, 0),
      ...(s.allocation.controlTotals && {
        controlTotals: Object.fromEntries(
          Object.entries(s.allocation.controlTotals).map(([unit, totals]) => [unit, resize(totals, years, 0)]),
        ),
      }),
    },
  };
}

/** The scenario planning these units; control totals of units no longer planned are dropped. */
export function withUnits(s: Scenario, units: string[]): Scenario {
  const totals = s.allocation.controlTotals;
  return {
    ...s,
    units,
    allocation: {
      ...s.allocation,
      ...(totals && {
        controlTotals: Object.fromEntries(
          units.map((u) => [u, totals[u] ?? Array.from({ length: s.years }, () => 0)] as const),
        ),
      }),
    },
  };
}

/** The template, from the latest year with activity, for the editor's ICB when they belong to one. */
export function startingDraft(
  template: Scenario,
  choices: PlanningChoices,
  organisation: { code: string; type: string },
): Scenario {
  const baseYear = choices.baseYears[choices.baseYears.length - 1] ?? template.baseYear;
  const draft = { ...template, baseYear };
  return organisation.type === 'icb' ? withUnits(draft, [organisation.code]) : draft;
}

/** Whether the form can lay the scenario out; a draft pasted as JSON may not have the shape yet. */
export function formCanShow(s: unknown): s is Scenario {
  const x = s as Scenario | null;
  const list = (v: unknown) => Array.isArray(v);
  return Boolean(
    x &&
      typeof x === 'object' &&
      Number.isInteger(x.years) &&
      x.years >= 1 &&
      x.years <= 10 &&
      list(x.units) &&
      x.growth &&
      (list(x.growth.demographic) || x.growth.demographic === 'projections') &&
      x.growth.nonDemographic &&
      list(x.growth.nonDemographic.default) &&
      list(x.growth.inflation) &&
      list(x.qipp) &&
      x.qipp.every((q) => q && typeof q === 'object' && list(q.rates) && q.scope && typeof q.scope === 'object') &&
      x.allocation &&
      list(x.allocation.growth),
  );
}
