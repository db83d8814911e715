// What every route plugin is given: the workspace and the app's settled options.
import type { Workspace } from '../../data/workspace.ts';

export interface ResolvedAppOptions {
  sessionTtlMs: number;
  signInRateLimit: { max: number; timeWindowMs: number };
}

export interface RouteContext {
  ws: Workspace;
  options: ResolvedAppOptions;
}
