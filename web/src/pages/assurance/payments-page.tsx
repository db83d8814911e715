// Payment mechanisms and CQUIN: the contracted value by mechanism, what each contract line earns under its
// own mechanism, under block and under activity-based payment at the provider's recorded activity, and the
// CQUIN schemes with what they have earned. Figures from the API's one payment answer (src/core/payment).
import type { CquinRow, PaymentLine, PaymentRegister } from '../../../../src/core/payment/payment-mechanism.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { formatCount, formatPounds, formatShare, NOT_AVAILABLE } from '../../format.ts';
import { useTitle } from '../../router.tsx';
import { AssuranceNav } from './assurance-nav.tsx';

const MECHANISMS: Record<PaymentLine['mechanism'], string> = {
  block: 'Block',
  activity: 'Activity-based',
  blended: 'Blended',
  outcome: 'Outcome-based',
  alliance: 'Alliance risk share',
  'lead-provider': 'Lead-provider risk share',
  unspecified: 'Not recorded',
};

const money = (n: number | null) => (n === null ? NOT_AVAILABLE : formatPounds(n));

const LINES: Column<PaymentLine>[] = [
  { key: 'provider', header: 'Provider', rowHeader: true, value: (l) => l.providerName },
  { key: 'service', header: 'Service', value: (l) => l.serviceName },
  { key: 'year', header: 'Year', value: (l) => l.financialYear },
  { key: 'mechanism', header: 'Mechanism', value: (l) => MECHANISMS[l.mechanism] },
  { key: 'value', header: 'Contract value', numeric: true, value: (l) => l.value, render: (l) => money(l.value) },
  {
    key: 'activity',
    header: 'Activity: planned / recorded',
    numeric: true,
    value: (l) => l.activity,
    render: (l) =>
      `${l.plannedActivity === null ? 'none' : formatCount(l.plannedActivity)} / ${
        l.activity === null ? 'none' : `${formatCount(l.activity)} (${l.activityYear})`
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
  return (
    <>
      <h1>Payment mechanisms and CQUIN</h1>
      <AssuranceNav />
      <p>
        How each contract line is paid, and what moving it between block and activity-based payment would do to the
        provider’s income at the activity recorded in the workspace. Mechanisms and CQUIN schemes are set per contract
        through the API (a PUT of the contract’s <code>payment</code>); there is no form for them yet.
      </p>
      <Async result={register} what="the payment register">
        {(data) => (
          <>
            <h2>Contracted value by mechanism</h2>
            <dl className="nhsuk-summary-list" data-testid="payment-totals">
              {data.byMechanism.map((m) => (
                <SummaryRow
                  key={m.mechanism}
                  label={MECHANISMS[m.mechanism as PaymentLine['mechanism']] ?? m.mechanism}
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
          </>
        )}
      </Async>
    </>
  );
}
