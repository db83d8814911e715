// Payment mechanisms and CQUIN: the contracted value by mechanism, what each contract line earns under its
// own mechanism, under block and under activity-based payment at the provider's recorded activity, and the
// CQUIN schemes with what they have earned. Figures from the API's one payment answer (src/core/payment).

import { useState } from 'react';
import type {
  CquinRow,
  PaymentLine,
  PaymentRegister,
  ProviderIncome,
} from '../../../../src/core/payment/payment-mechanism.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { formatCount, formatPounds, formatShare, NOT_AVAILABLE } from '../../format.ts';
import { useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { AssuranceNav } from './assurance-nav.tsx';
import { PaymentForm } from './payment-form.tsx';
import { MECHANISM_NAMES } from './payment-labels.ts';

const money = (n: number | null) => (n === null ? NOT_AVAILABLE : formatPounds(n));

const LINES: Column<PaymentLine>[] = [
  { key: 'provider', header: 'Provider', rowHeader: true, value: (l) => l.providerName },
  { key: 'service', header: 'Service', value: (l) => l.serviceName },
  { key: 'year', header: 'Year', value: (l) => l.financialYear },
  { key: 'mechanism', header: 'Mechanism', value: (l) => MECHANISM_NAMES[l.mechanism] },
  { key: 'value', header: 'Contract value', numeric: true, value: (l) => l.value, render: (l) => money(l.value) },
  {
    key: 'activity',
    header: 'Activity: contracted / priced at',
    numeric: true,
    value: (l) => l.activity,
    render: (l) =>
      `${l.plannedActivity === null ? 'none' : formatCount(l.plannedActivity)} / ${
        l.activity === null
          ? 'none'
          : `${formatCount(l.activity)} (${l.activityBasis === 'plan' ? 'plan' : 'recorded'}, ${l.activityYear})`
      }`,
  },
  {
    key: 'income',
    header: 'Income, its mechanism',
    numeric: true,
    value: (l) => l.income,
    render: (l) => money(l.income),
  },
  {
    key: 'ifActivity',
    header: 'Income if activity-based',
    numeric: true,
    value: (l) => l.incomeIfActivity,
    render: (l) => money(l.incomeIfActivity),
  },
  {
    key: 'shift',
    header: 'Block → activity',
    numeric: true,
    value: (l) => l.blockToActivity,
    render: (l) => money(l.blockToActivity),
  },
];

const PROVIDERS: Column<ProviderIncome>[] = [
  { key: 'provider', header: 'Provider', rowHeader: true, value: (p) => p.providerName },
  { key: 'year', header: 'Year', value: (p) => p.financialYear },
  { key: 'value', header: 'Contract value', numeric: true, value: (p) => p.value, render: (p) => money(p.value) },
  {
    key: 'income',
    header: 'Income, its mechanisms',
    numeric: true,
    value: (p) => p.income,
    render: (p) => money(p.income),
  },
  {
    key: 'ifActivity',
    header: 'If all activity-based',
    numeric: true,
    value: (p) => p.incomeIfActivity,
    render: (p) => money(p.incomeIfActivity),
  },
  {
    key: 'shift',
    header: 'Block → activity',
    numeric: true,
    value: (p) => p.blockToActivity,
    render: (p) => money(p.blockToActivity),
  },
];

const CQUIN: Column<CquinRow>[] = [
  { key: 'provider', header: 'Provider', rowHeader: true, value: (q) => q.providerName },
  { key: 'scheme', header: 'Scheme', value: (q) => q.scheme },
  { key: 'value', header: 'Value', numeric: true, value: (q) => q.value, render: (q) => money(q.value) },
  {
    key: 'achievement',
    header: 'Achieved',
    numeric: true,
    value: (q) => q.achievement,
    render: (q) => (q.achievement === null ? 'Not yet assessed' : formatShare(q.achievement)),
  },
  { key: 'earned', header: 'Earned', numeric: true, value: (q) => q.earned, render: (q) => money(q.earned) },
];

export default function PaymentsPage() {
  useTitle('Payment mechanisms and CQUIN');
  const register = useApi<PaymentRegister>('/assurance/payments');
  const { session } = useSession();
  // A save answers with the whole register, shown in place so the form (and its confirmation) stays.
  const [saved, setSaved] = useState<PaymentRegister | null>(null);
  return (
    <>
      <h1>Payment mechanisms and CQUIN</h1>
      <AssuranceNav />
      <p>
        How each contract line is paid, and what moving it between block, activity-based and risk-share payment would do
        to the provider’s income at the activity the plan expects in the contract’s year.
      </p>
      <Async result={register} what="the payment register">
        {(loaded) => {
          const data = saved ?? loaded;
          return (
            <>
              <p className="nhsuk-body-s" data-testid="payment-plan">
                {data.plan
                  ? `Activity for ${[data.plan.baseYear, ...data.plan.years].join(', ')} is the plan’s: “${data.plan.scenario}” grows each provider’s ${data.plan.baseYear} activity from each ICB by that ICB’s demographic and non-demographic growth. Other years use the activity recorded in the workspace.`
                  : 'No plan is stored, so lines are priced at the activity recorded in the workspace.'}
              </p>
              <h2>Contracted value by mechanism</h2>
              <dl className="nhsuk-summary-list" data-testid="payment-totals">
                {data.byMechanism.map((m) => (
                  <SummaryRow
                    key={m.mechanism}
                    label={MECHANISM_NAMES[m.mechanism as PaymentLine['mechanism']] ?? m.mechanism}
                    value={`${formatPounds(m.value)} (${m.lines} line${m.lines === 1 ? '' : 's'})`}
                  />
                ))}
              </dl>
              <DataTable
                caption="Contract lines and their income"
                rows={data.lines}
                columns={LINES}
                rowKey={(l) => `${l.contractId} ${l.service}`}
                exportFrom={{ path: '/assurance/payments', query: {}, label: 'contract lines and their income' }}
                empty={<p>No contracts are recorded.</p>}
              />
              <DataTable
                caption="Income by provider and year"
                rows={data.byProvider}
                columns={PROVIDERS}
                rowKey={(p) => `${p.provider} ${p.financialYear}`}
                empty={<p>No contracts are recorded.</p>}
              />
              <h2>CQUIN</h2>
              <p>
                {formatPounds(data.cquinTotals.value)} in schemes; {formatPounds(data.cquinTotals.earned)} earned;{' '}
                {formatPounds(data.cquinTotals.unassessed)} not yet assessed.
              </p>
              <DataTable
                caption="CQUIN schemes"
                rows={data.cquin}
                columns={CQUIN}
                rowKey={(q) => `${q.contractId} ${q.scheme}`}
                empty={<p>No CQUIN schemes are recorded.</p>}
              />
              {canEdit(session?.user) && <PaymentForm register={data} onSaved={setSaved} />}
            </>
          );
        }}
      </Async>
    </>
  );
}
