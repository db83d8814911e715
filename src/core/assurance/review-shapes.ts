// Review rounds as the API gives them (GET /api/assurance/rounds, /reviews/:id, /heatmap): one shape
// shared by the data layer that reads them and the web app that shows them.
import { z } from 'zod';
import type { TableColumn } from '../export-columns.ts';
import { WORKSPACE_EVIDENCE } from './kloe-template.ts';
import { RATINGS } from './rating-scale.ts';

const rating = z.enum(RATINGS);

export const roundSummary = z.object({
  id: z.string(),
  name: z.string(),
  templateId: z.string(),
  templateVersion: z.number(),
  owner: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  reviews: z.number(),
  rated: z.number(),
  moderated: z.number(),
  questions: z.number(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const reviewSubject = z.object({
  id: z.string(),
  roundId: z.string(),
  subjectKind: z.enum(['icb', 'footprint']),
  subjectCode: z.string(),
  subjectName: z.string(),
  organisation: z.string(),
});
export type ReviewSubject = z.infer<typeof reviewSubject>;

export const answer = z.object({
  questionId: z.string(),
  rating,
  evidenceText: z.string(),
  links: z.array(z.string()),
  reviewer: z.string(),
  reviewerOrganisation: z.string(),
  reviewedAt: z.string(),
  moderatedRating: rating.nullable(),
  moderationReason: z.string().nullable(),
  moderator: z.string().nullable(),
  moderatedAt: z.string().nullable(),
});
export type Answer = z.infer<typeof answer>;

export const attachment = z.object({
  id: z.string(),
  questionId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type AttachmentInfo = z.infer<typeof attachment>;

export const question = z.object({
  id: z.string(),
  theme: z.string(),
  text: z.string(),
  guidance: z.string().optional(),
  evidence: z.array(z.enum(WORKSPACE_EVIDENCE)),
});
export type Question = z.infer<typeof question>;

export const template = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  source: z.string(),
  questions: z.array(question),
});
export type KloeTemplateAnswer = z.infer<typeof template>;

export const evidenceItem = z.object({
  kind: z.enum(WORKSPACE_EVIDENCE),
  title: z.string(),
  available: z.boolean(),
  lines: z.array(z.string()),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

export const reviewDetail = reviewSubject.extend({
  roundName: z.string(),
  template,
  answers: z.array(answer),
  attachments: z.array(attachment),
  evidence: z.record(z.string(), z.array(evidenceItem)).describe('What the workspace knows, by question id.'),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;

export const heatMap = z.object({
  rounds: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.string(),
      questions: z.array(z.object({ id: z.string(), theme: z.string() })),
    }),
  ),
  rows: z.array(
    z.object({
      roundId: z.string(),
      reviewId: z.string(),
      subjectCode: z.string(),
      subjectName: z.string(),
      ratings: z.record(z.string(), rating),
      meanScore: z.number().nullable(),
    }),
  ),
});
export type HeatMap = z.infer<typeof heatMap>;

/** The KLOE ratings export: round, subject, one column per question id asked in the rounds, mean score. */
export function kloeRatingColumns(questionIds: readonly string[]): TableColumn[] {
  return [
    { key: 'round', header: 'Round', kind: 'text' },
    { key: 'subject', header: 'ICB or footprint', kind: 'text' },
    ...questionIds.map((q): TableColumn => ({ key: q, header: q, kind: 'text' })),
    { key: 'meanScore', header: 'Mean score (red 1 … green 4)', kind: 'number' },
  ];
}
