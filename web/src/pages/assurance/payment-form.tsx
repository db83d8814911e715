// Setting a contract's payment (editors): the mechanism of each service line with the shares it needs
// (blended fixed share, outcome share at risk and achievement, risk share's provider share and cap), and
// its CQUIN schemes. Shares are typed as percentages and sent as 0–1; the API checks everything and a
// refusal names the parameter, which the NHS.UK error summary links to.
import { type FormEvent, useState } from 'react';
import type {
  ContractPaymentInput,
  PaymentLine,
  PaymentMechanism,
  PaymentRegister,
} from '../../../../src/core/payment/payment-mechanism.ts';
import { ApiError, putJson } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';
import { MECHANISM_NAMES } from './payment-labels.ts';

interface FieldError {
  field: string;
  message: string;
}

type Share = 'fixedShare' | 'outcomeShare' | 'outcomeAchievement' | 'providerShare' | 'riskCap';

/** The shares each mechanism takes, in the form's order, with their labels. */
const SHARES: Record<PaymentMechanism, { key: Share; label: string; optional?: boolean }[]> = {
  block: [],
  activity: [],
  blended: [{ key: 'fixedShare', label: 'Fixed part (% of value)' }],
  outcome: [
    { key: 'outcomeShare', label: 'At risk on outcomes (% of value)' },
    { key: 'outcomeAchievement', label: 'Outcomes achieved (%)' },
  ],
  alliance: [
    { key: 'providerShare', label: 'Provider’s share of the variance (%)' },
    { key: 'riskCap', label: 'Cap on what the provider bears (% of value, optional)', optional: true },
  ],
  'lead-provider': [
    { key: 'providerShare', label: 'Lead provider’s share of the variance (%)' },
    { key: 'riskCap', label: 'Cap on what the lead provider bears (% of value)' },
  ],
};

interface LineDraft {
  serviceCode: string;
  serviceName: string;
  mechanism: PaymentMechanism | '';
  shares: Partial<Record<Share, string>>;
}

interface CquinDraft {
  scheme: string;
  value: string;
  achievement: string;
}

const percent = (share: number | null) => (share === null ? '' : String(Math.round(share * 10_000) / 100));

function draftLines(lines: readonly PaymentLine[]): LineDraft[] {
  return lines.map((l) => ({
    serviceCode: l.service,
    serviceName: l.serviceName,
    mechanism: l.mechanism === 'unspecified' ? '' : l.mechanism,
    shares: {
      fixedShare: percent(l.fixedShare),
      outcomeShare: percent(l.outcomeShare),
      outcomeAchievement: percent(l.outcomeAchievement),
      providerShare: percent(l.providerShare),
      riskCap: percent(l.riskCap),
    },
  }));
}

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

export function PaymentForm({
  register,
  onSaved,
}: {
  register: PaymentRegister;
  onSaved: (register: PaymentRegister) => void;
}) {
  const contracts = [...new Map(register.lines.map((l) => [l.contractId, l])).values()];
  const [contractId, setContractId] = useState(contracts[0]?.contractId ?? '');
  const ofContract = (id: string) => register.lines.filter((l) => l.contractId === id);
  const [lines, setLines] = useState<LineDraft[]>(() => draftLines(ofContract(contractId)));
  const [cquin, setCquin] = useState<CquinDraft[]>(() => cquinOf(register, contractId));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  if (contracts.length === 0) return null;

  const choose = (id: string) => {
    setContractId(id);
    setLines(draftLines(ofContract(id)));
    setCquin(cquinOf(register, id));
    setErrors([]);
    setSaved(false);
  };
  const show = (problems: FieldError[]) => {
    setErrors(problems);
    setSaved(false);
    requestAnimationFrame(() => document.getElementById('payment-error-summary')?.focus());
  };
  const setLine = (i: number, patch: Partial<LineDraft>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setScheme = (i: number, patch: Partial<CquinDraft>) =>
    setCquin((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    // Lines with no mechanism are left out of the body; `formIndex` maps the API's line index back.
    const formIndex: number[] = [];
    const body: ContractPaymentInput = { lines: [], cquin: [] };
    lines.forEach((l, i) => {
      if (!l.mechanism) return;
      const line: ContractPaymentInput['lines'][number] = { serviceCode: l.serviceCode, mechanism: l.mechanism };
      for (const share of SHARES[l.mechanism]) {
        const text = (l.shares[share.key] ?? '').trim();
        if (!text && share.optional) continue;
        if (!PERCENT.test(text) || Number(text) > 100) {
          problems.push({
            field: `payment-lines-${i}-${share.key}`,
            message: `${l.serviceName}: enter ${share.label.replace(/ \(.*\)$/, '').toLowerCase()} as a percentage from 0 to 100`,
          });
          continue;
        }
        line[share.key] = Number(text) / 100;
      }
      formIndex.push(i);
      body.lines.push(line);
    });
    cquin.forEach((c, i) => {
      const value = c.value.replace(/^£/, '').replaceAll(',', '').trim();
      if (!c.scheme.trim())
        problems.push({ field: `payment-cquin-${i}-scheme`, message: `Enter CQUIN ${i + 1}’s name` });
      if (!MONEY.test(value)) {
        problems.push({
          field: `payment-cquin-${i}-value`,
          message: `Enter CQUIN ${i + 1}’s value in pounds, e.g. 25000.50`,
        });
      }
      const achieved = c.achievement.trim();
      if (achieved && (!PERCENT.test(achieved) || Number(achieved) > 100)) {
        problems.push({
          field: `payment-cquin-${i}-achievement`,
          message: `Enter how far CQUIN ${i + 1} was achieved as a percentage from 0 to 100, or leave it blank`,
        });
      }
      body.cquin.push({
        scheme: c.scheme.trim(),
        value: Number(value),
        achievement: achieved ? Number(achieved) / 100 : null,
      });
    });
    if (problems.length) return show(problems);
    try {
      const updated = await putJson<PaymentRegister>(
        `/assurance/contracts/${encodeURIComponent(contractId)}/payment`,
        body,
      );
      setErrors([]);
      setSaved(true);
      onSaved(updated);
    } catch (e) {
      if (!(e instanceof ApiError)) return show([{ field: 'form', message: String(e) }]);
      const parameter = (e.where as { parameter?: string } | undefined)?.parameter ?? '';
      show([{ field: e.status < 500 ? fieldOf(parameter, formIndex) : 'form', message: e.message }]);
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.field === id)?.message;
  const contract = contracts.find((c) => c.contractId === contractId)!;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="payment-form-heading">
      <h2 id="payment-form-heading">Set a contract’s payment</h2>
      <ErrorSummary id="payment-error-summary" errors={errors} />
      {saved && (
        <p className="nhsuk-body" role="status">
          Saved the payment of {contract.providerName}’s {contract.financialYear} contract.
        </p>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="payment-contract">
          Contract
        </label>
        <select
          className="nhsuk-select"
          id="payment-contract"
          value={contractId}
          onChange={(e) => choose(e.target.value)}
        >
          {contracts.map((c) => (
            <option key={c.contractId} value={c.contractId}>
              {c.providerName}, {c.financialYear}
            </option>
          ))}
        </select>
      </div>
      {lines.map((l, i) => {
        const id = `payment-lines-${i}-mechanism`;
        const error = errorFor(id);
        return (
          <fieldset className="nhsuk-fieldset" key={l.serviceCode} data-testid={`payment-line-${i}`}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{l.serviceName}</legend>
            <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={id}>
                Mechanism
              </label>
              {error && (
                <span className="nhsuk-error-message" id={`${id}-error`}>
                  <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                </span>
              )}
              <select
                className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
                id={id}
                value={l.mechanism}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setLine(i, { mechanism: e.target.value as LineDraft['mechanism'] })}
              >
                <option value="">Not recorded</option>
                {(Object.keys(SHARES) as PaymentMechanism[]).map((m) => (
                  <option key={m} value={m}>
                    {MECHANISM_NAMES[m]}
                  </option>
                ))}
              </select>
            </div>
            {l.mechanism &&
              SHARES[l.mechanism].map((share) => (
                <FormField
                  key={share.key}
                  id={`payment-lines-${i}-${share.key}`}
                  label={share.label}
                  value={l.shares[share.key] ?? ''}
                  onChange={(v) => setLine(i, { shares: { ...l.shares, [share.key]: v } })}
                  error={errorFor(`payment-lines-${i}-${share.key}`)}
                  width={10}
                />
              ))}
          </fieldset>
        );
      })}
      <fieldset className="nhsuk-fieldset" id="payment-cquin">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">CQUIN schemes</legend>
        {cquin.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: schemes have no identity but their place, as in the API's paths
          <div key={i} data-testid={`payment-cquin-${i}`}>
            <FormField
              id={`payment-cquin-${i}-scheme`}
              label={`CQUIN ${i + 1}: scheme`}
              value={c.scheme}
              onChange={(scheme) => setScheme(i, { scheme })}
              error={errorFor(`payment-cquin-${i}-scheme`)}
              width={30}
            />
            <FormField
              id={`payment-cquin-${i}-value`}
              label={`CQUIN ${i + 1}: value (£)`}
              value={c.value}
              onChange={(value) => setScheme(i, { value })}
              error={errorFor(`payment-cquin-${i}-value`)}
              width={10}
            />
            <FormField
              id={`payment-cquin-${i}-achievement`}
              label={`CQUIN ${i + 1}: achieved (%)`}
              hint="Leave blank while not yet assessed."
              value={c.achievement}
              onChange={(achievement) => setScheme(i, { achievement })}
              error={errorFor(`payment-cquin-${i}-achievement`)}
              width={10}
            />
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setCquin((cs) => cs.filter((_, j) => j !== i))}
            >
              Remove<span className="nhsuk-u-visually-hidden"> CQUIN {i + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setCquin((cs) => [...cs, { scheme: '', value: '', achievement: '' }])}
        >
          Add {cquin.length ? 'another' : 'a'} CQUIN scheme
        </button>
      </fieldset>
      <button type="submit" className="nhsuk-button">
        Save the payment
      </button>
    </form>
  );
}

function cquinOf(register: PaymentRegister, contractId: string): CquinDraft[] {
  return register.cquin
    .filter((q) => q.contractId === contractId)
    .map((q) => ({ scheme: q.scheme, value: q.value.toFixed(2), achievement: percent(q.achievement) }));
}

/** 'body.lines.1.fixedShare' → the form's field for that line, falling back to shorter ids on the page. */
function fieldOf(parameter: string, formIndex: readonly number[]): string {
  const parts = parameter.replace(/^body\.?/, '').split('.');
  if (parts[0] === 'lines' && parts[1] !== undefined) parts[1] = String(formIndex[Number(parts[1])] ?? parts[1]);
  for (let n = parts.length; n > 0 && parts[0]; n--) {
    const id = `payment-${parts.slice(0, n).join('-')}`;
    if (document.getElementById(id)) return id;
  }
  return 'form';
}
