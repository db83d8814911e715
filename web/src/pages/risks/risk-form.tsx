// Adding or reviewing a risk (editors): what could happen, its owner and category, likelihood and impact
// before and after mitigation, what it concerns, review dates and status. The API checks everything and a
// refusal names the parameter, which the NHS.UK error summary links to.
import { type FormEvent, useState } from 'react';
import type { Risk, RiskInput } from '../../../../src/core/risks/risk.ts';
import { ApiError, postJson, putJson } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CATEGORIES, LINK_KINDS } from './risk-labels.ts';

interface FieldError {
  field: string;
  message: string;
}

type Draft = Omit<RiskInput, 'links'> & { links: { kind: RiskInput['links'][number]['kind']; code: string }[] };

const blank = (organisation: string): Draft => ({
  organisation,
  title: '',
  description: '',
  category: 'financial',
  owner: '',
  likelihood: 3,
  impact: 3,
  mitigation: '',
  residualLikelihood: 2,
  residualImpact: 3,
  links: [],
  status: 'open',
  reviewed: null,
  nextReview: null,
});

const fromRisk = (r: Risk): Draft => ({
  organisation: r.organisation,
  title: r.title,
  description: r.description,
  category: r.category,
  owner: r.owner,
  likelihood: r.likelihood,
  impact: r.impact,
  mitigation: r.mitigation,
  residualLikelihood: r.residualLikelihood,
  residualImpact: r.residualImpact,
  links: r.links.map(({ kind, code }) => ({ kind, code })),
  status: r.status,
  reviewed: r.reviewed,
  nextReview: r.nextReview,
});

/** 'body.links.1.code' → 'risk-links-1-code', falling back to shorter ids until one is on the page. */
function fieldOf(parameter: string | undefined): string {
  const parts = (parameter ?? '').replace(/^body\.?/, '').split('.');
  for (let n = parts.length; n > 0 && parts[0]; n--) {
    const id = `risk-${parts.slice(0, n).join('-')}`;
    if (document.getElementById(id)) return id;
  }
  return 'form';
}

export function RiskForm({
  organisation,
  existing,
  onSaved,
}: {
  organisation: string;
  existing?: Risk;
  onSaved: (risk: Risk) => void;
}) {
  const [draft, setDraft] = useState<Draft>(existing ? fromRisk(existing) : blank(organisation));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const show = (problems: FieldError[]) => {
    setErrors(problems);
    requestAnimationFrame(() => document.getElementById('risk-error-summary')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!draft.title.trim()) missing.push({ field: 'risk-title', message: 'Enter what could happen' });
    if (!draft.owner.trim()) missing.push({ field: 'risk-owner', message: 'Enter who owns the risk' });
    draft.links.forEach((l, i) => {
      if (!l.code.trim()) missing.push({ field: `risk-links-${i}-code`, message: `Enter the code of link ${i + 1}` });
    });
    if (missing.length) return show(missing);
    const body = { ...draft, links: draft.links.map((l) => ({ ...l, code: l.code.trim() })) };
    try {
      const saved = existing
        ? await putJson<Risk>(`/risks/${encodeURIComponent(existing.id)}`, body)
        : await postJson<Risk>('/risks', body);
      setErrors([]);
      if (!existing) setDraft(blank(organisation));
      if (saved) onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiError)) return show([{ field: 'form', message: String(e) }]);
      const parameter = (e.where as { parameter?: string } | undefined)?.parameter;
      show([{ field: e.status < 500 ? fieldOf(parameter) : 'form', message: e.message }]);
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.field === id)?.message;
  const group = (id: string, label: string, control: (described: string | undefined) => React.ReactNode) => {
    const error = errorFor(id);
    return (
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={id}>
          {label}
        </label>
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        {control(error ? `${id}-error` : undefined)}
      </div>
    );
  };
  const text = (id: string, label: string, value: string, onChange: (v: string) => void, wide = false) =>
    group(id, label, (described) => (
      <input
        className={`nhsuk-input${wide ? '' : ' nhsuk-input--width-20'}${errorFor(id) ? ' nhsuk-input--error' : ''}`}
        id={id}
        type="text"
        value={value}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
    ));
  const area = (id: string, label: string, value: string, onChange: (v: string) => void) =>
    group(id, label, (described) => (
      <textarea
        className="nhsuk-textarea"
        id={id}
        rows={3}
        value={value}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
    ));
  const level = (id: string, label: string, value: number, onChange: (v: number) => void) =>
    group(id, label, (described) => (
      <select
        className="nhsuk-select"
        id={id}
        value={value}
        aria-describedby={described}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    ));
  const date = (id: string, label: string, value: string | null, onChange: (v: string | null) => void) =>
    group(id, label, (described) => (
      <input
        className="nhsuk-input nhsuk-input--width-10"
        id={id}
        type="date"
        value={value ?? ''}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value || null)}
      />
    ));
  const heading = existing ? 'Review this risk' : 'Add a risk';
  const before = draft.likelihood * draft.impact;
  const after = draft.residualLikelihood * draft.residualImpact;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="risk-form-heading">
      <h2 id="risk-form-heading">{heading}</h2>
      <ErrorSummary id="risk-error-summary" errors={errors} />
      {text('risk-title', 'What could happen', draft.title, (title) => set({ title }), true)}
      {area('risk-description', 'Cause and effect (optional)', draft.description, (description) =>
        set({ description }),
      )}
      {group('risk-category', 'Category', (described) => (
        <select
          className="nhsuk-select"
          id="risk-category"
          value={draft.category}
          aria-describedby={described}
          onChange={(e) => set({ category: e.target.value as Draft['category'] })}
        >
          {CATEGORIES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      ))}
      {text('risk-owner', 'Owner (the person accountable)', draft.owner, (owner) => set({ owner }))}
      {text('risk-organisation', 'Organisation (ICB or region code, or national)', draft.organisation, (o) =>
        set({ organisation: o.trim() }),
      )}
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          Before mitigation: score {before} of 25
        </legend>
        <div className="fp-filters">
          {level('risk-likelihood', 'Likelihood (1–5)', draft.likelihood, (likelihood) => set({ likelihood }))}
          {level('risk-impact', 'Impact (1–5)', draft.impact, (impact) => set({ impact }))}
        </div>
      </fieldset>
      {area('risk-mitigation', 'Mitigation', draft.mitigation, (mitigation) => set({ mitigation }))}
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          After mitigation: score {after} of 25
        </legend>
        <div className="fp-filters">
          {level('risk-residualLikelihood', 'Likelihood after (1–5)', draft.residualLikelihood, (v) =>
            set({ residualLikelihood: v }),
          )}
          {level('risk-residualImpact', 'Impact after (1–5)', draft.residualImpact, (v) => set({ residualImpact: v }))}
        </div>
      </fieldset>
      <fieldset className="nhsuk-fieldset" id="risk-links">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What it concerns</legend>
        <div className="nhsuk-hint">A service code, footprint name, provider ODS code or QIPP scheme name.</div>
        {draft.links.map((link, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: links have no identity but their place, as in the API's paths
          <div className="fp-filters" key={i}>
            {group(`risk-links-${i}-kind`, `Link ${i + 1}: kind`, (described) => (
              <select
                className="nhsuk-select"
                id={`risk-links-${i}-kind`}
                value={link.kind}
                aria-describedby={described}
                onChange={(e) =>
                  set({
                    links: draft.links.map((l, j) => (j === i ? { ...l, kind: e.target.value as typeof l.kind } : l)),
                  })
                }
              >
                {LINK_KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            ))}
            {text(`risk-links-${i}-code`, `Link ${i + 1}: code or name`, link.code, (code) =>
              set({ links: draft.links.map((l, j) => (j === i ? { ...l, code } : l)) }),
            )}
            <div className="nhsuk-form-group">
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                onClick={() => set({ links: draft.links.filter((_, j) => j !== i) })}
              >
                Remove<span className="nhsuk-u-visually-hidden"> link {i + 1}</span>
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => set({ links: [...draft.links, { kind: 'service', code: '' }] })}
        >
          Add {draft.links.length ? 'another' : 'a'} link
        </button>
      </fieldset>
      <div className="fp-filters">
        {date('risk-reviewed', 'Last reviewed', draft.reviewed, (reviewed) => set({ reviewed }))}
        {date('risk-nextReview', 'Next review', draft.nextReview, (nextReview) => set({ nextReview }))}
        {group('risk-status', 'Status', (described) => (
          <select
            className="nhsuk-select"
            id="risk-status"
            value={draft.status}
            aria-describedby={described}
            onChange={(e) => set({ status: e.target.value as Draft['status'] })}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        ))}
      </div>
      <button type="submit" className="nhsuk-button">
        {existing ? 'Save the review' : 'Add the risk'}
      </button>
    </form>
  );
}
