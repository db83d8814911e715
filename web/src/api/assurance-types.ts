// Types of the assurance API's answers (src/server/routes/assurance.ts).
import type { Rating } from '../../../src/core/assurance/rating-scale.ts';
import type { Answer, ReviewSubject, RoundSummary } from '../../../src/core/assurance/review-shapes.ts';

export type { Answer, Rating, ReviewSubject, RoundSummary };

export interface AttachmentInfo {
  id: string;
  questionId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface EvidenceItem {
  kind: string;
  title: string;
  available: boolean;
  lines: string[];
}

export interface Question {
  id: string;
  theme: string;
  text: string;
  guidance?: string;
  evidence: string[];
}

export interface ReviewDetail extends ReviewSubject {
  roundName: string;
  template: { id: string; version: number; title: string; source: string; questions: Question[] };
  answers: Answer[];
  attachments: AttachmentInfo[];
  evidence: Record<string, EvidenceItem[]>;
}

export interface HeatMap {
  rounds: { id: string; name: string; createdAt: string; questions: { id: string; theme: string }[] }[];
  rows: {
    roundId: string;
    reviewId: string;
    subjectCode: string;
    subjectName: string;
    ratings: Record<string, Rating>;
    meanScore: number | null;
  }[];
}

export interface Intention {
  id: string;
  title: string;
  description: string;
  owner: string;
  ownerName: string;
  services: string[];
  providers: string[];
  measure: string;
  financialYear: string;
  measuredBy: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface Contract {
  id: string;
  providerCode: string;
  providerName: string;
  financialYear: string;
  type: 'single-provider' | 'alliance' | 'lead-provider';
  partners: string[];
  leadCommissioner: string;
  commissioners: string[];
  systemName: string | null;
  services: { serviceCode: string; serviceName: string; value: number }[];
  qualitySchedule: { kpi: string; target: string; escalation: string; status: 'met' | 'not-met' | null }[];
  totalValue: number;
  fragmentedServices: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface ControlTotalPosition {
  systemName: string;
  financialYear: string;
  controlTotal: number | null;
  contracted: number;
  headroom: number | null;
}
