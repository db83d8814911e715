// Review rounds: a KLOE template applied to each ICB (or footprint) a region or national team reviews.
// Each question gets a rating with evidence from whoever answers it (the ICB responding, or a reviewer),
// then moderation by a second reviewer from the region or national team, who agrees or changes it and
// says why. Every change is recorded in the audit trail in the same transaction.
import { randomBytes } from 'node:crypto';
import type { KloeQuestion, KloeTemplate } from '../../core/assurance/kloe-template.ts';
import { parseRating, type Rating } from '../../core/assurance/rating-scale.ts';
import type { Answer, ReviewSubject, RoundSummary } from '../../core/assurance/review-shapes.ts';
import { fail } from '../../core/errors.ts';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import { covers, findOrganisation, ORGANISATION_VINTAGE, type Organisation } from '../users/organisations.ts';
import type { User } from '../users/user-store.ts';
import type { Workspace } from '../workspace.ts';
import { findKloeTemplate } from './kloe-templates.ts';

export type { Answer, ReviewSubject, RoundSummary };

export interface AttachmentInfo {
  id: string;
  questionId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ReviewDetail extends ReviewSubject {
  roundName: string;
  template: KloeTemplate;
  answers: Answer[];
  attachments: AttachmentInfo[];
}

const actorOf = (user: User): AuditActor => ({ actor: user.email, organisation: user.organisation.code });

/** The rating that stands: the moderated one when there is one. */
export function standingRating(answer: Pick<Answer, 'rating' | 'moderatedRating'> | undefined): Rating {
  return answer?.moderatedRating ?? answer?.rating ?? 'not-assessed';
}

function reviewerTeam(user: User, what: string): void {
  if (user.organisation.type === 'icb') {
    fail('FP_AUTH_FORBIDDEN', `${what} is for a region or national review team; ${user.organisation.name} is an ICB.`, {
      where: { parameter: 'organisation' },
      received: user.organisation.code,
      accepted: 'a region or national user',
    });
  }
}

export interface NewRound {
  name: string;
  templateId?: string;
  templateVersion?: number;
  /** ICB codes (2026); default every ICB the creator covers when no footprints are named either. */
  icbs?: string[];
  footprints?: string[];
}

/** Starts a round: one review per ICB and footprint named, each of which the creator must cover. */
export async function createRound(ws: Workspace, user: User, input: NewRound): Promise<RoundSummary> {
  reviewerTeam(user, 'Starting a review round');
  const template = findKloeTemplate(input.templateId, input.templateVersion);
  const subjects = await roundSubjects(ws, user.organisation, input);
  const id = `round-${randomBytes(4).toString('hex')}`;
  await ws.transaction(async () => {
    await ws.run('INSERT INTO review_round VALUES ($1, $2, $3, $4, $5, $6, $7, now())', [
      id,
      input.name.trim(),
      template.id,
      template.version,
      JSON.stringify(template),
      user.organisation.code,
      user.email,
    ]);
    for (const s of subjects) {
      await ws.run('INSERT INTO review VALUES ($1, $2, $3, $4, $5, $6)', [
        `${id}-${s.subjectKind === 'icb' ? s.subjectCode : `fp-${randomBytes(3).toString('hex')}`}`,
        id,
        s.subjectKind,
        s.subjectCode,
        s.subjectName,
        s.organisation,
      ]);
    }
    await recordAudit(ws, {
      ...actorOf(user),
      objectType: 'review-round',
      objectId: id,
      action: 'create',
      before: null,
      after: {
        name: input.name.trim(),
        template: `${template.id} v${template.version}`,
        subjects: subjects.map((s) => s.subjectCode),
      },
    });
  });
  const made = (await listRounds(ws, user.organisation)).find((r) => r.id === id);
  return made!;
}

async function roundSubjects(
  ws: Workspace,
  actor: Organisation,
  input: NewRound,
): Promise<Omit<ReviewSubject, 'id' | 'roundId'>[]> {
  const subjects: Omit<ReviewSubject, 'id' | 'roundId'>[] = [];
  // Naming nothing means every ICB the reviewer covers; naming an empty list is a round of nothing.
  const defaultIcbs = input.icbs === undefined && input.footprints === undefined;
  const icbs = defaultIcbs
    ? (
        await ws.all<{ code: string }>(
          "SELECT icb_code AS code FROM icb WHERE vintage = $1 AND ($2 = 'national' OR region_code = $2) ORDER BY icb_code",
          [ORGANISATION_VINTAGE, actor.type === 'national' ? 'national' : actor.code],
        )
      ).map((r) => r.code)
    : [...new Set((input.icbs ?? []).map((c) => c.trim().toUpperCase()))];
  for (const code of icbs) {
    const icb = await findOrganisation(ws, code);
    if (icb?.type !== 'icb') {
      fail('FP_REPORT_UNKNOWN_ICB', `${code} is not an ICB of the 2026 geography.`, {
        where: { parameter: 'body.icbs' },
        received: code,
      });
    }
    if (!covers(actor, icb)) {
      fail('FP_AUTH_FORBIDDEN', `${actor.name} does not review ${icb.name}.`, {
        where: { parameter: 'body.icbs' },
        received: code,
        accepted: 'ICBs of your region (national: any)',
      });
    }
    subjects.push({ subjectKind: 'icb', subjectCode: icb.code, subjectName: icb.name, organisation: icb.code });
  }
  for (const name of input.footprints ?? []) {
    subjects.push({ subjectKind: 'footprint', ...(await footprintSubject(ws, actor, name)) });
  }
  if (subjects.length === 0) {
    fail('FP_ASSURANCE_EMPTY_ROUND', 'The round would review nothing.', {
      where: { parameter: 'body' },
      accepted: 'one or more ICB codes or footprint names you cover',
    });
  }
  return subjects;
}

/** A footprint under review belongs to its owner, else to the region all its ICBs share, else national. */
async function footprintSubject(ws: Workspace, actor: Organisation, name: string) {
  const found = await ws.one<{ name: string; owner: string | null; regions: string }>(
    `SELECT f.name, f.owner_organisation AS owner, string_agg(DISTINCT i.region_code, ',') AS regions
       FROM footprint f JOIN footprint_member m ON m.footprint_name = f.name
       JOIN icb i ON i.icb_code = m.icb_code AND i.vintage = f.vintage
      WHERE lower(f.name) = lower($1) GROUP BY f.name, f.owner_organisation`,
    [name.trim()],
  );
  if (!found) {
    fail('FP_FOOTPRINT_NOT_FOUND', `There is no footprint called ${JSON.stringify(name)}.`, {
      where: { parameter: 'body.footprints' },
      received: name,
    });
  }
  const regions = found.regions.split(',');
  const organisationCode = found.owner ?? (regions.length === 1 ? regions[0]! : 'national');
  const organisation = (await findOrganisation(ws, organisationCode)) ?? null;
  if (!covers(actor, organisation)) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} does not review the footprint ${found.name}.`, {
      where: { parameter: 'body.footprints' },
      received: name,
    });
  }
  return { subjectCode: found.name, subjectName: found.name, organisation: organisationCode };
}

/** Rounds with at least one review the actor can see, newest first, with progress counts over those. */
export async function listRounds(ws: Workspace, actor: Organisation): Promise<RoundSummary[]> {
  const reviews = await visibleReviews(ws, actor);
  const rounds = await ws.all<Omit<RoundSummary, 'reviews' | 'rated' | 'moderated' | 'questions'> & { tj: string }>(
    `SELECT id, name, template_id AS "templateId", template_version AS "templateVersion", owner_organisation AS owner,
            created_by AS "createdBy", strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt", template_json AS tj
       FROM review_round ORDER BY created_at DESC, id`,
  );
  const answers = await ws.all<{ reviewId: string; moderated: boolean }>(
    'SELECT review_id AS "reviewId", moderated_rating IS NOT NULL AS moderated FROM review_answer',
  );
  return rounds.flatMap(({ tj, ...round }) => {
    const mine = new Set(reviews.filter((r) => r.roundId === round.id).map((r) => r.id));
    const visibleToOwner = covers(actor, null) || actor.code === round.owner;
    if (mine.size === 0 && !visibleToOwner) return [];
    const theirs = answers.filter((a) => mine.has(a.reviewId));
    const questions = (JSON.parse(tj) as KloeTemplate).questions.length;
    return [
      {
        ...round,
        reviews: mine.size,
        rated: theirs.length,
        moderated: theirs.filter((a) => a.moderated).length,
        questions,
      },
    ];
  });
}

/** Reviews the actor can see: those of organisations it covers. */
export async function visibleReviews(ws: Workspace, actor: Organisation): Promise<ReviewSubject[]> {
  const rows = await ws.all<ReviewSubject>(
    `SELECT id, round_id AS "roundId", subject_kind AS "subjectKind", subject_code AS "subjectCode",
            subject_name AS "subjectName", organisation_code AS organisation FROM review ORDER BY subject_name`,
  );
  const out: ReviewSubject[] = [];
  for (const r of rows) {
    if (covers(actor, (await findOrganisation(ws, r.organisation)) ?? null)) out.push(r);
  }
  return out;
}

/** A review the actor can see, with its template, answers and attachments; not-found when it cannot. */
export async function readReview(ws: Workspace, actor: Organisation, reviewId: string): Promise<ReviewDetail> {
  const review = await ws.one<ReviewSubject & { roundName: string; tj: string }>(
    `SELECT r.id, r.round_id AS "roundId", r.subject_kind AS "subjectKind", r.subject_code AS "subjectCode",
            r.subject_name AS "subjectName", r.organisation_code AS organisation, o.name AS "roundName",
            o.template_json AS tj
       FROM review r JOIN review_round o ON o.id = r.round_id WHERE r.id = $1`,
    [reviewId],
  );
  if (!review) {
    fail('FP_ASSURANCE_REVIEW_NOT_FOUND', `There is no review ${JSON.stringify(reviewId)}.`, {
      where: { parameter: 'id' },
      received: reviewId,
    });
  }
  if (!covers(actor, (await findOrganisation(ws, review.organisation)) ?? null)) {
    fail('FP_AUTH_FORBIDDEN', `${actor.name} cannot see or change the review of ${review.subjectName}.`, {
      where: { parameter: 'id' },
      received: reviewId,
      accepted: 'reviews of your ICB, of your region’s ICBs, or any (national)',
    });
  }
  const { tj, ...rest } = review;
  return {
    ...rest,
    template: JSON.parse(tj) as KloeTemplate,
    answers: await readAnswers(ws, reviewId),
    attachments: await ws.all<AttachmentInfo>(
      `SELECT id, question_id AS "questionId", file_name AS "fileName", content_type AS "contentType",
              size_bytes AS "sizeBytes", sha256, uploaded_by AS "uploadedBy",
              strftime(uploaded_at, '%Y-%m-%dT%H:%M:%SZ') AS "uploadedAt"
         FROM review_attachment WHERE review_id = $1 ORDER BY uploaded_at, id`,
      [reviewId],
    ),
  };
}

async function readAnswers(ws: Workspace, reviewId: string, questionId?: string): Promise<Answer[]> {
  const rows = await ws.all<Omit<Answer, 'links'> & { links: string }>(
    `SELECT question_id AS "questionId", rating, evidence_text AS "evidenceText", links_json AS links, reviewer,
            reviewer_organisation AS "reviewerOrganisation",
            strftime(reviewed_at, '%Y-%m-%dT%H:%M:%SZ') AS "reviewedAt", moderated_rating AS "moderatedRating",
            moderation_reason AS "moderationReason", moderator,
            strftime(moderated_at, '%Y-%m-%dT%H:%M:%SZ') AS "moderatedAt"
       FROM review_answer WHERE review_id = $1 AND ($2::VARCHAR IS NULL OR question_id = $2) ORDER BY question_id`,
    [reviewId, questionId ?? null],
  );
  return rows.map((r) => ({ ...r, links: JSON.parse(r.links) as string[] }));
}

export function questionOf(review: ReviewDetail, questionId: string): KloeQuestion {
  const question = review.template.questions.find((q) => q.id === questionId);
  if (!question) {
    fail('FP_ASSURANCE_UNKNOWN_QUESTION', `The review has no question ${JSON.stringify(questionId)}.`, {
      where: { parameter: 'question' },
      received: questionId,
      accepted: review.template.questions.map((q) => q.id).join(', '),
    });
  }
  return question;
}

export interface RatingInput {
  rating: string;
  evidenceText: string;
  links: string[];
  /** When the rating this save replaces was made (its reviewedAt), null when there was none: if someone
   * has rated the question since, FP_ASSURANCE_REVIEW_CONFLICT. Absent: no check. */
  basedOn?: string | null;
}

function checkLinks(links: readonly string[]): string[] {
  return links.map((link, i) => {
    let url: URL | null = null;
    try {
      url = new URL(link.trim());
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      fail('FP_ASSURANCE_BAD_LINK', `Evidence link ${i + 1} is not a web address.`, {
        where: { parameter: `body.links.${i}` },
        received: link,
        accepted: 'an http:// or https:// address',
      });
    }
    return url.href;
  });
}

/** Rates (or re-rates) one question with evidence: the ICB responding, or a reviewer who covers it. A new
 * rating clears any moderation of the old one, which no longer applies. */
export async function rateQuestion(
  ws: Workspace,
  user: User,
  reviewId: string,
  questionId: string,
  input: RatingInput,
): Promise<Answer> {
  const review = await readReview(ws, user.organisation, reviewId);
  questionOf(review, questionId);
  const rating = parseRating(input.rating, 'body.rating');
  const links = checkLinks(input.links);
  return ws.transaction(async () => {
    // Read inside the transaction: a save that started from an older rating must not overwrite a newer one.
    const before = (await readAnswers(ws, reviewId, questionId))[0] ?? null;
    if (input.basedOn !== undefined && (before?.reviewedAt ?? null) !== input.basedOn) {
      fail('FP_ASSURANCE_REVIEW_CONFLICT', `Question ${questionId} was rated by someone else since you opened it.`, {
        where: { parameter: 'body.basedOn' },
        received: input.basedOn ?? 'no rating',
        accepted: before ? `the rating of ${before.reviewedAt} by ${before.reviewer}` : 'no rating',
        hint: 'Reload the review to see their rating, then save yours again if it should replace it.',
      });
    }
    await ws.run(
      `INSERT OR REPLACE INTO review_answer VALUES ($1, $2, $3, $4, $5, $6, $7, now(), NULL, NULL, NULL, NULL)`,
      [reviewId, questionId, rating, input.evidenceText, JSON.stringify(links), user.email, user.organisation.code],
    );
    const after = (await readAnswers(ws, reviewId, questionId))[0]!;
    await recordAudit(ws, {
      ...actorOf(user),
      objectType: 'review',
      objectId: reviewId,
      action: 'rate',
      before: before && { ...before },
      after: { ...after },
    });
    return after;
  });
}

/** A second reviewer, from a region or national team covering the ICB, agrees with or changes a rating. */
export async function moderateQuestion(
  ws: Workspace,
  user: User,
  reviewId: string,
  questionId: string,
  input: { rating: string; reason: string },
): Promise<Answer> {
  const review = await readReview(ws, user.organisation, reviewId);
  questionOf(review, questionId);
  reviewerTeam(user, 'Moderation');
  const rating = parseRating(input.rating, 'body.rating');
  const before = review.answers.find((a) => a.questionId === questionId);
  if (!before) {
    fail('FP_ASSURANCE_NOT_RATED', `Question ${questionId} has no rating to moderate yet.`, {
      where: { parameter: 'question' },
      received: questionId,
    });
  }
  if (before.reviewer === user.email) {
    fail('FP_ASSURANCE_SELF_MODERATION', `${user.email} gave this rating, so cannot moderate it.`, {
      where: { parameter: 'moderator' },
      received: user.email,
      accepted: 'a reviewer other than the one who gave the rating',
    });
  }
  return ws.transaction(async () => {
    await ws.run(
      `UPDATE review_answer SET moderated_rating = $3, moderation_reason = $4, moderator = $5, moderated_at = now()
        WHERE review_id = $1 AND question_id = $2`,
      [reviewId, questionId, rating, input.reason.trim(), user.email],
    );
    const after = (await readAnswers(ws, reviewId, questionId))[0]!;
    await recordAudit(ws, {
      ...actorOf(user),
      objectType: 'review',
      objectId: reviewId,
      action: 'moderate',
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}
