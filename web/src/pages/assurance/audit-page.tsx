// The audit trail: who changed what, when, with the object before and after. Filtered to one object it is
// that object's history; it can be exported, and no page or route can change it.
import type { AuditEventShape } from '../../../../src/core/audit/audit-event.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { useLocation, useTitle } from '../../router.tsx';
import { AssuranceNav } from './assurance-nav.tsx';

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 1));

export default function AuditPage() {
  const { query } = useLocation();
  const objectType = query.get('objectType') ?? undefined;
  const objectId = query.get('objectId') ?? undefined;
  useTitle(objectId ? `History of ${objectId}` : 'Audit trail');
  const events = useApi<{ rows: AuditEventShape[] }>('/assurance/audit', { objectType, objectId });
  const columns: Column<AuditEventShape>[] = [
    { key: 'seq', header: 'Event', numeric: true, value: (e) => e.seq },
    { key: 'at', header: 'When (UTC)', value: (e) => e.at, render: (e) => e.at.replace('T', ' ').slice(0, 19) },
    { key: 'actor', header: 'Who', rowHeader: true, value: (e) => e.actor },
    { key: 'source', header: 'From', value: (e) => e.source ?? '' },
    { key: 'object', header: 'What', value: (e) => `${e.objectType} ${e.objectId}` },
    { key: 'action', header: 'Action', value: (e) => e.action },
    {
      key: 'before',
      header: 'Before',
      value: () => null,
      render: (e) => (
        <pre className="nhsuk-body-s" style={{ whiteSpace: 'pre-wrap', maxWidth: '24rem', margin: 0 }}>
          {json(e.before)}
        </pre>
      ),
    },
    {
      key: 'after',
      header: 'After',
      value: () => null,
      render: (e) => (
        <pre className="nhsuk-body-s" style={{ whiteSpace: 'pre-wrap', maxWidth: '24rem', margin: 0 }}>
          {json(e.after)}
        </pre>
      ),
    },
  ];
  return (
    <>
      <h1>{objectId ? `History of ${objectType} ${objectId}` : 'Audit trail'}</h1>
      <AssuranceNav />
      <p>
        Every change to footprints, scenarios, reviews, intentions, contracts and users is recorded here as it is made,
        as are imports, runs and sign-ins, with who made it and from where. The trail is append-only: an edit or a
        deletion made outside Footprint shows up when an administrator verifies it.
      </p>
      <Async result={events} what="the audit trail">
        {(data) => (
          <DataTable
            caption={objectId ? `Changes to ${objectId}` : 'Changes, newest first'}
            rows={data.rows}
            columns={columns}
            rowKey={(e) => String(e.seq)}
            initialSort={{ key: 'seq', direction: 'descending' }}
            exportFrom={{ path: '/assurance/audit', query: { objectType, objectId }, label: 'the audit trail' }}
            empty={
              <Empty title="No changes recorded">
                <p>Nothing your organisation can see has been changed yet.</p>
              </Empty>
            }
          />
        )}
      </Async>
    </>
  );
}
