// The ratings that stand (moderated where moderated) for every review an organisation can see, by round,
// ICB and question: the heat map across ICBs, and a mean score per review for the view over rounds.
import type { KloeTemplate } from '../../core/assurance/kloe-template.ts';
import { type Rating, ratingScore } from '../../core/assurance/rating-scale.ts';
import type { Organisation } from '../users/organisations.ts';
import type { Workspace } from '../workspace.ts';
import { visibleReviews } from './review-rounds.ts';

export interface HeatMapRound {
  id: string;
  name: string;
  createdAt: string;
  questions: { id: string; theme: string }[];
}

export interface HeatMapRow {
  roundId: string;
  reviewId: string;
  subjectCode: string;
  subjectName: string;
  ratings: Record<string, Rating>;
  /** Mean of red 1 … green 4 over the questions rated; null when none is. */
  meanScore: number | null;
}

export interface HeatMap {
  rounds: HeatMapRound[];
  rows: HeatMapRow[];
}

export async function ratingHeatMap(ws: Workspace, actor: Organisation, roundId?: string): Promise<HeatMap> {
  const reviews = (await visibleReviews(ws, actor)).filter((r) => !roundId || r.roundId === roundId);
  const roundIds = new Set(reviews.map((r) => r.roundId));
  const rounds = (
    await ws.all<{ id: string; name: string; createdAt: string; tj: string }>(
      `SELECT id, name, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt", template_json AS tj
         FROM review_round ORDER BY created_at, id`,
    )
  )
    .filter((r) => roundIds.has(r.id))
    .map(({ tj, ...r }) => ({
      ...r,
      questions: (JSON.parse(tj) as KloeTemplate).questions.map((q) => ({ id: q.id, theme: q.theme })),
    }));
  const answers = await ws.all<{ reviewId: string; questionId: string; rating: Rating }>(
    `SELECT review_id AS "reviewId", question_id AS "questionId", coalesce(moderated_rating, rating) AS rating
       FROM review_answer`,
  );
  const rows = reviews.map((review) => {
    const round = rounds.find((r) => r.id === review.roundId)!;
    const ratings: Record<string, Rating> = {};
    for (const q of round.questions) {
      ratings[q.id] = answers.find((a) => a.reviewId === review.id && a.questionId === q.id)?.rating ?? 'not-assessed';
    }
    const scores = Object.values(ratings).flatMap((r) => {
      const s = ratingScore(r);
      return s === null ? [] : [s];
    });
    return {
      roundId: review.roundId,
      reviewId: review.id,
      subjectCode: review.subjectCode,
      subjectName: review.subjectName,
      ratings,
      meanScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
    };
  });
  return { rounds, rows };
}
