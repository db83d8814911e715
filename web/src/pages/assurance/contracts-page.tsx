// The contracts register: contracts by provider and year with their type, commissioners, value and
// quality schedule; where a provider holds more than one contract for the same service; and each system's
// position against its control total. Editors add contracts through the form below the register.
import type { Contract, ControlTotalPosition } from '../../../../src/core/assurance/contract-shapes.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { formatPounds } from '../../format.ts';
import { useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { AddContractForm } from './add-contract-form.tsx';
import { AssuranceNav } from './assurance-nav.tsx';

const TYPES: Record<Contract['type'], string> = {
  'single-provider': 'Single provider',
  alliance: 'Alliance',
  'lead-provider': 'Lead provider',
};

const CONTRACTS: Column<Contract>[] = [
  { key: 'year', header: 'Year', value: (c) => c.financialYear },
  { key: 'provider', header: 'Provider', rowHeader: true, value: (c) => c.providerName },
  { key: 'type', header: 'Type', value: (c) => TYPES[c.type] },
  { key: 'commissioners', header: 'Commissioners', value: (c) => c.commissioners.join(' ') },
  { key: 'system', header: 'System', value: (c) => c.systemName ?? '—' },
  {
    key: 'value',
    header: 'Value',
    numeric: true,
    value: (c) => c.totalValue,
    render: (c) => formatPounds(c.totalValue),
  },
  {
    key: 'kpis',
    header: 'KPIs not met',
    numeric: true,
    value: (c) => c.qualitySchedule.filter((q) => q.status === 'not-met').length,
  },
  {
    key: 'fragmented',
    header: 'Also under another contract',
    value: (c) => c.fragmentedServices.join(' '),
    render: (c) =>
      c.fragmentedServices.length ? (
        <strong className="nhsuk-tag nhsuk-tag--orange">{c.fragmentedServices.join(', ')}</strong>
      ) : (
        'None'
      ),
  },
];

const POSITIONS: Column<ControlTotalPosition>[] = [
  { key: 'system', header: 'System', rowHeader: true, value: (p) => p.systemName },
  { key: 'year', header: 'Year', value: (p) => p.financialYear },
  {
    key: 'total',
    header: 'Control total',
    numeric: true,
    value: (p) => p.controlTotal,
    render: (p) => (p.controlTotal === null ? 'Not set' : formatPounds(p.controlTotal)),
  },
  {
    key: 'contracted',
    header: 'Contracted',
    numeric: true,
    value: (p) => p.contracted,
    render: (p) => formatPounds(p.contracted),
  },
  {
    key: 'headroom',
    header: 'Headroom',
    numeric: true,
    value: (p) => p.headroom,
    render: (p) => (p.headroom === null ? '—' : formatPounds(p.headroom)),
  },
];

export default function ContractsPage() {
  useTitle('Contracts');
  const register = useApi<{ rows: Contract[]; positions: ControlTotalPosition[] }>('/assurance/contracts');
  const { session } = useSession();
  return (
    <>
      <h1>Contracts</h1>
      <AssuranceNav />
      <p>
        The aim is one contract per provider across commissioners. A provider holding more than one contract for the
        same service in a year is flagged.
      </p>
      <Async result={register} what="the contracts register">
        {(data) => (
          <>
            <DataTable
              caption="Contracts register"
              rows={data.rows}
              columns={CONTRACTS}
              rowKey={(c) => c.id}
              initialSort={{ key: 'provider', direction: 'ascending' }}
              exportFrom={{ path: '/assurance/contracts', query: {}, label: 'the contracts register' }}
              empty={
                <Empty title="No contracts recorded">
                  <p>Editors add contracts with the form below, or through the API (POST /api/assurance/contracts).</p>
                </Empty>
              }
            />
            <h2>Position against system control totals</h2>
            <DataTable
              caption="Contracted value against each system’s control total"
              rows={data.positions}
              columns={POSITIONS}
              rowKey={(p) => `${p.systemName} ${p.financialYear}`}
              empty={
                <Empty title="No control totals set">
                  <p>Set one with PUT /api/assurance/control-totals.</p>
                </Empty>
              }
            />
          </>
        )}
      </Async>
      {canEdit(session?.user) && <AddContractForm onAdded={register.reload} />}
    </>
  );
}
