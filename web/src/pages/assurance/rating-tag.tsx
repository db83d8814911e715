// A rating as an NHS.UK tag: colour plus the words, so it never rests on colour alone.
import type { Rating } from '../../../../src/core/assurance/rating-scale.ts';

export const RATING_OPTIONS: { value: Rating; label: string }[] = [
  { value: 'red', label: 'Red' },
  { value: 'amber-red', label: 'Amber/red' },
  { value: 'amber-green', label: 'Amber/green' },
  { value: 'green', label: 'Green' },
  { value: 'not-assessed', label: 'Not assessed' },
];

const TAG_CLASS: Record<Rating, string> = {
  red: 'nhsuk-tag--red',
  'amber-red': 'nhsuk-tag--orange',
  'amber-green': 'nhsuk-tag--yellow',
  green: 'nhsuk-tag--green',
  'not-assessed': 'nhsuk-tag--grey',
};

export const ratingLabel = (rating: Rating) => RATING_OPTIONS.find((o) => o.value === rating)?.label ?? rating;

export function RatingTag({ rating }: { rating: Rating }) {
  return <strong className={`nhsuk-tag ${TAG_CLASS[rating]}`}>{ratingLabel(rating)}</strong>;
}
