// What every route plugin is given: the workspace and the app's settled options.
import type { PdfRenderer } from '../../data/reports/board-pack-pdf.ts';
import type { Workspace } from '../../data/workspace.ts';
import type { AnswerCache } from '../answer-cache.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import type { SignInLimits } from '../auth/sign-in-throttle.ts';

export interface ResolvedAppOptions {
  sessionTtlMs: number;
  signInRateLimit: SignInLimits;
}

export interface RouteContext {
  ws: Workspace;
  options: ResolvedAppOptions;
  /** GET answers, cleared by any change. */
  answers: AnswerCache;
  /** Recently checked sessions, cleared by any change. */
  sessions: SessionCache;
  /** The board-pack PDF printer the whole server shares. */
  pdf: PdfRenderer;
}
