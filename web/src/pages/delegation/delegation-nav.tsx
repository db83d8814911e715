// The Delegation section's sub-navigation, the exercise picker its pages share (kept in the URL as
// ?exercise=), and the words and tags for outcomes, tiers and levels.

import type { SegmentationLevel } from '../../../../src/core/definitions/segmentation-rubric.ts';
import type { DelegationOutcome } from '../../../../src/core/delegation/delegation-outcome.ts';
import type { Tier } from '../../../../src/core/tiering/tier.ts';
import { Empty } from '../../components/states.tsx';
import { Link, setQuery, useLocation } from '../../router.tsx';

const ITEMS = [
  { href: '/delegation', text: 'Segmentation matrix' },
  { href: '/delegation/outcomes', text: 'Delegation outcomes' },
  { href: '/delegation/models', text: 'Commissioning models' },
  { href: '/delegation/occasional-practice', text: 'Occasional practice' },
];

export function DelegationNav() {
  const { path, query } = useLocation();
  const exercise = query.get('exercise');
  const withExercise = (href: string) => (exercise ? `${href}?exercise=${encodeURIComponent(exercise)}` : href);
  return (
    <nav className="nhsuk-contents-list" aria-label="Delegation pages">
      <ol className="nhsuk-contents-list__list">
        {ITEMS.map((item) => (
          <li key={item.href} className="nhsuk-contents-list__item">
            {path === item.href ? (
              <span className="nhsuk-contents-list__current" aria-current="page">
                {item.text}
              </span>
            ) : (
              <Link className="nhsuk-contents-list__link" href={withExercise(item.href)}>
                {item.text}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ExerciseSelect({ exercises, value }: { exercises: string[]; value: string | null }) {
  if (exercises.length === 0 || value === null) return null;
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="choose-exercise">
        Exercise
      </label>
      <select
        className="nhsuk-select"
        id="choose-exercise"
        value={value}
        onChange={(e) => setQuery({ exercise: e.target.value })}
      >
        {exercises.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a new workspace shows: the data's evidence works without any assessment. */
export function NoAssessmentsYet() {
  return (
    <Empty title="No assessments yet">
      <p>
        Import an assessor's answers with <code>footprint assess import FILE --exercise NAME --assessor NAME</code>, or
        start an exercise and enter them service by service on each service's tiering page. Until then, the figures
        below come from the data alone.
      </p>
    </Empty>
  );
}

export const OUTCOME_TEXT: Record<DelegationOutcome, string> = {
  'suitable-and-ready': 'Suitable and ready',
  'suitable-not-yet-ready': 'Suitable, not yet ready',
  'not-suitable': 'Not suitable',
  'needs-information': 'Needs information',
};

const OUTCOME_TAG: Record<DelegationOutcome, string> = {
  'suitable-and-ready': 'nhsuk-tag--green',
  'suitable-not-yet-ready': 'nhsuk-tag--yellow',
  'not-suitable': 'nhsuk-tag--red',
  'needs-information': 'nhsuk-tag--orange',
};

export function OutcomeTag({ outcome }: { outcome: DelegationOutcome }) {
  return <strong className={`nhsuk-tag ${OUTCOME_TAG[outcome]}`}>{OUTCOME_TEXT[outcome]}</strong>;
}

export const TIER_TEXT: Record<Tier, string> = { icb: 'One ICB', 'multi-icb': 'Several ICBs', region: 'Region' };

export const LEVEL_TEXT: Record<SegmentationLevel, string> = {
  'icb-or-multi-icb': 'ICB or multi-ICB',
  'sub-regional-hub': 'Sub-regional hub',
  'national-regional': 'National or regional',
};

export const serviceHref = (code: string, exercise: string | null) =>
  `/delegation/services/${encodeURIComponent(code)}${exercise ? `?exercise=${encodeURIComponent(exercise)}` : ''}`;
