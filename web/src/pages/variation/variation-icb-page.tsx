// Where is an ICB an outlier? Every service and measure in a year where its standardised rate is above or
// below England's funnel limits, with its peers' mean, and the peer group itself.

import type { IcbOutliersAnswer } from '../../../../src/core/variation/atlas-rows.ts';
import { useApi } from '../../api/use-api.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { HowCalculated } from '../../components/how-calculated.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { shortIcbName } from '../../format.ts';
import { Link, useLocation, useTitle } from '../../router.tsx';
import { formatInterval, formatRate, significanceWords } from './variation-format.ts';

export default function VariationIcbPage({ code }: { code: string }) {
  const { query } = useLocation();
  const year = query.get('year') ?? undefined;
  const answer = useApi<IcbOutliersAnswer>(`/variation/icbs/${encodeURIComponent(code)}`, { year });
  useTitle(answer.state === 'ready' ? `Where ${shortIcbName(answer.data.icb.name)} is an outlier` : 'Outliers');
  return (
    <>
      <Breadcrumbs trail={[{ href: '/variation', text: 'Atlas of variation' }]} />
      <Async result={answer} what={`outliers for ${code}`}>
        {(data) => (
          <>
            <span className="nhsuk-caption-l">{data.year}</span>
            <h1>Where {shortIcbName(data.icb.name)} is an outlier</h1>
            <p>
              Services where the ICB's age and sex standardised rate is above or below England's 95% or 99.8% funnel
              limits. "Allowing for overdispersion" says whether it still is once the usual variation between ICBs is
              allowed for.
            </p>
            <HowCalculated provenance={data.provenance} />
            <DataTable
              caption={`Outliers against England, ${data.year}`}
              rows={data.outliers}
              rowKey={(r) => `${r.serviceCode}|${r.measure}`}
              initialSort={{ key: 'service', direction: 'ascending' }}
              exportFrom={{
                path: `/variation/icbs/${encodeURIComponent(data.icb.code)}`,
                query: { year: data.year },
                label: `outliers for ${data.icb.name}`,
              }}
              empty={
                <Empty title="No outliers">
                  <p>The ICB is within England's funnel limits for every service in {data.year}.</p>
                </Empty>
              }
              columns={[
                {
                  key: 'service',
                  header: 'Service',
                  rowHeader: true,
                  value: (r) => r.serviceName,
                  render: (r) => (
                    <Link
                      href={`/variation?service=${encodeURIComponent(r.serviceCode)}&measure=${r.measure}&year=${encodeURIComponent(r.financialYear)}`}
                    >
                      {r.serviceName}
                    </Link>
                  ),
                },
                { key: 'measure', header: 'Measure', value: (r) => r.measure },
                {
                  key: 'rate',
                  header: 'Standardised rate',
                  numeric: true,
                  value: (r) => r.standardisedRate,
                  render: (r) => formatRate(r.standardisedRate, r.measure),
                },
                {
                  key: 'ci',
                  header: '95% interval',
                  value: (r) => formatInterval(r.standardisedLower95, r.standardisedUpper95),
                },
                { key: 'significance', header: 'Against England', value: (r) => significanceWords(r.significance) },
                {
                  key: 'overdispersed',
                  header: 'Allowing for overdispersion',
                  value: (r) => significanceWords(r.significanceOverdispersed),
                },
                {
                  key: 'peers',
                  header: 'Peer mean',
                  numeric: true,
                  value: (r) => r.peerMeanRate,
                  render: (r) => formatRate(r.peerMeanRate, r.measure),
                },
              ]}
            />
            <h2>Peer group</h2>
            <p>The five ICBs nearest in need per head (weighted population per registered patient).</p>
            <DataTable
              caption={`Peers of ${shortIcbName(data.icb.name)}`}
              rows={data.peers}
              rowKey={(p) => p.peerIcb}
              columns={[
                { key: 'nearness', header: 'Nearness', numeric: true, value: (p) => p.nearness },
                { key: 'peer', header: 'ICB', rowHeader: true, value: (p) => shortIcbName(p.peerName) },
                {
                  key: 'need',
                  header: 'Need per head',
                  numeric: true,
                  value: (p) => p.peerNeedIndex,
                  render: (p) => p.peerNeedIndex.toFixed(3),
                },
              ]}
            />
          </>
        )}
      </Async>
    </>
  );
}
