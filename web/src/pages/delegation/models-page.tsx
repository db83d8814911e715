// The commissioning models timeline: for a service, where it sits for each footprint in each financial year of
// the plan horizon. The proposal follows the delegation status of the footprint's ICBs (joint committee named,
// lead ICB named); beside it, what a person recorded: agreed by a region or national, or proposed by an ICB.
// Editors set the model for footprints whose every ICB their organisation covers.
import { type FormEvent, useRef, useState } from 'react';
import type {
  CommissioningModel,
  CommissioningModelLine,
  CommissioningModelsAnswer,
} from '../../../../src/core/delegation/index.ts';
import type { ServiceCatalogue } from '../../../../src/core/services/service-answers.ts';
import { ApiError, putJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { serviceGroups } from '../../components/choice-groups.ts';
import { ExportLinks } from '../../components/data-table.tsx';
import { GroupedSelect } from '../../components/grouped-select.tsx';
import { ScrollBox } from '../../components/scroll-box.tsx';
import { Async } from '../../components/states.tsx';
import { shortIcbName } from '../../format.ts';
import { Link, setQuery, useLocation, useTitle } from '../../router.tsx';
import { DelegationNav, TIER_TEXT } from './delegation-nav.tsx';

const MODEL_TAG: Record<CommissioningModel, string> = {
  'nhse-direct': 'nhsuk-tag--grey',
  'nhse-with-icb-input': 'nhsuk-tag--blue',
  'joint-committee': 'nhsuk-tag--aqua-green',
  'lead-commissioner': 'nhsuk-tag--purple',
  delegated: 'nhsuk-tag--green',
};

const KINDS = [
  { value: 'icb', text: 'ICBs' },
  { value: 'region', text: 'Regions' },
  { value: 'group', text: 'Groups of ICBs' },
  { value: 'user', text: 'Footprints made by users' },
];

export default function ModelsPage() {
  useTitle('Commissioning models');
  const { query } = useLocation();
  const catalogue = useApi<ServiceCatalogue>('/services');
  const services = catalogue.state === 'ready' ? catalogue.data.rows : [];
  const service = query.get('service') || services[0]?.code || '';
  const kind = query.get('kind') ?? 'region';
  const models = useApi<CommissioningModelsAnswer>(service ? '/delegation/models' : null, { service });
  // The form stays on screen (with its message) while a save reloads the timeline above it.
  const lastReady = useRef<CommissioningModelsAnswer | null>(null);
  if (models.state === 'ready') lastReady.current = models.data;
  const editing = lastReady.current;
  return (
    <>
      <h1>Commissioning models</h1>
      <DelegationNav />
      <p className="nhsuk-lede-text">
        Where each service sits for each footprint, year by year: NHS England direct, NHS England with the ICBs at the
        table, a joint committee, a lead commissioner or full delegation. The proposal follows how the service is
        commissioned for the footprint's ICBs; the region or national agrees a model.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <GroupedSelect
            id="choose-service"
            label="Service"
            searchLabel="Search services"
            value={service}
            onChange={(v) => setQuery({ service: v })}
            groups={serviceGroups(services)}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="choose-kind">
              Footprints
            </label>
            <select
              className="nhsuk-select"
              id="choose-kind"
              value={kind}
              onChange={(e) => setQuery({ kind: e.target.value })}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.text}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <Async result={models} what="the commissioning models">
        {(data) => (
          <>
            <p>
              {data.tierFrom
                ? `Tiers from the delegation exercise ${data.tierFrom}. `
                : 'No delegation exercise has run, so no service is tiered: several delegated ICBs get a lead commissioner. '}
              {data.spendYear
                ? `The lead ICB hosts the main provider of the footprint's residents in ${data.spendYear}, or else its residents spend the most.`
                : 'With no stored run there is no spend to choose a lead ICB from.'}{' '}
              <Link href={`/delegation/occasional-practice?service=${encodeURIComponent(service)}`}>
                Occasional practice for this service
              </Link>
            </p>
            <ExportLinks
              path="/delegation/models"
              query={{ service }}
              label="commissioning models"
              formats={['xlsx', 'csv']}
            />
            <Timeline
              years={data.years}
              rows={data.rows.filter((r) => r.footprintKind === kind)}
              labels={new Map(data.models.map((m) => [m.model, m.label]))}
            />
          </>
        )}
      </Async>
      {editing?.footprints.some((f) => f.canEdit) && (
        <SetModel key={service} data={editing} services={services} service={service} onSaved={models.reload} />
      )}
    </>
  );
}

function Timeline({
  years,
  rows,
  labels,
}: {
  years: string[];
  rows: CommissioningModelLine[];
  labels: Map<CommissioningModel, string>;
}) {
  if (rows.length === 0) return <p>There are no footprints of this kind.</p>;
  const tier = rows[0]!.tier;
  return (
    <>
      <p>{tier ? `Tier: ${TIER_TEXT[tier]}.` : 'Not tiered in a delegation run.'}</p>
      <ScrollBox labelledBy="timeline-caption">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="timeline-caption">
            Commissioning model per footprint and financial year, proposed from the delegation status, with what is
            recorded
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Footprint
              </th>
              {years.map((y) => (
                <th scope="col" className="nhsuk-table__header" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((line) => (
              <tr className="nhsuk-table__row" key={line.footprint}>
                <th scope="row" className="nhsuk-table__header">
                  {line.footprint}
                  {line.icbNames.length > 1 && (
                    <span className="nhsuk-body-s" style={{ display: 'block', fontWeight: 'normal', margin: 0 }}>
                      {line.icbNames.length} ICBs
                    </span>
                  )}
                </th>
                {line.years.map((y) => (
                  <td className="nhsuk-table__cell" key={y.financialYear} title={y.proposal.reason}>
                    {y.proposal.model ? (
                      <strong className={`nhsuk-tag ${MODEL_TAG[y.proposal.model]}`}>
                        {labels.get(y.proposal.model)}
                      </strong>
                    ) : (
                      <span>{y.proposal.label}</span>
                    )}
                    {y.proposal.jointCommittee && <span style={{ display: 'block' }}>{y.proposal.jointCommittee}</span>}
                    {y.proposal.model === 'lead-commissioner' && (
                      <span style={{ display: 'block' }}>
                        Lead: {y.proposal.lead ? shortIcbName(y.proposal.lead.icbName) : 'to be named'}
                      </span>
                    )}
                    {y.recorded && (
                      <span className="nhsuk-body-s" style={{ display: 'block', margin: 0 }}>
                        {y.recorded.status === 'agreed' ? 'Agreed' : 'Proposed'}: {labels.get(y.recorded.model)}
                        {y.recorded.lead ? `, ${y.recorded.lead}` : ''} (
                        {y.recorded.status === 'agreed' ? `by ${y.recorded.source}` : y.recorded.source})
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

function SetModel({
  data,
  services,
  service,
  onSaved,
}: {
  data: CommissioningModelsAnswer;
  services: { code: string; name: string }[];
  service: string;
  onSaved: () => void;
}) {
  const editable = data.footprints.filter((f) => f.canEdit);
  const label = new Map(data.models.map((m) => [m.model, m.label]));
  const [form, setForm] = useState({
    serviceCode: service || services[0]?.code || '',
    footprint: editable[0]?.name ?? '',
    financialYear: data.years.at(-1) ?? '',
    model: 'joint-committee' as CommissioningModel,
    lead: '',
  });
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await putJson('/delegation/models', { ...form, lead: form.lead.trim() || null });
      setMessage({
        kind: 'saved',
        text: `Saved: ${label.get(form.model)} for ${form.footprint} in ${form.financialYear}.`,
      });
      onSaved();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  };
  const field = (id: keyof typeof form, text: string, options: { value: string; text: string }[]) => (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`model-${id}`}>
        {text}
      </label>
      <select className="nhsuk-select" id={`model-${id}`} value={form[id]} onChange={set(id)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form onSubmit={submit} noValidate className="nhsuk-u-margin-top-5">
      <h2>Set a commissioning model</h2>
      <p>
        You can set models for the footprints your organisation covers. What an ICB sets is its proposal until its
        region or national agrees it.
      </p>
      {message && (
        <div className={message.kind === 'error' ? 'nhsuk-error-summary' : 'nhsuk-inset-text'} role="alert">
          <p className="nhsuk-u-margin-bottom-0">{message.text}</p>
        </div>
      )}
      {field(
        'serviceCode',
        'Service',
        services.map((s) => ({ value: s.code, text: s.name })),
      )}
      {field(
        'footprint',
        'Footprint',
        editable.map((f) => ({ value: f.name, text: f.name })),
      )}
      {field(
        'financialYear',
        'Financial year',
        data.years.map((y) => ({ value: y, text: y })),
      )}
      {field(
        'model',
        'Model',
        data.models.map((m) => ({ value: m.model, text: m.label })),
      )}
      {form.model === 'lead-commissioner' && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="model-lead">
            Lead ICB or provider collaborative
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id="model-lead"
            value={form.lead}
            onChange={set('lead')}
          />
        </div>
      )}
      <button type="submit" className="nhsuk-button">
        Save model
      </button>
    </form>
  );
}
