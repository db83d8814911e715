// Payment mechanisms and CQUIN on the contracts register (docs/methods.md, "Payment mechanisms and CQUIN"):
// set per contract by an editor covering its lead commissioner (audited), read for the contracts a person
// can see, with each line's income under its mechanism, under block and under activity-based payment at the
// activity the plan expects in the contract's year (a named scenario's stored plan, else the baseline's),
// or the run's recorded activity for a year outside the plan. Kept beside the contracts register.
import { FootprintError, fail } from '../../core/errors.ts';
import {
  type ContractPaymentInput,
  type CquinRow,
  contractPaymentInputSchema,
  cquinEarnedPence,
  lineIncomePence,
  type PaymentLine,
  type PaymentRegister,
  type PlanGrowthRow,
  type ProviderIncome,
  planVolumeIndex,
  projectedActivity,
  RISK_SHARE_MECHANISMS,
  VOLUME_LINKED,
} from '../../core/payment/index.ts';
import { planFinancialYear } from '../../core/planning/plan-years.ts';
import { type Contract, listContracts } from '../assurance/contracts.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { currentDataset } from '../datasets/current-dataset.ts';
import { PLAN_VINTAGE } from '../planning/base-year-spend.ts';
import { BASELINE_NAME } from '../planning/baseline-scenarios.ts';
import { findScenario, getScenario } from '../planning/scenario-store.ts';
import { planStoredScenario, readStoredPlan } from '../planning/stored-plan.ts';
import { covers, requireOrganisation } from '../users/organisations.ts';
import type { User } from '../users/user-store.ts';
import type { Workspace } from '../workspace.ts';

const pence = (pounds: number) => Math.round(pounds * 100);
const pounds = (p: number) => p / 100;

function planned(contract: Contract, service: string): number {
  return contract.activityPlan.filter((a) => a.serviceCode === service).reduce((s, a) => s + a.activity, 0);
}

function lineProblem(parameter: string, message: string, received: string, accepted: string): never {
  fail('FP_PAYMENT_BAD_LINE', message, { where: { parameter }, received, accepted });
}

const OPTIONAL_FIELDS = ['fixedShare', 'outcomeShare', 'outcomeAchievement', 'providerShare', 'riskCap'] as const;

function checkLines(contract: Contract, input: ContractPaymentInput): void {
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    const at = `body.lines.${i}`;
    if (!contract.services.some((s) => s.serviceCode === line.serviceCode)) {
      fail('FP_PAYMENT_UNKNOWN_LINE', `Contract ${contract.id} has no line for ${line.serviceCode}.`, {
        where: { parameter: `${at}.serviceCode` },
        received: line.serviceCode,
        accepted: contract.services.map((s) => s.serviceCode).join(', '),
      });
    }
    if (seen.has(line.serviceCode)) {
      lineProblem(
        `${at}.serviceCode`,
        `${line.serviceCode} is given two mechanisms.`,
        line.serviceCode,
        'one per line',
      );
    }
    seen.add(line.serviceCode);
    if (line.mechanism === 'blended' && line.fixedShare === undefined) {
      lineProblem(`${at}.fixedShare`, 'A blended line needs its fixed share.', 'nothing', 'a share from 0 to 1');
    }
    if (line.mechanism === 'outcome' && (line.outcomeShare === undefined || line.outcomeAchievement === undefined)) {
      lineProblem(
        `${at}.${line.outcomeShare === undefined ? 'outcomeShare' : 'outcomeAchievement'}`,
        'An outcome-based line needs the share at risk and how far the outcomes were achieved.',
        'nothing',
        'shares from 0 to 1',
      );
    }
    const riskShare = RISK_SHARE_MECHANISMS.includes(line.mechanism);
    if (riskShare && line.providerShare === undefined) {
      lineProblem(
        `${at}.providerShare`,
        `A ${line.mechanism} line needs the provider's share of the variance against the target.`,
        'nothing',
        'a share from 0 to 1',
      );
    }
    if (line.mechanism === 'lead-provider' && line.riskCap === undefined) {
      lineProblem(
        `${at}.riskCap`,
        'A lead-provider line needs the cap on what the lead provider bears, as a share of the line’s value.',
        'nothing',
        'a share from 0 to 1',
      );
    }
    const usedBy: Record<(typeof OPTIONAL_FIELDS)[number], (m: PaymentLine['mechanism']) => boolean> = {
      fixedShare: (m) => m === 'blended',
      outcomeShare: (m) => m === 'outcome',
      outcomeAchievement: (m) => m === 'outcome',
      providerShare: (m) => RISK_SHARE_MECHANISMS.includes(m as never),
      riskCap: (m) => RISK_SHARE_MECHANISMS.includes(m as never),
    };
    const extra = OPTIONAL_FIELDS.find((f) => line[f] !== undefined && !usedBy[f](line.mechanism));
    if (extra) {
      lineProblem(
        `${at}.${extra}`,
        `${extra} is not used by a ${line.mechanism} line.`,
        String(line[extra]),
        'nothing',
      );
    }
    if (VOLUME_LINKED.includes(line.mechanism) && !(planned(contract, line.serviceCode) > 0)) {
      fail('FP_PAYMENT_NO_PLANNED_ACTIVITY', `Contract ${contract.id} plans no activity for ${line.serviceCode}.`, {
        where: { parameter: `${at}.mechanism` },
        received: line.mechanism,
        accepted: 'block or outcome, or add the service to the contract’s activity plan',
      });
    }
  });
  const schemes = new Set<string>();
  input.cquin.forEach((c, i) => {
    if (schemes.has(c.scheme)) {
      lineProblem(`body.cquin.${i}.scheme`, `Two CQUIN schemes are called ${c.scheme}.`, c.scheme, 'each name once');
    }
    schemes.add(c.scheme);
    if (pence(c.value) / 100 !== c.value) {
      lineProblem(`body.cquin.${i}.value`, 'A CQUIN value is pounds to the penny.', String(c.value), 'e.g. 25000.50');
    }
  });
}

/** Replaces a contract's payment mechanisms and CQUIN schemes. */
export async function setContractPayment(ws: Workspace, user: User, contractId: string, json: unknown): Promise<void> {
  const contract = (await listContracts(ws, user.organisation)).find((c) => c.id === contractId);
  if (!contract) {
    fail('FP_CONTRACT_NOT_FOUND', `There is no contract ${JSON.stringify(contractId)} you can see.`, {
      where: { parameter: 'id' },
      received: contractId,
    });
  }
  if (!covers(user.organisation, await requireOrganisation(ws, contract.leadCommissioner))) {
    fail('FP_AUTH_FORBIDDEN', `Only ${contract.leadCommissioner} (or an organisation covering it) sets its payment.`, {
      where: { parameter: 'id' },
      received: user.organisation.code,
    });
  }
  const parsed = contractPaymentInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['body', ...issue.path.map(String)].join('.');
    throw new FootprintError({
      code: 'FP_PAYMENT_BAD_INPUT',
      message: `${path}: ${issue.message}.`,
      where: { parameter: path },
      accepted:
        'lines [{serviceCode, mechanism, fixedShare?, outcomeShare?, outcomeAchievement?, providerShare?, riskCap?}] and cquin [{scheme, value, achievement}]',
    });
  }
  const input = parsed.data;
  checkLines(contract, input);
  const before = await storedPayment(ws, contractId);
  await ws.transaction(async () => {
    await ws.run('DELETE FROM contract_payment WHERE contract_id = $1', [contractId]);
    await ws.run('DELETE FROM contract_cquin WHERE contract_id = $1', [contractId]);
    for (const l of input.lines) {
      await ws.run(
        `INSERT INTO contract_payment (contract_id, service_code, mechanism, fixed_share, outcome_share,
           outcome_achievement, provider_share, risk_cap) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          contractId,
          l.serviceCode,
          l.mechanism,
          l.fixedShare ?? null,
          l.outcomeShare ?? null,
          l.outcomeAchievement ?? null,
          l.providerShare ?? null,
          l.riskCap ?? null,
        ],
      );
    }
    for (const c of input.cquin) {
      await ws.run('INSERT INTO contract_cquin VALUES ($1, $2, CAST($3 AS DECIMAL(18, 2)), $4)', [
        contractId,
        c.scheme,
        c.value.toFixed(2),
        c.achievement,
      ]);
    }
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'contract-payment',
      objectId: contractId,
      action: before.lines.length || before.cquin.length ? 'update' : 'create',
      before,
      after: input,
    });
  });
}

interface StoredLine {
  contractId: string;
  serviceCode: string;
  mechanism: PaymentLine['mechanism'];
  fixedShare: number | null;
  outcomeShare: number | null;
  outcomeAchievement: number | null;
  providerShare: number | null;
  riskCap: number | null;
}

async function storedPayment(ws: Workspace, contractId: string | null) {
  const lines = await ws.all<StoredLine>(
    `SELECT contract_id AS "contractId", service_code AS "serviceCode", mechanism, fixed_share AS "fixedShare",
       outcome_share AS "outcomeShare", outcome_achievement AS "outcomeAchievement",
       provider_share AS "providerShare", risk_cap AS "riskCap"
     FROM contract_payment WHERE $1::VARCHAR IS NULL OR contract_id = $1 ORDER BY ALL`,
    [contractId],
  );
  const cquin = await ws.all<{ contractId: string; scheme: string; value: number; achievement: number | null }>(
    `SELECT contract_id AS "contractId", scheme, CAST(value AS DOUBLE) AS value, achievement
     FROM contract_cquin WHERE $1::VARCHAR IS NULL OR contract_id = $1 ORDER BY ALL`,
    [contractId],
  );
  return { lines, cquin };
}

/** The provider × service × year activity of the current dataset's run (vintage 2026). */
async function recordedActivity(ws: Workspace): Promise<Map<string, Map<string, number>>> {
  const dataset = await currentDataset(ws);
  const rows = dataset
    ? await ws.all<{ key: string; year: string; activity: number }>(
        `SELECT provider_code || '|' || service_code AS key, financial_year AS year, CAST(sum(activity) AS DOUBLE) AS activity
         FROM flow WHERE dataset = $1 AND vintage = $2 GROUP BY ALL`,
        [dataset, PLAN_VINTAGE],
      )
    : [];
  const byKey = new Map<string, Map<string, number>>();
  for (const r of rows) byKey.set(r.key, (byKey.get(r.key) ?? new Map()).set(r.year, r.activity));
  return byKey;
}

interface PlanActivity {
  scenario: string;
  baseYear: string;
  years: string[];
  /** The activity the plan expects for a provider|service in a year of the plan (base year included). */
  activity(key: string, year: string): number | null;
}

/** The named scenario's plan (else the baseline's, if stored) as a source of projected activity. */
async function planActivity(ws: Workspace, scenarioName: string | undefined): Promise<PlanActivity | null> {
  const stored =
    scenarioName === undefined ? await findScenario(ws, BASELINE_NAME) : await getScenario(ws, scenarioName);
  const dataset = await currentDataset(ws);
  if (!stored || !dataset) return null;
  const summary = (await readStoredPlan(ws, stored)) ?? (await planStoredScenario(ws, stored.name)).result;
  const index = planVolumeIndex(summary.rows as PlanGrowthRow[]);
  const base = new Map<string, { residentIcb: string; activity: number }[]>();
  const flows = await ws.all<{ key: string; residentIcb: string; activity: number }>(
    `SELECT provider_code || '|' || service_code AS key, resident_icb AS "residentIcb",
       CAST(sum(activity) AS DOUBLE) AS activity
     FROM flow WHERE dataset = $1 AND vintage = $2 AND financial_year = $3 GROUP BY ALL`,
    [dataset, PLAN_VINTAGE, stored.scenario.baseYear],
  );
  for (const f of flows) base.set(f.key, [...(base.get(f.key) ?? []), f]);
  const years = Array.from(
    { length: stored.scenario.years },
    (_, i) => planFinancialYear(stored.scenario.baseYear, i + 1) as string,
  );
  const covered = new Set([stored.scenario.baseYear, ...years]);
  return {
    scenario: stored.name,
    baseYear: stored.scenario.baseYear,
    years,
    activity: (key, year) => (covered.has(year) ? projectedActivity(base.get(key) ?? [], index, year) : null),
  };
}

export interface PaymentRegisterOptions {
  /** The stored scenario whose plan gives the activity; default the baseline plan. */
  scenario?: string;
}

/** Contracted value by mechanism, each line's and provider's income, and CQUIN, for the contracts the user
 * can see. */
export async function paymentRegister(
  ws: Workspace,
  user: User,
  options: PaymentRegisterOptions = {},
): Promise<PaymentRegister> {
  const contracts = await listContracts(ws, user.organisation);
  const { lines: stored, cquin } = await storedPayment(ws, null);
  const recorded = await recordedActivity(ws);
  const plan = await planActivity(ws, options.scenario);
  const lines: PaymentLine[] = contracts.flatMap((c) =>
    c.services.map((s) => {
      const payment = stored.find((p) => p.contractId === c.id && p.serviceCode === s.serviceCode);
      const key = `${c.providerCode}|${s.serviceCode}`;
      const fromPlan = plan?.activity(key, c.financialYear) ?? null;
      const years = recorded.get(key);
      const recordedYear = years?.has(c.financialYear)
        ? c.financialYear
        : ([...(years?.keys() ?? [])].sort().at(-1) ?? null);
      const activityYear = fromPlan !== null ? c.financialYear : recordedYear;
      const activity = fromPlan ?? (recordedYear ? years!.get(recordedYear)! : null);
      const plannedActivity = planned(c, s.serviceCode) || null;
      const valuePence = pence(s.value);
      const price = (mechanism: PaymentLine['mechanism']) => {
        if (mechanism === 'unspecified') return null;
        if (VOLUME_LINKED.includes(mechanism) && (plannedActivity === null || activity === null)) return null;
        return pounds(
          lineIncomePence(
            {
              valuePence,
              plannedActivity: plannedActivity ?? 0,
              mechanism,
              fixedShare: payment?.fixedShare ?? undefined,
              outcomeShare: payment?.outcomeShare ?? undefined,
              outcomeAchievement: payment?.outcomeAchievement ?? undefined,
              providerShare: payment?.providerShare ?? undefined,
              riskCap: payment?.riskCap ?? undefined,
            },
            activity ?? 0,
          ),
        );
      };
      const mechanism = payment?.mechanism ?? 'unspecified';
      const fixed = mechanism === 'blended' ? pounds(Math.round(valuePence * (payment!.fixedShare ?? 0))) : null;
      const ifActivity = price('activity');
      return {
        contractId: c.id,
        financialYear: c.financialYear,
        provider: c.providerCode,
        providerName: c.providerName,
        service: s.serviceCode,
        serviceName: s.serviceName,
        mechanism,
        value: s.value,
        fixedPart: fixed,
        variablePart: fixed === null ? null : pounds(valuePence) - fixed,
        plannedActivity,
        fixedShare: payment?.fixedShare ?? null,
        outcomeShare: payment?.outcomeShare ?? null,
        outcomeAchievement: payment?.outcomeAchievement ?? null,
        providerShare: payment?.providerShare ?? null,
        riskCap: payment?.riskCap ?? null,
        activity,
        activityYear,
        activityBasis: fromPlan !== null ? 'plan' : activity !== null ? 'recorded' : null,
        income: price(mechanism),
        incomeIfBlock: s.value,
        incomeIfActivity: ifActivity,
        blockToActivity: ifActivity === null ? null : pounds(pence(ifActivity) - valuePence),
      };
    }),
  );
  const totals = new Map<string, { lines: number; valuePence: number }>();
  for (const l of lines) {
    const t = totals.get(l.mechanism) ?? { lines: 0, valuePence: 0 };
    t.lines += 1;
    t.valuePence += pence(l.value);
    totals.set(l.mechanism, t);
  }
  const visible = new Map(contracts.map((c) => [c.id, c]));
  const cquinRows: CquinRow[] = cquin
    .filter((q) => visible.has(q.contractId))
    .map((q) => {
      const c = visible.get(q.contractId)!;
      const earned = cquinEarnedPence(pence(q.value), q.achievement);
      return {
        contractId: q.contractId,
        provider: c.providerCode,
        providerName: c.providerName,
        scheme: q.scheme,
        value: q.value,
        achievement: q.achievement,
        earned: earned === null ? null : pounds(earned),
      };
    });
  const sum = (f: (q: CquinRow) => number) => pounds(cquinRows.reduce((s, q) => s + pence(f(q)), 0));
  return {
    plan: plan && { scenario: plan.scenario, baseYear: plan.baseYear, years: plan.years },
    byMechanism: [...totals].map(([mechanism, t]) => ({ mechanism, lines: t.lines, value: pounds(t.valuePence) })),
    lines,
    byProvider: providerIncomes(lines),
    cquin: cquinRows,
    cquinTotals: {
      value: sum((q) => q.value),
      earned: sum((q) => q.earned ?? 0),
      unassessed: sum((q) => (q.achievement === null ? q.value : 0)),
    },
  };
}

/** Each provider's lines in a year summed: what its income is, and would be under block or activity. */
function providerIncomes(lines: readonly PaymentLine[]): ProviderIncome[] {
  const groups = new Map<string, PaymentLine[]>();
  for (const l of lines) {
    const key = `${l.provider}|${l.financialYear}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const total = (list: readonly PaymentLine[], f: (l: PaymentLine) => number | null) =>
    list.some((l) => f(l) === null) ? null : pounds(list.reduce((sum, l) => sum + pence(f(l)!), 0));
  return [...groups.values()].map((list) => ({
    provider: list[0]!.provider,
    providerName: list[0]!.providerName,
    financialYear: list[0]!.financialYear,
    lines: list.length,
    value: total(list, (l) => l.value)!,
    income: total(list, (l) => l.income),
    incomeIfBlock: total(list, (l) => l.incomeIfBlock)!,
    incomeIfActivity: total(list, (l) => l.incomeIfActivity),
    blockToActivity: total(list, (l) => l.blockToActivity),
  }));
}
