// One review round: the reviews in it the signed-in organisation can see, each linking to its review page.
import type { ReviewSubject, RoundSummary } from '../../../../src/core/assurance/review-shapes.ts';
import { useApi } from '../../api/use-api.ts';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Async } from '../../components/states.tsx';
import { Link, useTitle } from '../../router.tsx';
import { AssuranceNav } from './assurance-nav.tsx';

export default function RoundPage({ id }: { id: string }) {
  const round = useApi<{ round: RoundSummary; reviews: ReviewSubject[] }>(
    `/assurance/rounds/${encodeURIComponent(id)}`,
  );
  useTitle(round.state === 'ready' ? round.data.round.name : 'Review round');
  const columns: Column<ReviewSubject>[] = [
    {
      key: 'subject',
      header: 'ICB or footprint',
      rowHeader: true,
      value: (r) => r.subjectName,
      render: (r) => <Link href={`/assurance/reviews/${encodeURIComponent(r.id)}`}>{r.subjectName}</Link>,
    },
    { key: 'kind', header: 'Kind', value: (r) => (r.subjectKind === 'icb' ? 'ICB' : 'Footprint') },
    { key: 'organisation', header: 'Organisation', value: (r) => r.organisation },
  ];
  return (
    <Async result={round} what="the review round">
      {(data) => (
        <>
          <h1>{data.round.name}</h1>
          <AssuranceNav />
          <p>
            Template {data.round.templateId} version {data.round.templateVersion}, started{' '}
            {data.round.createdAt.slice(0, 10)} by {data.round.createdBy}.
          </p>
          <DataTable
            caption="Reviews in this round"
            rows={data.reviews}
            columns={columns}
            rowKey={(r) => r.id}
            initialSort={{ key: 'subject', direction: 'ascending' }}
          />
        </>
      )}
    </Async>
  );
}
