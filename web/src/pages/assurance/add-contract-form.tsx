// Adding a contract to the register (editors): its type, provider, year, the commissioners party to it, the
// services with their values, the activity plan and the quality schedule, sent to POST
// /api/assurance/contracts. The form checks only that required boxes are filled; the API checks codes and
// money, and a refusal names the field, which the NHS.UK error summary links to and marks.
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Contract } from '../../../../src/core/assurance/contract-shapes.ts';
import { ApiError, postJson } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';

const TYPES: { value: Contract['type']; label: string; hint: string }[] = [
  { value: 'single-provider', label: 'Single provider', hint: 'One provider delivers the services.' },
  { value: 'alliance', label: 'Alliance', hint: 'Providers share the risk and reward under one agreement.' },
  { value: 'lead-provider', label: 'Lead provider', hint: 'One provider holds the contract and subcontracts.' },
];

interface ServiceLine {
  serviceCode: string;
  value: string;
}
interface ActivityLine {
  serviceCode: string;
  pod: string;
  activity: string;
}
interface QualityLine {
  kpi: string;
  target: string;
  escalation: string;
  status: '' | 'met' | 'not-met';
}
interface FieldError {
  /** The id of the box the problem is about, or 'form' when it is about no one box. */
  field: string;
  message: string;
}

const NO_SERVICE: ServiceLine = { serviceCode: '', value: '' };
const NO_ACTIVITY: ActivityLine = { serviceCode: '', pod: '', activity: '' };
const NO_KPI: QualityLine = { kpi: '', target: '', escalation: '', status: '' };

/** Box ids follow the API's parameter paths ('body.services.0.value' → 'contract-services-0-value'), so a
 * refusal finds its box by dropping trailing parts until one exists on the page. */
function fieldOf(parameter: string | undefined): string {
  const parts = (parameter ?? '').replace(/^body\.?/, '').split('.');
  if (parts[0] === 'leadCommissioner') parts[0] = 'commissioners';
  for (let n = parts.length; n > 0 && parts[0]; n--) {
    const id = `contract-${parts.slice(0, n).join('-')}`;
    if (document.getElementById(id)) return id;
  }
  return 'form';
}

function codesIn(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

function missingBoxes(
  providerCode: string,
  financialYear: string,
  services: ServiceLine[],
  activity: ActivityLine[],
  quality: QualityLine[],
): FieldError[] {
  const problems: FieldError[] = [];
  if (!providerCode.trim()) problems.push({ field: 'contract-providerCode', message: 'Enter the provider’s ODS code' });
  if (!/^\d{4}\/\d{2}$/.test(financialYear.trim()))
    problems.push({ field: 'contract-financialYear', message: 'Enter the financial year, for example 2026/27' });
  services.forEach((s, i) => {
    if (!s.serviceCode.trim())
      problems.push({ field: `contract-services-${i}-serviceCode`, message: `Enter the code of service ${i + 1}` });
    if (!s.value.trim())
      problems.push({ field: `contract-services-${i}-value`, message: `Enter the value of service ${i + 1}` });
  });
  activity.forEach((a, i) => {
    if (!a.serviceCode.trim())
      problems.push({
        field: `contract-activityPlan-${i}-serviceCode`,
        message: `Enter the service of plan line ${i + 1}`,
      });
    if (!a.pod.trim())
      problems.push({
        field: `contract-activityPlan-${i}-pod`,
        message: `Enter the point of delivery of plan line ${i + 1}`,
      });
    if (!/^\d+(\.\d+)?$/.test(a.activity.trim()))
      problems.push({
        field: `contract-activityPlan-${i}-activity`,
        message: `Enter the planned activity of plan line ${i + 1} as a number`,
      });
  });
  quality.forEach((q, i) => {
    if (!q.kpi.trim())
      problems.push({ field: `contract-qualitySchedule-${i}-kpi`, message: `Enter the name of KPI ${i + 1}` });
  });
  return problems;
}

export function AddContractForm({ onAdded }: { onAdded: () => void }) {
  const [type, setType] = useState<Contract['type']>('single-provider');
  const [providerCode, setProviderCode] = useState('');
  const [financialYear, setFinancialYear] = useState('2026/27');
  const [commissioners, setCommissioners] = useState('');
  const [services, setServices] = useState<ServiceLine[]>([NO_SERVICE]);
  const [activity, setActivity] = useState<ActivityLine[]>([]);
  const [quality, setQuality] = useState<QualityLine[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState<Contract | null>(null);

  const showProblems = (problems: FieldError[]) => {
    setErrors(problems);
    // After React paints the summary, move focus to it so a screen reader announces the problems.
    requestAnimationFrame(() => document.getElementById('contract-error-summary')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const problems = missingBoxes(providerCode, financialYear, services, activity, quality);
    if (problems.length > 0) return showProblems(problems);
    try {
      const contract = await postJson<Contract>('/assurance/contracts', {
        type,
        providerCode: providerCode.trim().toUpperCase(),
        financialYear: financialYear.trim(),
        commissioners: codesIn(commissioners),
        services: services.map((s) => ({ serviceCode: s.serviceCode.trim(), value: s.value.trim() })),
        activityPlan: activity.map((a) => ({
          serviceCode: a.serviceCode.trim(),
          pod: a.pod.trim(),
          activity: Number(a.activity),
        })),
        qualitySchedule: quality.map((q) => ({
          kpi: q.kpi.trim(),
          target: q.target.trim(),
          escalation: q.escalation.trim(),
          status: q.status || null,
        })),
      });
      setErrors([]);
      setAdded(contract);
      setProviderCode('');
      setCommissioners('');
      setServices([NO_SERVICE]);
      setActivity([]);
      setQuality([]);
      onAdded();
    } catch (e) {
      if (!(e instanceof ApiError)) return showProblems([{ field: 'form', message: String(e) }]);
      const parameter = (e.where as { parameter?: string } | undefined)?.parameter;
      showProblems([{ field: e.status < 500 ? fieldOf(parameter) : 'form', message: e.message }]);
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.field === id)?.message;

  /** One labelled text box with its NHS.UK error state. */
  const box = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    width: 5 | 10 | 20,
    hint = '',
  ) => (
    <FormField id={id} label={label} value={value} onChange={onChange} error={errorFor(id)} hint={hint} width={width} />
  );

  function lines<T>(
    id: string,
    legend: string,
    rows: T[],
    setRows: (rows: T[]) => void,
    empty: T,
    noun: string,
    row: (line: T, i: number, set: (patch: Partial<T>) => void) => ReactNode,
    { keepOne = false, hint = '' } = {},
  ) {
    const error = errorFor(id);
    const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
    return (
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" id={id} aria-describedby={described || undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
          {hint && (
            <div className="nhsuk-hint" id={`${id}-hint`}>
              {hint}
            </div>
          )}
          {error && (
            <span className="nhsuk-error-message" id={`${id}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          )}
          {rows.map((line, i) => (
            // Lines have no identity of their own; the index is what the API's error paths use too.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <div className="fp-filters" key={i}>
              {row(line, i, (patch) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}
              {(!keepOne || rows.length > 1) && (
                <div className="nhsuk-form-group">
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> {`${noun} ${i + 1}`}</span>
                  </button>
                </div>
              )}
            </div>
          ))}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setRows([...rows, empty])}
          >
            Add {rows.length ? 'another' : 'a'} {noun}
          </button>
        </fieldset>
      </div>
    );
  }

  const formError = errorFor('form');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-contract-heading">
      <h2 id="add-contract-heading">Add a contract</h2>
      <ErrorSummary id="contract-error-summary" errors={errors} />
      {added && (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The {added.financialYear} contract with {added.providerName} was added to the register
            {added.fragmentedServices.length > 0
              ? `. The provider already holds another contract this year for ${added.services
                  .filter((x) => added.fragmentedServices.includes(x.serviceCode))
                  .map((x) => `${x.serviceName} (${x.serviceCode})`)
                  .join(', ')}.`
              : '.'}
          </p>
        </div>
      )}
      {formError && <p className="nhsuk-error-message">{formError}</p>}
      <div className={`nhsuk-form-group${errorFor('contract-type') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" id="contract-type">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Type of contract</legend>
          <div className="nhsuk-radios nhsuk-radios--small">
            {TYPES.map((t) => (
              <div className="nhsuk-radios__item" key={t.value}>
                <input
                  className="nhsuk-radios__input"
                  id={`contract-type-${t.value}`}
                  name="contract-type"
                  type="radio"
                  checked={type === t.value}
                  aria-describedby={`contract-type-${t.value}-hint`}
                  onChange={() => setType(t.value)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`contract-type-${t.value}`}>
                  {t.label}
                </label>
                <div className="nhsuk-hint nhsuk-radios__hint" id={`contract-type-${t.value}-hint`}>
                  {t.hint}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="fp-filters">
        {box('contract-providerCode', 'Provider (ODS code)', providerCode, setProviderCode, 5, 'For example RJ7')}
        {box('contract-financialYear', 'Financial year', financialYear, setFinancialYear, 5, 'For example 2026/27')}
      </div>
      {box(
        'contract-commissioners',
        'Other commissioners party to it (optional)',
        commissioners,
        setCommissioners,
        20,
        'ICB or region codes separated by spaces. Your organisation is the lead commissioner.',
      )}
      {lines(
        'contract-services',
        'Services and values',
        services,
        setServices,
        NO_SERVICE,
        'service',
        (s, i, set) => (
          <>
            {box(
              `contract-services-${i}-serviceCode`,
              `Service ${i + 1} code`,
              s.serviceCode,
              (v) => set({ serviceCode: v }),
              10,
            )}
            {box(`contract-services-${i}-value`, `Service ${i + 1} value (£)`, s.value, (v) => set({ value: v }), 10)}
          </>
        ),
        {
          keepOne: true,
          hint: 'Service line codes from the services catalogue; values in pounds, for example £1,250,000.50.',
        },
      )}
      {lines(
        'contract-activityPlan',
        'Activity plan (optional)',
        activity,
        setActivity,
        NO_ACTIVITY,
        'plan line',
        (a, i, set) => (
          <>
            {box(
              `contract-activityPlan-${i}-serviceCode`,
              `Line ${i + 1} service`,
              a.serviceCode,
              (v) => set({ serviceCode: v }),
              5,
            )}
            {box(`contract-activityPlan-${i}-pod`, 'Point of delivery', a.pod, (v) => set({ pod: v }), 5)}
            {box(`contract-activityPlan-${i}-activity`, 'Planned activity', a.activity, (v) => set({ activity: v }), 5)}
          </>
        ),
      )}
      {lines(
        'contract-qualitySchedule',
        'Quality schedule (optional)',
        quality,
        setQuality,
        NO_KPI,
        'KPI',
        (q, i, set) => (
          <>
            {box(`contract-qualitySchedule-${i}-kpi`, `KPI ${i + 1}`, q.kpi, (v) => set({ kpi: v }), 10)}
            {box(`contract-qualitySchedule-${i}-target`, 'Target', q.target, (v) => set({ target: v }), 5)}
            {box(
              `contract-qualitySchedule-${i}-escalation`,
              'Escalation',
              q.escalation,
              (v) => set({ escalation: v }),
              10,
            )}
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`contract-qualitySchedule-${i}-status`}>
                Latest position
              </label>
              <select
                className="nhsuk-select"
                id={`contract-qualitySchedule-${i}-status`}
                value={q.status}
                onChange={(e) => set({ status: e.target.value as QualityLine['status'] })}
              >
                <option value="">Not reported</option>
                <option value="met">Met</option>
                <option value="not-met">Not met</option>
              </select>
            </div>
          </>
        ),
      )}
      <button type="submit" className="nhsuk-button">
        Add contract
      </button>
    </form>
  );
}
