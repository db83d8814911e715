// The "Places & networks" section's sub-navigation, and the footprint picker its pages share.
import type { Footprints } from '../../../../src/core/footprints/footprints-answer.ts';
import { useApi } from '../../api/use-api.ts';
import { Link, setQuery, useLocation } from '../../router.tsx';

const ITEMS = [
  { href: '/places', text: 'Places and neighbourhoods' },
  { href: '/places/networks', text: 'Clinical networks' },
  { href: '/places/triangulation', text: 'Triangulation' },
  { href: '/places/wiring', text: 'Who does what' },
];

export function PlacesNav() {
  const { path } = useLocation();
  return (
    <nav className="nhsuk-contents-list" aria-label="Places and networks pages">
      <ol className="nhsuk-contents-list__list">
        {ITEMS.map((item) => (
          <li key={item.href} className="nhsuk-contents-list__item">
            {path === item.href ? (
              <span className="nhsuk-contents-list__current" aria-current="page">
                {item.text}
              </span>
            ) : (
              <Link className="nhsuk-contents-list__link" href={item.href}>
                {item.text}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A select of footprints (or ICBs only), kept in the URL as ?footprint= or ?icb=. */
export function FootprintSelect({
  value,
  parameter,
  label,
}: {
  value: string;
  parameter: 'footprint' | 'icb';
  label: string;
}) {
  const footprints = useApi<Footprints>('/footprints');
  const rows =
    footprints.state === 'ready'
      ? footprints.data.rows.filter((f) => (parameter === 'icb' ? f.kind === 'icb' : true))
      : [];
  const options = rows
    .map((f) => ({ value: parameter === 'icb' ? f.members[0]! : f.name, text: f.name }))
    .sort((a, b) => a.text.localeCompare(b.text));
  if (!options.some((o) => o.value === value)) options.unshift({ value, text: value });
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`choose-${parameter}`}>
        {label}
      </label>
      <select
        className="nhsuk-select"
        id={`choose-${parameter}`}
        value={value}
        onChange={(e) => setQuery({ [parameter]: e.target.value })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export const SIZE_FLAG_TEXT: Record<string, string> = {
  'below-usual-size': 'Below usual size',
  'within-usual-size': 'Within usual size',
  'above-usual-size': 'Above usual size',
};

/** An NHS.UK tag for a size flag: grey within the range, orange outside it. */
export function SizeTag({ flag }: { flag: string }) {
  const colour = flag === 'within-usual-size' ? 'nhsuk-tag--grey' : 'nhsuk-tag--orange';
  return <strong className={`nhsuk-tag ${colour}`}>{SIZE_FLAG_TEXT[flag] ?? flag}</strong>;
}
