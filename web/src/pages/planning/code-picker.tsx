// Choosing a few codes from a long list (providers, services, units): the chosen ones listed with a
// Remove button each, and a select to add another — usable by keyboard and on a phone.
import { useState } from 'react';
import type { CodeAndName } from '../../../../src/core/planning/plan-answers.ts';
import { fieldId } from './scenario-draft.ts';

export function CodePicker({
  path,
  label,
  hint,
  options,
  chosen,
  onChange,
  invalid = false,
}: {
  path: string;
  label: string;
  hint?: string;
  options: CodeAndName[];
  chosen: string[];
  onChange: (codes: string[]) => void;
  invalid?: boolean;
}) {
  const [adding, setAdding] = useState('');
  const names = new Map(options.map((o) => [o.code, o.name]));
  const id = fieldId(path);
  return (
    <div className={`nhsuk-form-group${invalid ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && <div className="nhsuk-hint">{hint}</div>}
      {chosen.length > 0 && (
        <ul className="nhsuk-list nhsuk-u-margin-bottom-2">
          {chosen.map((code) => (
            <li key={code}>
              {names.get(code) ?? code} ({code}){' '}
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => onChange(chosen.filter((c) => c !== code))}
              >
                Remove<span className="nhsuk-u-visually-hidden"> {names.get(code) ?? code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`}
        id={id}
        value={adding}
        onChange={(e) => {
          const code = e.target.value;
          setAdding('');
          if (code && !chosen.includes(code)) onChange([...chosen, code]);
        }}
      >
        <option value="">{chosen.length ? 'Add another…' : 'Choose…'}</option>
        {options
          .filter((o) => !chosen.includes(o.code))
          .map((o) => (
            <option key={o.code} value={o.code}>
              {o.name} ({o.code})
            </option>
          ))}
      </select>
    </div>
  );
}
