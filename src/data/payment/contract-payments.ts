// Payment mechanisms and CQUIN on the contracts register (docs/methods.md, "Payment mechanisms and CQUIN"):
// set per contract by an editor covering its lead commissioner (audited), read for the contracts a person
// can see, with each line's income under its mechanism, under block and under activity-based payment at the
// provider's recorded activity. Kept beside the contracts register rather than inside it.
import { FootprintError, fail } from '../../core/errors.ts';
import {
  type ContractPaymentInput,
  type CquinRow,
  contractPaymentInputSchema,
  cquinEarnedPence,
  lineIncomePence,
  type PaymentLine,
  type PaymentRegister,
} from '../../core/payment/index.ts';
import { type Contract, listContracts } from '../assurance/contracts.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { PLAN_VINTAGE } from '../planning/base-year-spend.ts';
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
    const extra = (['fixedShare', 'outcomeShare', 'outcomeAchievement'] as const).find(
      (f) =>
        line[f] !== undefined && !(f === 'fixedShare' ? line.mechanism === 'blended' : line.mechanism === 'outcome'),
    );
    if (extra) {
      lineProblem(
        `${at}.${extra}`,
        `${extra} is not used by a ${line.mechanism} line.`,
        String(line[extra]),
        'nothing',
      );
    }
    if ((line.mechanism === 'activity' || line.mechanism === 'blended') && !(planned(contract, line.serviceCode) > 0)) {
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
        'lines [{serviceCode, mechanism, fixedShare?, outcomeShare?, outcomeAchievement?}] and cquin [{scheme, value, achievement}]',
    });
  }
  const input = parsed.data;
  checkLines(contract, input);
  const before = await storedPayment(ws, contractId);
  await ws.transaction(async () => {
    await ws.run('DELETE FROM contract_payment WHERE contract_id = $1', [contractId]);
    await ws.run('DELETE FROM contract_cquin WHERE contract_id = $1', [contractId]);
    for (const l of input.lines) {
      await ws.run('INSERT INTO contract_payment VALUES ($1, $2, $3, $4, $5, $6)', [
        contractId,
        l.serviceCode,
        l.mechanism,
        l.fixedShare ?? null,
        l.outcomeShare ?? null,
        l.outcomeAchievement ?? null,
      ]);
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
}

async function storedPayment(ws: Workspace, contractId: string | null) {
  const lines = await ws.all<StoredLine>(
    `SELECT contract_id AS "contractId", service_code AS "serviceCode", mechanism, fixed_share AS "fixedShare",
       outcome_share AS "outcomeShare", outcome_achievement AS "outcomeAchievement"
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
  const dataset = await ws.setting('current_dataset');
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

/** Contracted value by mechanism, each line's income, and CQUIN, for the contracts the user can see. */
export async function paymentRegister(ws: Workspace, user: User): Promise<PaymentRegister> {
  const contracts = await listContracts(ws, user.organisation);
  const { lines: stored, cquin } = await storedPayment(ws, null);
  const activity = await recordedActivity(ws);
  const lines: PaymentLine[] = contracts.flatMap((c) =>
    c.services.map((s) => {
      const payment = stored.find((p) => p.contractId === c.id && p.serviceCode === s.serviceCode);
      const years = activity.get(`${c.providerCode}|${s.serviceCode}`);
      const activityYear = years?.has(c.financialYear)
        ? c.financialYear
        : ([...(years?.keys() ?? [])].sort().at(-1) ?? null);
      const recorded = activityYear ? years!.get(activityYear)! : null;
      const plannedActivity = planned(c, s.serviceCode) || null;
      const valuePence = pence(s.value);
      const price = (mechanism: PaymentLine['mechanism']) => {
        if (mechanism === 'unspecified') return null;
        const volumeLinked = mechanism === 'activity' || mechanism === 'blended';
        if (volumeLinked && (plannedActivity === null || recorded === null)) return null;
        return pounds(
          lineIncomePence(
            {
              valuePence,
              plannedActivity: plannedActivity ?? 0,
              mechanism,
              fixedShare: payment?.fixedShare ?? undefined,
              outcomeShare: payment?.outcomeShare ?? undefined,
              outcomeAchievement: payment?.outcomeAchievement ?? undefined,
            },
            recorded ?? 0,
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
        activity: recorded,
        activityYear,
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
    byMechanism: [...totals].map(([mechanism, t]) => ({ mechanism, lines: t.lines, value: pounds(t.valuePence) })),
    lines,
    cquin: cquinRows,
    cquinTotals: {
      value: sum((q) => q.value),
      earned: sum((q) => q.earned ?? 0),
      unassessed: sum((q) => (q.achievement === null ? q.value : 0)),
    },
  };
}
