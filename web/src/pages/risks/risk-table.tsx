// The register as a table: one row per risk with its scores before and after mitigation as rated tags, its
// owner and when it is next due for review. Used by the register page and the ICB page.
import type { Risk } from '../../../../src/core/risks/risk.ts';
import { type Column, DataTable, type TableExport } from '../../components/data-table.tsx';
import { Link } from '../../router.tsx';
import { categoryLabel, RATING_TAG } from './risk-labels.ts';

export const riskPath = (id: string) => `/risks/${encodeURIComponent(id)}`;

export function RatingTag({ score, rating }: { score: number; rating: Risk['rating'] }) {
  return (
    <strong className={`nhsuk-tag ${RATING_TAG[rating]}`}>
      {score} {rating}
    </strong>
  );
}

const COLUMNS: Column<Risk>[] = [
  {
    key: 'title',
    header: 'Risk',
    rowHeader: true,
    value: (r) => r.title,
    render: (r) => <Link href={riskPath(r.id)}>{r.title}</Link>,
  },
  { key: 'organisation', header: 'Organisation', value: (r) => r.organisationName },
  { key: 'category', header: 'Category', value: (r) => categoryLabel(r.category) },
  { key: 'owner', header: 'Owner', value: (r) => r.owner },
  {
    key: 'score',
    header: 'Before mitigation',
    numeric: true,
    value: (r) => r.score,
    render: (r) => <RatingTag score={r.score} rating={r.rating} />,
  },
  {
    key: 'residualScore',
    header: 'After mitigation',
    numeric: true,
    value: (r) => r.residualScore,
    render: (r) => <RatingTag score={r.residualScore} rating={r.residualRating} />,
  },
  {
    key: 'nextReview',
    header: 'Next review',
    value: (r) => r.nextReview,
    render: (r) => (
      <>
        {r.nextReview ?? 'Not set'}
        {r.reviewDue && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-2">Review due</strong>}
      </>
    ),
  },
  { key: 'status', header: 'Status', value: (r) => (r.status === 'open' ? 'Open' : 'Closed') },
];

export function RiskTable({ rows, caption, exportFrom }: { rows: Risk[]; caption: string; exportFrom?: TableExport }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      columns={COLUMNS}
      rowKey={(r) => r.id}
      exportFrom={exportFrom}
      empty={<p>No risks are recorded.</p>}
    />
  );
}
