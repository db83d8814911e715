// The financial years the workspace holds, for year filters on pages whose own response does not list
// them. Read from the overview once per page load.
import type { Overview } from '../../../src/core/overview/overview-answer.ts';
import { type Loadable, useApi } from './use-api.ts';

export function useOverviewForFilters(): Loadable<Overview> & { reload: () => void } {
  return useApi<Overview>('/overview');
}
