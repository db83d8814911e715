// The risk register: the risks of the organisations you cover, highest after mitigation first, filtered
// by category and status; editors add risks below.
import type { Risk } from '../../../../src/core/risks/risk.ts';
import { useApi } from '../../api/use-api.ts';
import { Async } from '../../components/states.tsx';
import { navigate, setQuery, useLocation, useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { RiskForm } from './risk-form.tsx';
import { CATEGORIES } from './risk-labels.ts';
import { RiskTable, riskPath } from './risk-table.tsx';

export default function RisksPage() {
  useTitle('Risk register');
  const { session } = useSession();
  const { query } = useLocation();
  const register = useApi<{ rows: Risk[] }>('/risks');
  const category = query.get('category') ?? '';
  const status = query.get('status') ?? 'open';
  return (
    <>
      <h1>Risk register</h1>
      <p>
        Risks to specialised commissioning for your organisation and those it covers, scored likelihood × impact (1–5
        each) before and after mitigation. Every change is kept in the audit trail.
      </p>
      <div className="fp-filters">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="risk-filter-category">
            Show category
          </label>
          <select
            className="nhsuk-select"
            id="risk-filter-category"
            value={category}
            onChange={(e) => setQuery({ category: e.target.value })}
          >
            <option value="">All categories</option>
            {CATEGORIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="risk-filter-status">
            Show status
          </label>
          <select
            className="nhsuk-select"
            id="risk-filter-status"
            value={status}
            onChange={(e) => setQuery({ status: e.target.value })}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </select>
        </div>
      </div>
      <Async result={register} what="the risk register">
        {(data) => {
          const rows = data.rows.filter(
            (r) => (!category || r.category === category) && (status === 'all' || r.status === status),
          );
          const due = rows.filter((r) => r.reviewDue).length;
          return (
            <>
              {due > 0 && (
                <p>
                  <strong>{due}</strong> {due === 1 ? 'risk is' : 'risks are'} past {due === 1 ? 'its' : 'their'} review
                  date.
                </p>
              )}
              <RiskTable
                rows={rows}
                caption={`Risks (${rows.length})`}
                exportFrom={{ path: '/risks', query: {}, label: 'the risk register' }}
              />
            </>
          );
        }}
      </Async>
      {canEdit(session?.user) && session && (
        <RiskForm organisation={session.user.organisation.code} onSaved={(r) => navigate(riskPath(r.id))} />
      )}
    </>
  );
}
