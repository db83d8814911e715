// Review rounds as the API gives them: one shape shared by the data layer that reads them and the web app
// that shows them.

import type { Rating } from './rating-scale.ts';

export interface RoundSummary {
  id: string;
  name: string;
  templateId: string;
  templateVersion: number;
  owner: string;
  createdBy: string;
  createdAt: string;
  reviews: number;
  rated: number;
  moderated: number;
  questions: number;
}

export interface ReviewSubject {
  id: string;
  roundId: string;
  subjectKind: 'icb' | 'footprint';
  subjectCode: string;
  subjectName: string;
  organisation: string;
}

export interface Answer {
  questionId: string;
  rating: Rating;
  evidenceText: string;
  links: string[];
  reviewer: string;
  reviewerOrganisation: string;
  reviewedAt: string;
  moderatedRating: Rating | null;
  moderationReason: string | null;
  moderator: string | null;
  moderatedAt: string | null;
}
