// A drop-down of many choices in named groups (<optgroup>), with a search box above it that narrows the
// list as a person types: footprints by kind, services by programme of care. The choice in force always
// stays in the list, so a search never silently changes it.
import { useId, useMemo, useState } from 'react';

export interface ChoiceGroup {
  label: string;
  options: { value: string; label: string }[];
}

export function GroupedSelect({
  id,
  label,
  searchLabel,
  value,
  onChange,
  everything,
  groups,
}: {
  id: string;
  label: string;
  /** e.g. "Search footprints". */
  searchLabel: string;
  value: string;
  onChange: (value: string) => void;
  /** The option meaning "no filter", e.g. { value: '', label: 'All of England' }; none where a choice is needed. */
  everything?: { value: string; label: string };
  groups: ChoiceGroup[];
}) {
  const [search, setSearch] = useState('');
  const searchId = useId();
  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
    return groups
      .map((g) => ({
        ...g,
        options: g.options.filter((o) => o.value === value || matches(o.label) || matches(g.label)),
      }))
      .filter((g) => g.options.length > 0);
  }, [groups, search, value]);
  const count = shown.reduce((n, g) => n + g.options.length, 0);
  return (
    <div className="nhsuk-form-group fp-grouped-select">
      <label className="nhsuk-label" htmlFor={searchId}>
        {searchLabel}
      </label>
      <input
        className="nhsuk-input fp-grouped-select__search"
        id={searchId}
        type="search"
        value={search}
        aria-controls={id}
        onChange={(e) => setSearch(e.target.value)}
      />
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {everything && <option value={everything.value}>{everything.label}</option>}
        {shown.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {search && (
        <p className="nhsuk-body-s" role="status">
          {count} {count === 1 ? 'match' : 'matches'}
        </p>
      )}
    </div>
  );
}
