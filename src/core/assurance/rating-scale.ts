// The rating scale for key lines of enquiry, worst first: the RAG scale NHS England assurance uses, with
// amber split so "nearly there" and "at risk" are told apart, and "not assessed" kept apart from any
// judgement (it never counts as a rating in summaries).
import { fail } from '../errors.ts';

export const RATINGS = ['red', 'amber-red', 'amber-green', 'green', 'not-assessed'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  red: 'Red',
  'amber-red': 'Amber/red',
  'amber-green': 'Amber/green',
  green: 'Green',
  'not-assessed': 'Not assessed',
};

/** What each rating means when given to one question. */
export const RATING_MEANINGS: Record<Rating, string> = {
  red: 'The plan does not address the question, or what it says is not credible.',
  'amber-red': 'The plan touches on the question but with significant gaps or risks to delivery.',
  'amber-green': 'The plan addresses the question with minor gaps that can be closed.',
  green: 'The plan addresses the question fully, with evidence.',
  'not-assessed': 'No judgement has been made yet.',
};

/** A rating's place on the scale: red 1 … green 4; not assessed has none. */
export function ratingScore(rating: Rating): number | null {
  const index = RATINGS.indexOf(rating);
  return rating === 'not-assessed' ? null : index + 1;
}

/** The rating named by `text` (any case, spaces or a slash for the hyphen), or FP_ASSURANCE_BAD_RATING. */
export function parseRating(text: string, parameter = 'rating'): Rating {
  const normal = text
    .trim()
    .toLowerCase()
    .replace(/[\s/_]+/g, '-');
  const found = RATINGS.find((r) => r === normal);
  if (!found) {
    fail('FP_ASSURANCE_BAD_RATING', `${JSON.stringify(text)} is not on the rating scale.`, {
      where: { parameter },
      received: text,
      accepted: RATINGS.join(', '),
    });
  }
  return found;
}
