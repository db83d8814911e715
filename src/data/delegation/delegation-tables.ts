// A delegation result as export tables: outcomes per service, the summary per outcome and per tier, and the
// evidence per service × footprint. The CLI's csv/xlsx and the web app's Excel export use the same tables.
import type { Table } from '../export/table.ts';
import type { DelegationResult } from './run-delegation.ts';

export function delegationTables(result: DelegationResult): Table[] {
  return [
    {
      name: 'Outcomes',
      columns: [
        { key: 'service', header: 'Service code', kind: 'text' },
        { key: 'name', header: 'Service', kind: 'text' },
        { key: 'highlySpecialised', header: 'Highly specialised', kind: 'text' },
        { key: 'suitability', header: 'Suitable', kind: 'text' },
        { key: 'readiness', header: 'Ready', kind: 'text' },
        { key: 'outcome', header: 'Outcome', kind: 'text' },
        { key: 'reason', header: 'Why', kind: 'text' },
        { key: 'missing', header: 'Needs information on', kind: 'text' },
        { key: 'level', header: 'Segmentation level', kind: 'text' },
        { key: 'tier', header: 'Tier', kind: 'text' },
        { key: 'spend', header: 'National spend (£)', kind: 'money' },
        { key: 'nationalPatients', header: 'Patients a year', kind: 'number' },
        { key: 'providers', header: 'Providers', kind: 'number' },
        { key: 'medianIcbMissProbability', header: 'Miss probability at median ICB', kind: 'share' },
      ],
      rows: result.rows.map((r) => ({
        service: r.service,
        name: r.name,
        highlySpecialised: yesNo(r.highlySpecialised),
        suitability: yesNo(r.suitability),
        readiness: yesNo(r.readiness),
        outcome: r.outcome,
        reason: r.reason,
        missing: r.missing.join('; '),
        level: r.level,
        tier: r.tier,
        spend: r.spend,
        nationalPatients: r.evidence.nationalPatients,
        providers: r.evidence.providers,
        medianIcbMissProbability: r.evidence.medianIcbMissProbability,
      })),
    },
    summaryTable('By outcome', 'Outcome', result.summary.byOutcome),
    summaryTable('By tier', 'Tier', result.summary.byTier),
    summaryTable('Needs information', 'Missing', result.summary.missing),
    {
      name: 'Evidence per footprint',
      columns: [
        { key: 'service', header: 'Service code', kind: 'text' },
        { key: 'footprint', header: 'Footprint', kind: 'text' },
        { key: 'kind', header: 'Kind', kind: 'text' },
        { key: 'population', header: 'Population', kind: 'number' },
        { key: 'expectedPatients', header: 'Expected patients a year', kind: 'number' },
        { key: 'providersUsed', header: 'Providers used', kind: 'number' },
        { key: 'outOfFootprintShare', header: 'Treated outside', kind: 'share' },
        { key: 'occasionalProviders', header: 'Occasional-practice providers', kind: 'number' },
        { key: 'occasionalPracticeShare', header: 'Share at occasional providers', kind: 'share' },
        { key: 'missProbability', header: 'Miss probability', kind: 'share' },
        { key: 'passes', header: 'Passes', kind: 'text' },
        { key: 'fails', header: 'Fails on', kind: 'text' },
      ],
      rows: result.rows.flatMap((r) =>
        r.evidence.footprints.map((f) => ({
          service: r.service,
          footprint: f.footprint,
          kind: f.kind,
          population: f.population,
          expectedPatients: f.expectedPatients,
          providersUsed: f.providersUsed,
          outOfFootprintShare: f.outOfFootprintShare,
          occasionalProviders: f.occasionalProviders,
          occasionalPracticeShare: f.occasionalPracticeShare,
          missProbability: f.missProbability,
          passes: f.passes ? 'yes' : 'no',
          fails: f.fails.join(', '),
        })),
      ),
    },
  ];
}

function summaryTable(name: string, header: string, groups: DelegationResult['summary']['byOutcome']): Table {
  return {
    name,
    columns: [
      { key: 'group', header, kind: 'text' },
      { key: 'services', header: 'Services', kind: 'number' },
      { key: 'spend', header: 'National spend (£)', kind: 'money' },
      { key: 'spendShare', header: 'Share of spend', kind: 'share' },
    ],
    rows: groups.map((g) => ({ ...g })),
  };
}

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

/** The JSON the CLI prints: rows with service, suitability, readiness, outcome, tier and evidence; the
 * summary per outcome and per tier; the provenance. */
export function delegationJson(result: DelegationResult) {
  return {
    exercise: result.exercise,
    rows: result.rows.map((r) => ({
      service: r.service,
      name: r.name,
      suitability: r.suitability,
      readiness: r.readiness,
      outcome: r.outcome,
      reason: r.reason,
      missing: r.missing,
      level: r.level,
      tier: r.tier,
      spend: r.spend,
      evidence: r.evidence,
    })),
    summary: result.summary,
    provenance: result.provenance,
  };
}
