// Provider figures stored with each run (src/data/queries/provider-figures.ts), read by the provider page:
// recomputed here from the run's flows and the activity rows themselves, to the penny; replaced, not added
// to, by a second run; and the same when migration 23 fills them in for a run stored before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNALLOCATED } from '../../src/core/basis/index.ts';
import { providerFiguresSql } from '../../src/data/queries/provider-figures-sql.ts';
import { runBasisConversion } from '../../src/data/run/run-basis-conversion.ts';
import type { Workspace } from '../../src/data/workspace.ts';
import { createApiWorkspace, TEST_DATASET } from './api/support/api-workspace.ts';

let ws: Workspace;

beforeAll(async () => {
  ws = await createApiWorkspace(6_000);
  // Some rows carry no patient count, so some services have income but no counted patients; unknown
  // residence is left unallocated, so it is income from outside the host ICB.
  await ws.run('UPDATE activity SET patients = NULL WHERE hash(service_code || provider_code) % 3 = 0');
  await runBasisConversion(ws, { dataset: TEST_DATASET, unknownResidenceRule: 'unallocated' });
}, 120_000);

afterAll(() => ws.close());

interface Figures {
  income: number | null;
  others: number | null;
  activity: number | null;
  patients: number | null;
  patientCost: number | null;
}

const pence = (text: string | null) => (text === null ? null : Math.round(Number(text) * 100));

/** The stored figures, money in whole pence, keyed by year, provider and service. */
async function stored(): Promise<Map<string, Figures>> {
  const rows = await ws.all<{ key: string; income: string | null; others: string | null } & Figures>(
    `SELECT financial_year || ' ' || provider_code || ' ' || service_code AS key,
            CAST(income AS VARCHAR) AS income, CAST(income_from_others AS VARCHAR) AS others, activity, patients,
            CAST(patient_cost AS VARCHAR) AS "patientCost"
       FROM provider_figure WHERE dataset = $1 AND vintage = '2026'`,
    [TEST_DATASET],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      {
        income: pence(r.income),
        others: pence(r.others),
        activity: r.activity,
        patients: r.patients,
        patientCost: pence(r.patientCost as unknown as string | null),
      },
    ]),
  );
}

describe('provider figures stored with a run', () => {
  it("hold each provider's income, income from other ICBs' residents, activity and counted patients by year and service, as its flows and activity rows add up", async () => {
    const expected = new Map<string, Figures>();
    const at = (key: string) => {
      let f = expected.get(key);
      if (!f) {
        f = { income: null, others: null, activity: null, patients: null, patientCost: null };
        expected.set(key, f);
      }
      return f;
    };
    const flows = await ws.all<{ key: string; resident: string; host: string; spend: string; activity: number }>(
      `SELECT financial_year || ' ' || provider_code || ' ' || service_code AS key, resident_icb AS resident,
              provider_icb AS host, CAST(spend AS VARCHAR) AS spend, activity
         FROM flow WHERE dataset = $1 AND vintage = '2026'`,
      [TEST_DATASET],
    );
    for (const r of flows) {
      const f = at(r.key);
      const spend = pence(r.spend)!;
      f.income = (f.income ?? 0) + spend;
      f.others = (f.others ?? 0) + (r.resident !== r.host ? spend : 0);
      f.activity = (f.activity ?? 0) + r.activity;
    }
    const counted = await ws.all<{ key: string; patients: number; cost: string }>(
      `SELECT financial_year || ' ' || provider_code || ' ' || service_code AS key, patients, CAST(cost AS VARCHAR) AS cost
         FROM activity WHERE dataset = $1 AND patients IS NOT NULL`,
      [TEST_DATASET],
    );
    for (const r of counted) {
      const f = at(r.key);
      f.patients = (f.patients ?? 0) + r.patients;
      f.patientCost = (f.patientCost ?? 0) + pence(r.cost)!;
    }
    // The workspace has what the figures must tell apart: unknown residence, and income with no patients.
    expect(flows.some((r) => r.resident === UNALLOCATED)).toBe(true);
    expect([...expected.values()].some((f) => f.income !== null && f.patients === null)).toBe(true);
    expect(await stored()).toEqual(expected);
  });

  it('are replaced by a second run of the same dataset, not added to', async () => {
    const before = await stored();
    await runBasisConversion(ws, { dataset: TEST_DATASET, unknownResidenceRule: 'unallocated' });
    expect(await stored()).toEqual(before);
  });

  it('are the same when migration 23 fills them in for a run stored before it', async () => {
    const byRun = await stored();
    await ws.run('DELETE FROM provider_figure');
    await ws.run(`INSERT INTO provider_figure ${providerFiguresSql('every run')}`);
    expect(await stored()).toEqual(byRun);
  });
});
