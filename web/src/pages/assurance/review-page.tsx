// One ICB's review: each key line of enquiry with what the workspace already knows beside it, the rating
// and evidence given, attachments, and moderation. The ICB responds (rates with evidence); a second
// reviewer from the region or national team agrees or changes the rating, with a reason.
import { type FormEvent, useState } from 'react';
import type { Rating } from '../../../../src/core/assurance/rating-scale.ts';
import type {
  Answer,
  AttachmentInfo,
  EvidenceItem,
  Question,
  ReviewDetail,
} from '../../../../src/core/assurance/review-shapes.ts';
import { ApiError, apiUrl, postJson, putJson } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Async } from '../../components/states.tsx';
import { Link, useTitle } from '../../router.tsx';
import { canEdit, useSession } from '../../session.tsx';
import { AssuranceNav, ErrorSummary } from './assurance-nav.tsx';
import { RATING_OPTIONS, RatingTag, ratingLabel } from './rating-tag.tsx';

export default function ReviewPage({ id }: { id: string }) {
  const review = useApi<ReviewDetail>(`/assurance/reviews/${encodeURIComponent(id)}`);
  useTitle(review.state === 'ready' ? `Review: ${review.data.subjectName}` : 'Review');
  return (
    <Async result={review} what="the review">
      {(data) => (
        <>
          <h1>{data.subjectName}</h1>
          <AssuranceNav />
          <p className="nhsuk-lede-text">
            {data.roundName}: {data.template.title} (version {data.template.version}).
          </p>
          <p>
            {data.subjectKind === 'icb' && (
              <a
                className="nhsuk-button nhsuk-button--secondary"
                href={apiUrl('/assurance/pack', { icb: data.subjectCode, format: 'pdf' })}
              >
                Download the board pack (PDF)
              </a>
            )}{' '}
            <Link href={`/assurance/audit?objectType=review&objectId=${encodeURIComponent(data.id)}`}>
              History of this review
            </Link>
          </p>
          {data.template.questions.map((q, i) => (
            <QuestionPanel
              key={q.id}
              number={i + 1}
              review={data}
              question={q}
              answer={data.answers.find((a) => a.questionId === q.id)}
              attachments={data.attachments.filter((a) => a.questionId === q.id)}
              evidence={data.evidence[q.id] ?? []}
              onChanged={review.reload}
            />
          ))}
        </>
      )}
    </Async>
  );
}

interface PanelProps {
  number: number;
  review: ReviewDetail;
  question: Question;
  answer: Answer | undefined;
  attachments: AttachmentInfo[];
  evidence: EvidenceItem[];
  onChanged: () => void;
}

function QuestionPanel({ number, review, question, answer, attachments, evidence, onChanged }: PanelProps) {
  const { session } = useSession();
  const user = session?.user;
  const editor = canEdit(user);
  const canModerate =
    editor && user?.organisation.type !== 'icb' && answer !== undefined && answer.reviewer !== user?.email;
  return (
    <section className="nhsuk-card" aria-labelledby={`q-${question.id}`} data-testid={`question-${question.id}`}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id={`q-${question.id}`}>
          {number}. {question.theme}
        </h2>
        <p>{question.text}</p>
        {question.guidance && <p className="nhsuk-body-s">{question.guidance}</p>}
        {evidence.length > 0 && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <h3 className="nhsuk-heading-xs">What the workspace already knows</h3>
            {evidence.map((e) => (
              <div key={e.kind}>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  <strong>{e.title}</strong>
                </p>
                <ul className="nhsuk-body-s">
                  {e.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
        <CurrentAnswer answer={answer} reviewId={review.id} attachments={attachments} />
        {editor && <RateForm reviewId={review.id} question={question} answer={answer} onSaved={onChanged} />}
        {canModerate && <ModerateForm reviewId={review.id} question={question} answer={answer} onSaved={onChanged} />}
        {editor && <AttachForm reviewId={review.id} question={question} onSaved={onChanged} />}
      </div>
    </section>
  );
}

function CurrentAnswer({
  answer,
  reviewId,
  attachments,
}: {
  answer: Answer | undefined;
  reviewId: string;
  attachments: AttachmentInfo[];
}) {
  if (!answer) {
    return (
      <p data-testid="rating">
        <RatingTag rating="not-assessed" /> No response yet.
      </p>
    );
  }
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Rating</dt>
        <dd className="nhsuk-summary-list__value" data-testid="rating">
          <RatingTag rating={answer.moderatedRating ?? answer.rating} />
          {answer.moderatedRating && answer.moderatedRating !== answer.rating && (
            <span className="nhsuk-body-s"> (changed at moderation from {ratingLabel(answer.rating)})</span>
          )}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Evidence</dt>
        <dd className="nhsuk-summary-list__value">
          {answer.evidenceText || 'None given.'}
          {answer.links.length > 0 && (
            <ul className="nhsuk-body-s">
              {answer.links.map((link) => (
                <li key={link}>
                  <a href={link} rel="noreferrer noopener" target="_blank">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {attachments.length > 0 && (
            <ul className="nhsuk-body-s">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={apiUrl(`/assurance/reviews/${encodeURIComponent(reviewId)}/attachments/${a.id}`)}>
                    {a.fileName}
                  </a>{' '}
                  ({Math.ceil(a.sizeBytes / 1024)} KB, {a.uploadedBy})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Rated by</dt>
        <dd className="nhsuk-summary-list__value">
          {answer.reviewer} ({answer.reviewerOrganisation}), {answer.reviewedAt.slice(0, 10)}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Moderation</dt>
        <dd className="nhsuk-summary-list__value" data-testid="moderation">
          {answer.moderator
            ? `${answer.moderator}, ${answer.moderatedAt?.slice(0, 10)}: ${answer.moderationReason}`
            : 'Not moderated yet.'}
        </dd>
      </div>
    </dl>
  );
}

function RatingRadios({ name, value, onChange }: { name: string; value: Rating | ''; onChange: (r: Rating) => void }) {
  return (
    <div className="nhsuk-radios nhsuk-radios--inline">
      {RATING_OPTIONS.map((o) => (
        <div className="nhsuk-radios__item" key={o.value}>
          <input
            className="nhsuk-radios__input"
            id={`${name}-${o.value}`}
            name={name}
            type="radio"
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </div>
  );
}

function RateForm({
  reviewId,
  question,
  answer,
  onSaved,
}: {
  reviewId: string;
  question: Question;
  answer: Answer | undefined;
  onSaved: () => void;
}) {
  const [rating, setRating] = useState<Rating | ''>(answer?.rating ?? '');
  const [text, setText] = useState(answer?.evidenceText ?? '');
  const [links, setLinks] = useState(answer?.links.join('\n') ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating) {
      setError('Choose a rating');
      return;
    }
    try {
      await putJson(`/assurance/reviews/${encodeURIComponent(reviewId)}/questions/${question.id}`, {
        rating,
        evidenceText: text,
        links: links
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        // The rating this form was opened with: a colleague's rating in between is a conflict, not overwritten.
        basedOn: answer?.reviewedAt ?? null,
      });
      setError(null);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {answer ? 'Change the response' : 'Respond to this question'}
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={submit} noValidate>
          <ErrorSummary message={error} />
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Rating</legend>
            <RatingRadios name={`rate-${question.id}`} value={rating} onChange={setRating} />
          </fieldset>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`evidence-${question.id}`}>
              Evidence
            </label>
            <textarea
              className="nhsuk-textarea"
              id={`evidence-${question.id}`}
              rows={4}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`links-${question.id}`}>
              Links to evidence (one a line)
            </label>
            <textarea
              className="nhsuk-textarea"
              id={`links-${question.id}`}
              rows={2}
              value={links}
              onChange={(e) => setLinks(e.target.value)}
            />
          </div>
          <button type="submit" className="nhsuk-button">
            Save response
          </button>
        </form>
      </div>
    </details>
  );
}

function ModerateForm({
  reviewId,
  question,
  answer,
  onSaved,
}: {
  reviewId: string;
  question: Question;
  answer: Answer | undefined;
  onSaved: () => void;
}) {
  const [rating, setRating] = useState<Rating | ''>(answer?.moderatedRating ?? answer?.rating ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating || !reason.trim()) {
      setError(!rating ? 'Choose a rating' : 'Give the reason for your moderation');
      return;
    }
    try {
      await postJson(`/assurance/reviews/${encodeURIComponent(reviewId)}/questions/${question.id}/moderation`, {
        rating,
        reason: reason.trim(),
      });
      setError(null);
      setReason('');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Moderate this rating</span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={submit} noValidate>
          <ErrorSummary message={error} />
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Moderated rating (keep it to agree)
            </legend>
            <RatingRadios name={`moderate-${question.id}`} value={rating} onChange={setRating} />
          </fieldset>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`reason-${question.id}`}>
              Reason
            </label>
            <textarea
              className="nhsuk-textarea"
              id={`reason-${question.id}`}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="nhsuk-button">
            Save moderation
          </button>
        </form>
      </div>
    </details>
  );
}

function AttachForm({ reviewId, question, onSaved }: { reviewId: string; question: Question; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    try {
      await postJson(`/assurance/reviews/${encodeURIComponent(reviewId)}/questions/${question.id}/attachments`, {
        fileName: file.name,
        contentBase64: btoa(binary),
      });
      setError(null);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div className="nhsuk-form-group">
      <ErrorSummary message={error} />
      <label className="nhsuk-label" htmlFor={`attach-${question.id}`}>
        Attach an evidence file (PDF, PNG, JPEG, TXT, CSV, XLSX or DOCX; up to 2 MB)
      </label>
      <input
        className="nhsuk-input"
        id={`attach-${question.id}`}
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.xlsx,.docx"
        onChange={(e) => upload(e.target.files?.[0])}
      />
    </div>
  );
}
