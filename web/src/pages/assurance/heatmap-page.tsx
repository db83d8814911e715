// Ratings heat map: the standing rating (moderated where moderated) of every question for every ICB in a
// round, and each ICB's mean score over rounds (red 1 … green 4), so change between rounds shows.
import type { HeatMap } from '../../../../src/core/assurance/review-shapes.ts';
import { exportUrl } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { ScrollBox } from '../../components/scroll-box.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';
import { AssuranceNav } from './assurance-nav.tsx';
import { RatingTag } from './rating-tag.tsx';

export default function HeatmapPage() {
  useTitle('Ratings heat map');
  const map = useApi<HeatMap>('/assurance/heatmap');
  const { query } = useLocation();
  return (
    <>
      <h1>Ratings heat map</h1>
      <AssuranceNav />
      <Async result={map} what="the ratings">
        {(data) => {
          if (data.rounds.length === 0) {
            return (
              <Empty title="No ratings yet">
                <p>Ratings appear here once a review round has started.</p>
              </Empty>
            );
          }
          const roundId = query.get('round') ?? data.rounds.at(-1)!.id;
          const round = data.rounds.find((r) => r.id === roundId) ?? data.rounds.at(-1)!;
          const rows = data.rows.filter((r) => r.roundId === round.id);
          const subjects = [...new Set(data.rows.map((r) => r.subjectName))].sort();
          return (
            <>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor="round">
                  Round
                </label>
                <select
                  className="nhsuk-select"
                  id="round"
                  value={round.id}
                  onChange={(e) => setQuery({ round: e.target.value })}
                >
                  {data.rounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <ScrollBox label={`Standing ratings in ${round.name}`}>
                <table className="nhsuk-table">
                  <caption className="nhsuk-table__caption">Standing ratings in {round.name}</caption>
                  <thead className="nhsuk-table__head">
                    <tr>
                      <th scope="col">ICB or footprint</th>
                      {round.questions.map((q) => (
                        <th scope="col" key={q.id}>
                          {q.theme}
                        </th>
                      ))}
                      <th scope="col" className="nhsuk-table__header--numeric">
                        Mean score
                      </th>
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {rows.map((r) => (
                      <tr key={r.reviewId}>
                        <th scope="row">
                          <Link href={`/assurance/reviews/${encodeURIComponent(r.reviewId)}`}>{r.subjectName}</Link>
                        </th>
                        {round.questions.map((q) => (
                          <td key={q.id}>
                            <RatingTag rating={r.ratings[q.id] ?? 'not-assessed'} />
                          </td>
                        ))}
                        <td className="nhsuk-table__cell--numeric">{r.meanScore ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              <p>
                <a href={exportUrl('/assurance/heatmap', { round: round.id }, 'xlsx')}>Export to Excel</a> ·{' '}
                <a href={exportUrl('/assurance/heatmap', { round: round.id }, 'csv')}>CSV</a>
              </p>
              <h2>Over rounds</h2>
              <ScrollBox label="Mean score by round">
                <table className="nhsuk-table">
                  <caption className="nhsuk-table__caption">
                    Mean score by round (red 1, amber/red 2, amber/green 3, green 4; not assessed is left out)
                  </caption>
                  <thead className="nhsuk-table__head">
                    <tr>
                      <th scope="col">ICB or footprint</th>
                      {data.rounds.map((r) => (
                        <th scope="col" key={r.id} className="nhsuk-table__header--numeric">
                          {r.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {subjects.map((s) => (
                      <tr key={s}>
                        <th scope="row">{s}</th>
                        {data.rounds.map((r) => (
                          <td key={r.id} className="nhsuk-table__cell--numeric">
                            {data.rows.find((x) => x.roundId === r.id && x.subjectName === s)?.meanScore ?? '–'}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </>
          );
        }}
      </Async>
    </>
  );
}
