// The commissioning models timeline: for a service, where it sits for each footprint in each financial year
// (NHS England direct, with ICB input, joint committee, lead commissioner, delegated), agreed or proposed
// by a delegation run. Editors set the model for footprints whose every ICB their organisation covers.
import { type FormEvent, useRef, useState } from 'react';
import type { ServiceCatalogue } from '../../../../src/core/services/service-answers.ts';
import { ApiError, putJson } from '../../api/client.ts';
import type { CommissioningModel, ModelEntry, ModelsAnswer } from '../../api/delegation-types.ts';
import { useApi } from '../../api/use-api.ts';
import { ExportLinks } from '../../components/data-table.tsx';
import { ScrollBox } from '../../components/scroll-box.tsx';
import { Async, Empty } from '../../components/states.tsx';
import { setQuery, useLocation, useTitle } from '../../router.tsx';
import { DelegationNav } from './delegation-nav.tsx';

export const MODEL_TEXT: Record<CommissioningModel, string> = {
  'nhse-direct': 'NHS England direct',
  'nhse-with-icb-input': 'NHS England with ICB input',
  'joint-committee': 'Joint committee',
  'lead-commissioner': 'Lead commissioner',
  delegated: 'Delegated',
};

const MODEL_TAG: Record<CommissioningModel, string> = {
  'nhse-direct': 'nhsuk-tag--grey',
  'nhse-with-icb-input': 'nhsuk-tag--blue',
  'joint-committee': 'nhsuk-tag--aqua-green',
  'lead-commissioner': 'nhsuk-tag--purple',
  delegated: 'nhsuk-tag--green',
};

export default function ModelsPage() {
  useTitle('Commissioning models');
  const { query } = useLocation();
  const catalogue = useApi<ServiceCatalogue>('/services');
  const services = catalogue.state === 'ready' ? catalogue.data.rows : [];
  const service = query.get('service') ?? '';
  const models = useApi<ModelsAnswer>('/delegation/models', { service: service || undefined });
  // The form stays on screen (with its message) while a save reloads the timeline above it.
  const lastReady = useRef<ModelsAnswer | null>(null);
  if (models.state === 'ready') lastReady.current = models.data;
  const editing = lastReady.current;
  return (
    <>
      <h1>Commissioning models</h1>
      <DelegationNav />
      <p className="nhsuk-lede-text">
        Where each service sits on the spectrum from NHS England direct commissioning to full delegation, for each
        footprint and financial year. A delegation run proposes a timeline; the organisation covering a footprint's ICBs
        agrees it.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="choose-service">
          Service
        </label>
        <select
          className="nhsuk-select"
          id="choose-service"
          value={service}
          onChange={(e) => setQuery({ service: e.target.value })}
        >
          <option value="">Every service</option>
          {services.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <Async result={models} what="the commissioning models">
        {(data) => (
          <>
            <ExportLinks
              path="/delegation/models"
              query={{ service: service || undefined }}
              label="commissioning models"
              formats={['xlsx']}
            />
            {data.rows.length === 0 ? (
              <Empty title="No commissioning models yet">
                <p>
                  Running a delegation exercise proposes a timeline for every service with an outcome; or set a model
                  below.
                </p>
              </Empty>
            ) : (
              <Timeline rows={data.rows} names={new Map(services.map((s) => [s.code, s.name]))} />
            )}
          </>
        )}
      </Async>
      {editing?.footprints.some((f) => f.canEdit) && (
        <SetModel key={service} data={editing} services={services} service={service} onSaved={models.reload} />
      )}
    </>
  );
}

const LIMIT = 300;

function Timeline({ rows, names }: { rows: ModelEntry[]; names: Map<string, string> }) {
  const years = [...new Set(rows.map((r) => r.financialYear))].sort();
  const lines = new Map<string, ModelEntry[]>();
  for (const r of rows) {
    const key = `${r.serviceCode}\u0000${r.footprint}`;
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  const shown = [...lines.values()].slice(0, LIMIT);
  return (
    <>
      {lines.size > LIMIT && (
        <p>
          Showing the first {LIMIT} of {lines.size} service and footprint pairs: choose a service to see its own, or
          export them all to Excel.
        </p>
      )}
      <ScrollBox labelledBy="timeline-caption">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="timeline-caption">
            Commissioning model per footprint and financial year (proposed ones marked)
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Service and footprint
              </th>
              {years.map((y) => (
                <th scope="col" className="nhsuk-table__header" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {shown.map((line) => {
              const first = line[0]!;
              return (
                <tr className="nhsuk-table__row" key={`${first.serviceCode}-${first.footprint}`}>
                  <th scope="row" className="nhsuk-table__header">
                    {names.get(first.serviceCode) ?? first.serviceCode}
                    <span className="nhsuk-body-s" style={{ display: 'block', fontWeight: 'normal', margin: 0 }}>
                      {first.footprint}
                    </span>
                  </th>
                  {years.map((y) => {
                    const entry = line.find((e) => e.financialYear === y);
                    return (
                      <td className="nhsuk-table__cell" key={y}>
                        {entry ? (
                          <>
                            <strong className={`nhsuk-tag ${MODEL_TAG[entry.model]}`}>{MODEL_TEXT[entry.model]}</strong>
                            {entry.lead && <span style={{ display: 'block' }}>Lead: {entry.lead}</span>}
                            <span className="nhsuk-body-s" style={{ display: 'block', margin: 0 }}>
                              {entry.status === 'proposed' ? `Proposed (${entry.source})` : `Agreed by ${entry.source}`}
                            </span>
                          </>
                        ) : (
                          '–'
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

function nextYears(count: number): string[] {
  const now = new Date();
  const start = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return Array.from({ length: count }, (_, i) => `${start + i}/${String((start + i + 1) % 100).padStart(2, '0')}`);
}

function SetModel({
  data,
  services,
  service,
  onSaved,
}: {
  data: ModelsAnswer;
  services: { code: string; name: string }[];
  service: string;
  onSaved: () => void;
}) {
  const editable = data.footprints.filter((f) => f.canEdit);
  const [form, setForm] = useState({
    serviceCode: service || services[0]?.code || '',
    footprint: editable[0]?.name ?? '',
    financialYear: nextYears(1)[0]!,
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
        text: `Saved: ${MODEL_TEXT[form.model]} for ${form.footprint} in ${form.financialYear}.`,
      });
      onSaved();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  };
  const field = (id: keyof typeof form, label: string, options: { value: string; text: string }[]) => (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`model-${id}`}>
        {label}
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
      <p>You can set models for the footprints your organisation covers.</p>
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
        nextYears(5).map((y) => ({ value: y, text: y })),
      )}
      {field(
        'model',
        'Model',
        data.models.map((m) => ({ value: m, text: MODEL_TEXT[m] })),
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
