// The scenario as a form a finance lead fills in: rates as percentages in a grid with the plan years
// across, QIPP schemes with their scope chosen from the workspace's codes and a start month per year,
// the allocation's target, convergence and control totals, and an optional risk share.
import type { ReactNode } from 'react';
import type { PlanningChoices, ScenarioProblem } from '../../../../src/core/planning/plan-answers.ts';
import type { Scenario } from '../../../../src/core/planning/scenario-schema.ts';
import type { FinancialYear } from '../../../../src/core/units.ts';
import { ScrollBox } from '../../components/scroll-box.tsx';
import { CodePicker } from './code-picker.tsx';
import { NumberField } from './number-field.tsx';
import { fieldId, planYears, withUnits, withYears } from './scenario-draft.ts';
import { ServiceChangeFields } from './service-change-fields.tsx';

type Scheme = Scenario['qipp'][number];
type RiskShare = NonNullable<Scenario['riskShare']>;

const MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];
const setAt = <T,>(list: readonly T[], i: number, value: T): T[] => list.map((v, j) => (j === i ? value : v));

export interface FormProps {
  draft: Scenario;
  setDraft: (s: Scenario) => void;
  choices: PlanningChoices;
  problems: ScenarioProblem[];
}

const under = (problems: ScenarioProblem[], prefix: string) =>
  problems.filter((p) => {
    const f = p.where.field ?? '';
    return f === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}[`);
  });

function Problems({ problems }: { problems: ScenarioProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <>
      {problems.map((p) => (
        <span className="nhsuk-error-message" key={`${p.where.field}-${p.code}-${p.message}`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {p.message}
          {p.accepted ? ` Accepted: ${p.accepted}.` : ''}
        </span>
      ))}
    </>
  );
}

/** A grid of per-year inputs: one row per figure, the plan years across. */
function YearGrid({
  caption,
  years,
  rows,
}: {
  caption: string;
  years: string[];
  rows: { label: ReactNode; key: string; cells: (year: string, i: number) => ReactNode }[];
}) {
  return (
    <ScrollBox label={caption} columns={years.length + 1}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Figure
            </th>
            {years.map((y) => (
              <th key={y} className="nhsuk-table__header" scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr key={row.key} className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="row" style={{ minWidth: '9em' }}>
                {row.label}
              </th>
              {years.map((y, i) => (
                <td key={y} className="nhsuk-table__cell">
                  {row.cells(y, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function TextField({
  path,
  label,
  hint,
  value,
  onChange,
  problems,
  multiline = false,
}: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  problems: ScenarioProblem[];
  multiline?: boolean;
}) {
  const mine = under(problems, path);
  return (
    <div className={`nhsuk-form-group${mine.length ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={fieldId(path)}>
        {label}
      </label>
      {hint && <div className="nhsuk-hint">{hint}</div>}
      <Problems problems={mine} />
      {multiline ? (
        <textarea
          className={`nhsuk-textarea${mine.length ? ' nhsuk-textarea--error' : ''}`}
          id={fieldId(path)}
          rows={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          className={`nhsuk-input${mine.length ? ' nhsuk-input--error' : ''}`}
          id={fieldId(path)}
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

export function ScenarioForm({ draft, setDraft, choices, problems }: FormProps) {
  const years = planYears(draft.baseYear, draft.years);
  const invalid = (path: string) => problems.some((p) => p.where.field === path);
  const baseYearOptions = [...new Set([...choices.baseYears, draft.baseYear])].sort();
  const percentCell = (path: string, label: string, value: number | undefined, set: (v: number) => void) => (
    <NumberField path={path} label={label} value={value} onChange={set} percent invalid={invalid(path)} width={4} />
  );
  const unitOptions = [
    ...choices.icbs,
    ...choices.footprints.map((f) => ({
      code: `footprint:${f.name}`,
      name: `${f.name} (footprint of ${f.members.join(', ')})`,
    })),
  ];
  const { growth, allocation } = draft;
  const setGrowth = (g: Partial<Scenario['growth']>) => setDraft({ ...draft, growth: { ...growth, ...g } });
  const setAllocation = (a: Partial<Scenario['allocation']>) =>
    setDraft({ ...draft, allocation: { ...allocation, ...a } });
  const byPod = growth.nonDemographic.byPod ?? {};
  const setByPod = (next: Record<string, number[]>) =>
    setGrowth({
      nonDemographic: {
        default: growth.nonDemographic.default,
        ...(Object.keys(next).length ? { byPod: next } : {}),
      },
    });
  const setScheme = (i: number, scheme: Scheme) => setDraft({ ...draft, qipp: setAt(draft.qipp, i, scheme) });

  return (
    <>
      <h2>About the scenario</h2>
      <TextField
        path="name"
        label="Name"
        hint="How the scenario is listed and compared."
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
        problems={problems}
      />
      <TextField
        path="description"
        label="Description (optional)"
        multiline
        value={draft.description ?? ''}
        onChange={(d) => {
          const { description: _, ...rest } = draft;
          setDraft(d ? { ...rest, description: d } : rest);
        }}
        problems={problems}
      />
      <div className="fp-filters">
        <div className={`nhsuk-form-group${invalid('baseYear') ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={fieldId('baseYear')}>
            Base year
          </label>
          <select
            className="nhsuk-select"
            id={fieldId('baseYear')}
            value={draft.baseYear}
            onChange={(e) => {
              const baseYear = baseYearOptions.find((y) => y === e.target.value);
              if (baseYear) setDraft({ ...draft, baseYear });
            }}
          >
            {baseYearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
                {choices.baseYears.includes(y) ? '' : ' (no activity)'}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={fieldId('years')}>
            Plan years
          </label>
          <select
            className="nhsuk-select"
            id={fieldId('years')}
            value={draft.years}
            onChange={(e) => setDraft(withYears(draft, Number(e.target.value)))}
          >
            {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Problems problems={under(problems, 'baseYear')} />
      <Problems problems={under(problems, 'units')} />
      <CodePicker
        path="units"
        label="Plan for"
        hint="ICBs, or footprints whose ICBs’ figures add up. You can plan only for ICBs your organisation covers."
        options={unitOptions}
        chosen={draft.units}
        onChange={(units) => setDraft(withUnits(draft, units))}
        invalid={under(problems, 'units').length > 0}
      />

      <h2>Growth and allocation</h2>
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Demographic growth</legend>
          <div className="nhsuk-radios nhsuk-radios--inline">
            {(
              [
                ['rates', 'Rates I enter'],
                ['projections', 'From imported population projections'],
              ] as const
            ).map(([kind, text]) => (
              <div className="nhsuk-radios__item" key={kind}>
                <input
                  className="nhsuk-radios__input"
                  id={`demographic-${kind}`}
                  type="radio"
                  name="demographic"
                  checked={(growth.demographic === 'projections') === (kind === 'projections')}
                  onChange={() =>
                    setGrowth({
                      demographic:
                        kind === 'projections' ? 'projections' : Array.from({ length: draft.years }, () => 0),
                    })
                  }
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`demographic-${kind}`}>
                  {text}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <Problems problems={[...under(problems, 'growth'), ...under(problems, 'allocation.growth')]} />
      <YearGrid
        caption="Growth a year (%)"
        years={years}
        rows={[
          ...(growth.demographic === 'projections'
            ? []
            : [
                {
                  key: 'demographic',
                  label: 'Demographic',
                  cells: (y: string, i: number) =>
                    percentCell(
                      `growth.demographic[${i}]`,
                      `Demographic growth ${y} (%)`,
                      (growth.demographic as number[])[i],
                      (v) => setGrowth({ demographic: setAt(growth.demographic as number[], i, v) }),
                    ),
                },
              ]),
          {
            key: 'non-demographic',
            label: 'Non-demographic, all pods',
            cells: (y, i) =>
              percentCell(
                `growth.nonDemographic.default[${i}]`,
                `Non-demographic growth ${y} (%)`,
                growth.nonDemographic.default[i],
                (v) =>
                  setGrowth({
                    nonDemographic: { ...growth.nonDemographic, default: setAt(growth.nonDemographic.default, i, v) },
                  }),
              ),
          },
          ...Object.entries(byPod).map(([pod, rates]) => ({
            key: `pod-${pod}`,
            label: (
              <>
                Non-demographic, {pod}{' '}
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  onClick={() =>
                    setByPod(
                      Object.fromEntries(Object.entries(byPod).filter(([p]) => p !== pod)) as Record<string, number[]>,
                    )
                  }
                >
                  Remove<span className="nhsuk-u-visually-hidden"> the {pod} rates</span>
                </button>
              </>
            ),
            cells: (y: string, i: number) =>
              percentCell(
                `growth.nonDemographic.byPod.${pod}[${i}]`,
                `Non-demographic growth for ${pod} ${y} (%)`,
                rates?.[i],
                (v) => setByPod({ ...(byPod as Record<string, number[]>), [pod]: setAt(rates ?? [], i, v) }),
              ),
          })),
          {
            key: 'inflation',
            label: 'Inflation',
            cells: (y, i) =>
              percentCell(`growth.inflation[${i}]`, `Inflation ${y} (%)`, growth.inflation[i], (v) =>
                setGrowth({ inflation: setAt(growth.inflation, i, v) }),
              ),
          },
          {
            key: 'allocation',
            label: allocation.convergence ? 'Allocation (total across the ICBs)' : 'Allocation',
            cells: (y, i) =>
              percentCell(`allocation.growth[${i}]`, `Allocation growth ${y} (%)`, allocation.growth[i], (v) =>
                setAllocation({ growth: setAt(allocation.growth, i, v) }),
              ),
          },
        ]}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="add-pod-rate">
          Give a point of delivery its own non-demographic growth (high-cost drugs often grow faster)
        </label>
        <select
          className="nhsuk-select"
          id="add-pod-rate"
          value=""
          onChange={(e) =>
            e.target.value &&
            setByPod({
              ...(byPod as Record<string, number[]>),
              [e.target.value]: [...growth.nonDemographic.default],
            })
          }
        >
          <option value="">Choose a pod…</option>
          {choices.pods
            .filter((p) => !(p in byPod))
            .map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
        </select>
      </div>

      <h2>QIPP schemes</h2>
      <p>
        Each year’s rate is the <strong>new</strong> full-year saving introduced that year, as a percentage of the
        in-scope do-nothing spend; it recurs in later years. A tranche starting in October (month 7) saves half its rate
        in its first year.
      </p>
      {draft.qipp.map((scheme, i) => (
        <SchemeFields
          // biome-ignore lint/suspicious/noArrayIndexKey: a scheme is its place in the list; its name changes as it is typed
          key={i}
          index={i}
          scheme={scheme}
          years={years}
          choices={choices}
          problems={under(problems, `qipp[${i}]`)}
          invalid={invalid}
          onChange={(s) => setScheme(i, s)}
          onRemove={() => setDraft({ ...draft, qipp: draft.qipp.filter((_, j) => j !== i) })}
        />
      ))}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() =>
          setDraft({
            ...draft,
            qipp: [
              ...draft.qipp,
              {
                name: `Scheme ${draft.qipp.length + 1}`,
                type: 'transactional',
                scope: {},
                rates: Array.from({ length: draft.years }, () => 0),
              },
            ],
          })
        }
      >
        Add a QIPP scheme
      </button>

      <AllocationFields
        draft={draft}
        years={years}
        setAllocation={setAllocation}
        problems={problems}
        invalid={invalid}
      />
      <RiskShareFields draft={draft} setDraft={setDraft} choices={choices} problems={problems} invalid={invalid} />
      <ServiceChangeFields draft={draft} setDraft={setDraft} choices={choices} problems={problems} years={years} />
    </>
  );
}

function SchemeFields({
  index,
  scheme,
  years,
  choices,
  problems,
  invalid,
  onChange,
  onRemove,
}: {
  index: number;
  scheme: Scheme;
  years: string[];
  choices: PlanningChoices;
  problems: ScenarioProblem[];
  invalid: (path: string) => boolean;
  onChange: (s: Scheme) => void;
  onRemove: () => void;
}) {
  const path = `qipp[${index}]`;
  const setScope = (key: 'providers' | 'services' | 'pods', codes: string[]) => {
    const { [key]: _, ...rest } = scheme.scope;
    onChange({ ...scheme, scope: codes.length ? { ...rest, [key]: codes } : rest });
  };
  const pods = scheme.scope.pods ?? [];
  const months = scheme.startMonth ?? years.map(() => 1);
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5" data-testid={`scheme-${index}`}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        Scheme {index + 1}: {scheme.name}
      </legend>
      <Problems problems={problems.filter((p) => !p.where.field?.startsWith(`${path}.name`))} />
      <TextField
        path={`${path}.name`}
        label="Scheme name"
        value={scheme.name}
        onChange={(name) => onChange({ ...scheme, name })}
        problems={problems}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fieldId(`${path}.type`)}>
          Type
        </label>
        <select
          className="nhsuk-select"
          id={fieldId(`${path}.type`)}
          value={scheme.type}
          onChange={(e) => onChange({ ...scheme, type: e.target.value as Scheme['type'] })}
        >
          <option value="transactional">Transactional (prices, drugs, contracts)</option>
          <option value="transformational">Transformational (pathways, models of care)</option>
        </select>
      </div>
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset" id={fieldId(`${path}.scope.pods`)}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Points of delivery it saves on</legend>
          <div className="nhsuk-hint">None ticked means all.</div>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {choices.pods.map((pod) => (
              <div className="nhsuk-checkboxes__item" key={pod} style={{ display: 'inline-flex', marginRight: 16 }}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`${fieldId(path)}-pod-${pod}`}
                  type="checkbox"
                  checked={pods.includes(pod as never)}
                  onChange={(e) => setScope('pods', e.target.checked ? [...pods, pod] : pods.filter((p) => p !== pod))}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${fieldId(path)}-pod-${pod}`}>
                  {pod}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <CodePicker
        path={`${path}.scope.providers`}
        label="Providers it saves at"
        hint="None chosen means all."
        options={choices.providers}
        chosen={scheme.scope.providers ?? []}
        onChange={(codes) => setScope('providers', codes)}
        invalid={problems.some((p) => p.where.field?.startsWith(`${path}.scope.providers`))}
      />
      <CodePicker
        path={`${path}.scope.services`}
        label="Services it saves on"
        hint="None chosen means all."
        options={choices.services}
        chosen={scheme.scope.services ?? []}
        onChange={(codes) => setScope('services', codes)}
        invalid={problems.some((p) => p.where.field?.startsWith(`${path}.scope.services`))}
      />
      <YearGrid
        caption={`${scheme.name}: new saving each year`}
        years={years}
        rows={[
          {
            key: 'rates',
            label: 'New saving (%)',
            cells: (y, i) => (
              <NumberField
                path={`${path}.rates[${i}]`}
                label={`${scheme.name}: new full-year saving ${y} (%)`}
                value={scheme.rates[i]}
                onChange={(v) => onChange({ ...scheme, rates: setAt(scheme.rates, i, v) })}
                percent
                invalid={invalid(`${path}.rates[${i}]`) || invalid(`${path}.rates`)}
                width={4}
              />
            ),
          },
          {
            key: 'start',
            label: 'Starts in',
            cells: (y, i) => (
              <select
                className={`nhsuk-select${invalid(`${path}.startMonth[${i}]`) ? ' nhsuk-select--error' : ''}`}
                style={{ minWidth: 0, width: 'auto' }}
                id={fieldId(`${path}.startMonth[${i}]`)}
                aria-label={`${scheme.name}: month the ${y} tranche starts`}
                value={months[i] ?? 1}
                onChange={(e) => {
                  const next = setAt(months, i, Number(e.target.value));
                  const { startMonth: _, ...rest } = scheme;
                  onChange(next.every((m) => m === 1) ? rest : { ...rest, startMonth: next });
                }}
              >
                {MONTHS.map((m, k) => (
                  <option key={m} value={k + 1}>
                    {m}
                  </option>
                ))}
              </select>
            ),
          },
        ]}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRemove}>
        Remove scheme<span className="nhsuk-u-visually-hidden"> {scheme.name}</span>
      </button>
    </fieldset>
  );
}

function AllocationFields({
  draft,
  years,
  setAllocation,
  problems,
  invalid,
}: {
  draft: Scenario;
  years: string[];
  setAllocation: (a: Partial<Scenario['allocation']>) => void;
  problems: ScenarioProblem[];
  invalid: (path: string) => boolean;
}) {
  const { allocation } = draft;
  const target = allocation.target === undefined ? 'none' : allocation.target === 'needs' ? 'needs' : 'shares';
  const totals = allocation.controlTotals;
  const replace = (next: Scenario['allocation']) => setAllocation(next);
  return (
    <>
      <h2>Allocation</h2>
      <p>
        The base-year allocation is each unit’s population-basis spend; later years grow by the allocation growth above.
      </p>
      <Problems
        problems={[
          ...under(problems, 'allocation.target'),
          ...under(problems, 'allocation.convergence'),
          ...under(problems, 'allocation.controlTotals'),
        ]}
      />
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset" id={fieldId('allocation.target')}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Needs-based target</legend>
          <div className="nhsuk-radios">
            {(
              [
                ['none', 'No target'],
                ['needs', 'Weighted population (general & acute, from the GP-practice weighted populations)'],
                ...(target === 'shares' ? [['shares', 'Shares by ICB (set in the JSON)']] : []),
              ] as [string, string][]
            ).map(([kind, text]) => (
              <div className="nhsuk-radios__item" key={kind}>
                <input
                  className="nhsuk-radios__input"
                  id={`target-${kind}`}
                  type="radio"
                  name="target"
                  checked={target === kind}
                  onChange={() => {
                    const { target: _, convergence: __, ...rest } = allocation;
                    if (kind === 'needs')
                      replace({
                        ...rest,
                        target: 'needs',
                        ...(allocation.convergence && { convergence: allocation.convergence }),
                      });
                    else if (kind === 'none') replace(rest);
                  }}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`target-${kind}`}>
                  {text}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {target !== 'none' && (
        <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-4">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="convergence-on"
              type="checkbox"
              checked={Boolean(allocation.convergence)}
              onChange={(e) => {
                const { convergence: _, ...rest } = allocation;
                replace(e.target.checked ? { ...rest, convergence: { floorGrowth: 0.01, capGrowth: 0.05 } } : rest);
              }}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="convergence-on">
              Move allocations towards target (pace of change)
            </label>
          </div>
        </div>
      )}
      {allocation.convergence && (
        <div className="fp-filters">
          {(
            [
              ['floorGrowth', 'Floor: growth every ICB gets (%)'],
              ['capGrowth', 'Cap: most growth for an ICB below target (%)'],
            ] as const
          ).map(([key, label]) => (
            <div className="nhsuk-form-group" key={key}>
              <label className="nhsuk-label" htmlFor={fieldId(`allocation.convergence.${key}`)}>
                {label}
              </label>
              <NumberField
                path={`allocation.convergence.${key}`}
                label={label}
                value={allocation.convergence?.[key]}
                onChange={(v) => replace({ ...allocation, convergence: { ...allocation.convergence!, [key]: v } })}
                percent
                invalid={invalid(`allocation.convergence.${key}`)}
                width={4}
              />
            </div>
          ))}
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={fieldId('allocation.convergence.from')}>
              Glide path to target starts
            </label>
            <select
              className="nhsuk-select"
              id={fieldId('allocation.convergence.from')}
              value={allocation.convergence.from ?? ''}
              onChange={(e) => {
                const { from: _, ...pace } = allocation.convergence!;
                // A plan year label from the list above; the server checks it as a financial year when planning.
                const from = e.target.value as FinancialYear;
                replace({ ...allocation, convergence: from ? { ...pace, from } : pace });
              }}
            >
              <option value="">Plan year 1</option>
              {[
                ...new Set([...(allocation.convergence.from ? [allocation.convergence.from] : []), ...years.slice(1)]),
              ].map((y) => (
                <option key={y} value={y}>
                  {y < (years[0] ?? '') ? `${y} (before the plan)` : y}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-4">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="control-totals-on"
            type="checkbox"
            checked={Boolean(totals)}
            onChange={(e) => {
              const { controlTotals: _, ...rest } = allocation;
              replace(
                e.target.checked
                  ? { ...rest, controlTotals: Object.fromEntries(draft.units.map((u) => [u, years.map(() => 0)])) }
                  : rest,
              );
            }}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="control-totals-on">
            Set control totals (the position each unit must deliver: 0 = break even, more = a surplus)
          </label>
        </div>
      </div>
      {totals && (
        <YearGrid
          caption="Control totals (£)"
          years={years}
          rows={Object.entries(totals).map(([unit, values]) => ({
            key: unit,
            label: unit.replace(/^footprint:/, ''),
            cells: (y, i) => (
              <NumberField
                path={`allocation.controlTotals.${unit}[${i}]`}
                label={`Control total for ${unit} ${y} (£)`}
                value={values[i]}
                onChange={(v) => replace({ ...allocation, controlTotals: { ...totals, [unit]: setAt(values, i, v) } })}
                invalid={invalid(`allocation.controlTotals.${unit}[${i}]`)}
                width={10}
              />
            ),
          }))}
        />
      )}
    </>
  );
}

function RiskShareFields({
  draft,
  setDraft,
  choices,
  problems,
  invalid,
}: FormProps & { invalid: (path: string) => boolean }) {
  const risk = draft.riskShare;
  const set = (next: RiskShare | undefined) => {
    const { riskShare: _, ...rest } = draft;
    setDraft(next ? { ...rest, riskShare: next } : rest);
  };
  const footprint = choices.footprints.find((f) => f.name.toLowerCase() === risk?.footprint.toLowerCase());
  const members = footprint?.members ?? Object.keys(risk?.outturn ?? {});
  const start = (name: string): RiskShare => {
    const f = choices.footprints.find((x) => x.name === name);
    return {
      footprint: name,
      type: 'pool',
      basis: 'allocation',
      outturn: Object.fromEntries((f?.members ?? []).map((icb) => [icb, 0])),
    };
  };
  return (
    <>
      <h2>Risk share</h2>
      <Problems problems={under(problems, 'riskShare')} />
      <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-4">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="risk-share-on"
            type="checkbox"
            checked={Boolean(risk)}
            disabled={choices.footprints.length === 0}
            onChange={(e) => set(e.target.checked ? start(choices.footprints[0]!.name) : undefined)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="risk-share-on">
            Share the risk of a pooled footprint budget
          </label>
        </div>
      </div>
      {risk && (
        <>
          <div className="fp-filters">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={fieldId('riskShare.footprint')}>
                Footprint
              </label>
              <select
                className="nhsuk-select"
                id={fieldId('riskShare.footprint')}
                value={footprint?.name ?? risk.footprint}
                onChange={(e) => set(start(e.target.value))}
              >
                {choices.footprints.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={fieldId('riskShare.type')}>
                Agreement
              </label>
              <select
                className="nhsuk-select"
                id={fieldId('riskShare.type')}
                value={risk.type}
                onChange={(e) => {
                  const { threshold: _, ...rest } = risk;
                  set(
                    e.target.value === 'threshold'
                      ? { ...rest, type: 'threshold', threshold: 0.02 }
                      : { ...rest, type: 'pool' },
                  );
                }}
              >
                <option value="pool">Pool all variance</option>
                <option value="threshold">Own variance up to a threshold, pool the rest</option>
              </select>
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={fieldId('riskShare.basis')}>
                Shared by
              </label>
              <select
                className="nhsuk-select"
                id={fieldId('riskShare.basis')}
                value={risk.basis}
                onChange={(e) => {
                  const { shares: _, ...rest } = risk;
                  const basis = e.target.value as RiskShare['basis'];
                  set(
                    basis === 'fixed'
                      ? { ...rest, basis, shares: Object.fromEntries(members.map((m) => [m, 1 / members.length])) }
                      : { ...rest, basis },
                  );
                }}
              >
                <option value="allocation">Allocation</option>
                <option value="population">Population</option>
                <option value="fixed">Fixed shares</option>
              </select>
            </div>
            {risk.type === 'threshold' && (
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={fieldId('riskShare.threshold')}>
                  Threshold (% of allocation)
                </label>
                <NumberField
                  path="riskShare.threshold"
                  label="Threshold (% of allocation)"
                  value={risk.threshold}
                  onChange={(v) => set({ ...risk, threshold: v })}
                  percent
                  invalid={invalid('riskShare.threshold')}
                  width={4}
                />
              </div>
            )}
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={fieldId('riskShare.cap')}>
                Cap on a member’s share of the pool (£, optional)
              </label>
              <NumberField
                path="riskShare.cap"
                label="Cap on a member’s share of the pool (£, optional)"
                value={risk.cap}
                onChange={(v) => {
                  const { cap: _, ...rest } = risk;
                  set(Number.isNaN(v) ? rest : { ...rest, cap: v });
                }}
                invalid={invalid('riskShare.cap')}
                width={10}
              />
            </div>
          </div>
          <YearGrid
            caption="Members’ outturn against the first plan year’s allocation"
            years={risk.basis === 'fixed' ? ['Outturn (£)', 'Fixed share (%)'] : ['Outturn (£)']}
            rows={members.map((icb) => ({
              key: icb,
              label: icb,
              cells: (_column, i) =>
                i === 0 ? (
                  <NumberField
                    path={`riskShare.outturn.${icb}`}
                    label={`Outturn of ${icb} (£)`}
                    value={risk.outturn[icb]}
                    onChange={(v) => set({ ...risk, outturn: { ...risk.outturn, [icb]: v } })}
                    invalid={invalid(`riskShare.outturn.${icb}`)}
                    width={10}
                  />
                ) : (
                  <NumberField
                    path={`riskShare.shares.${icb}`}
                    label={`Fixed share of ${icb} (%)`}
                    value={risk.shares?.[icb]}
                    onChange={(v) => set({ ...risk, shares: { ...risk.shares, [icb]: v } })}
                    percent
                    invalid={invalid(`riskShare.shares.${icb}`)}
                    width={4}
                  />
                ),
            }))}
          />
        </>
      )}
    </>
  );
}
