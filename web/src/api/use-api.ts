// Loads one API resource for a page and tracks its state, so every page can show designed loading,
// empty and error states instead of a blank screen.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson, type Query } from './client.ts';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ApiError };

/** Runs `load` whenever `key` changes (null: not yet) or `reload` is called, tracking its state. */
export function useLoadable<T>(key: string | null, load: () => Promise<T>): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for what load fetches
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) =>
        current &&
        setResult({
          state: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'FP_CLIENT', String(error)),
        }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}

export function useApi<T>(path: string | null, query: Query = {}): Loadable<T> & { reload: () => void } {
  const key = path === null ? null : `${path}?${JSON.stringify(query)}`;
  return useLoadable(key, () => getJson<T>(path!, query));
}
