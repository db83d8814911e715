// One risk: what could happen, who owns it, its scores before and after mitigation, what it concerns, its
// review dates and its history (every change, from the audit trail); editors covering it review it here.
import type { RiskWithHistory } from '../../../../src/core/risks/risk.ts';
import { useApi } from '../../api/use-api.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async } from '../../components/states.tsx';
import { SummaryRow } from '../../components/summary-row.tsx';
import { useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { RiskForm } from './risk-form.tsx';
import { categoryLabel, linkLabel } from './risk-labels.ts';
import { RatingTag } from './risk-table.tsx';

type HistoryRow = RiskWithHistory['history'][number];

const HISTORY: Column<HistoryRow>[] = [
  { key: 'at', header: 'When', rowHeader: true, value: (h) => h.at.slice(0, 16).replace('T', ' ') },
  { key: 'actor', header: 'Who', value: (h) => h.actor },
  { key: 'action', header: 'What', value: (h) => (h.action === 'create' ? 'Added' : 'Changed') },
  { key: 'revision', header: 'Revision', numeric: true, value: (h) => h.revision },
  { key: 'score', header: 'Score before', numeric: true, value: (h) => h.score },
  { key: 'residualScore', header: 'Score after', numeric: true, value: (h) => h.residualScore },
  { key: 'status', header: 'Status', value: (h) => h.status },
];

export default function RiskPage({ id }: { id: string }) {
  const risk = useApi<RiskWithHistory>(`/risks/${encodeURIComponent(id)}`);
  const { session } = useSession();
  useTitle(risk.state === 'ready' ? `Risk: ${risk.data.title}` : 'Risk');
  return (
    <>
      <Breadcrumbs trail={[{ href: '/risks', text: 'Risk register' }]} />
      <Async result={risk} what="the risk">
        {(r) => (
          <>
            <h1>{r.title}</h1>
            {r.description && <p>{r.description}</p>}
            <p>
              Before mitigation <RatingTag score={r.score} rating={r.rating} /> After mitigation{' '}
              <RatingTag score={r.residualScore} rating={r.residualRating} />
              {r.reviewDue && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-2">Review due</strong>}
            </p>
            <dl className="nhsuk-summary-list" data-testid="risk-facts">
              <SummaryRow label="Organisation" value={r.organisationName} />
              <SummaryRow label="Category" value={categoryLabel(r.category)} />
              <SummaryRow label="Owner" value={r.owner} />
              <SummaryRow label="Likelihood × impact before" value={`${r.likelihood} × ${r.impact} = ${r.score}`} />
              <SummaryRow label="Mitigation" value={r.mitigation || 'None recorded'} />
              <SummaryRow
                label="Likelihood × impact after"
                value={`${r.residualLikelihood} × ${r.residualImpact} = ${r.residualScore}`}
              />
              <SummaryRow
                label="Concerns"
                value={r.links.map((l) => `${linkLabel(l.kind)}: ${l.name}`).join('; ') || 'Nothing linked'}
              />
              <SummaryRow label="Reviews" value={`Last ${r.reviewed ?? 'never'}; next ${r.nextReview ?? 'not set'}`} />
              <SummaryRow label="Status" value={`${r.status === 'open' ? 'Open' : 'Closed'}, revision ${r.revision}`} />
            </dl>
            <h2>History</h2>
            <DataTable
              caption="Every change to this risk, newest first"
              rows={r.history}
              columns={HISTORY}
              rowKey={(h) => h.at}
            />
            {canEdit(session?.user) && (
              <RiskForm key={r.revision} organisation={r.organisation} existing={r} onSaved={risk.reload} />
            )}
          </>
        )}
      </Async>
    </>
  );
}
