// A number typed as people write it — 2.1 for 2.1%, 1500000 for £1.5m — held as the scenario holds it
// (0.021, 1500000). The typed text is kept while it is being edited, so "2." is not snapped back to "2".
import { useEffect, useState } from 'react';
import { fieldId } from './scenario-draft.ts';

const parse = (text: string, scale: number) => {
  const trimmed = text.trim().replace(/,/g, '');
  return trimmed === '' ? Number.NaN : Number(trimmed) / scale;
};

const show = (value: number | undefined, scale: number) =>
  value === undefined || !Number.isFinite(value) ? '' : String(Math.round(value * scale * 1e6) / 1e6);

export function NumberField({
  path,
  label,
  value,
  onChange,
  percent = false,
  invalid = false,
  width = 5,
}: {
  /** The scenario field path, e.g. qipp[0].rates[1]: the input's id, so problems can link to it. */
  path: string;
  label: string;
  value: number | undefined;
  /** Called with the value as the scenario holds it; NaN when the box is empty or not a number. */
  onChange: (value: number) => void;
  percent?: boolean;
  invalid?: boolean;
  width?: 2 | 3 | 4 | 5 | 10;
}) {
  const scale = percent ? 100 : 1;
  const [text, setText] = useState(show(value, scale));
  useEffect(() => {
    const typed = parse(text, scale);
    const same = typed === value || (Number.isNaN(typed) && (value === undefined || Number.isNaN(value)));
    if (!same) setText(show(value, scale));
  }, [value, scale, text]);
  return (
    <input
      className={`nhsuk-input nhsuk-input--width-${width}${invalid ? ' nhsuk-input--error' : ''}`}
      id={fieldId(path)}
      type="text"
      inputMode="decimal"
      spellCheck={false}
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value, scale));
      }}
    />
  );
}
