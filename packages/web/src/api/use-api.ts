import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, api } from './client';
import { startupOutcome, takeStartupPending } from './startup-data';

export type ApiState<T> = {
  data: T | undefined;
  error: ApiProblem | undefined;
  loading: boolean;
  /** Fetches again (after a write); the previous data stays visible meanwhile. */
  reload: () => void;
};

type Settled<T> = { key: string; data: T | undefined; error: ApiProblem | undefined };

/**
 * GETs `path` (skipped while it is null) and refetches when it changes. Small on purpose: screens
 * load one or two resources each and the dashboard only one, so no client cache is needed. On the
 * first render it starts from what the startup requests returned (./startup-data.ts).
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [generation, setGeneration] = useState(0);
  const key = `${generation}:${path ?? ''}`;
  const [settled, setSettled] = useState<Settled<T> | null>(() => fromStartup<T>(path, key));
  // The startup data stands in for the first fetch; every later change of path or reload fetches.
  const skipFetch = useRef(settled !== null);

  useEffect(() => {
    if (path === null) return;
    if (skipFetch.current) {
      skipFetch.current = false;
      return;
    }
    const controller = new AbortController();
    const result = takeStartupPending<T>(path) ?? api<T>(path, { signal: controller.signal });
    result.then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, data, error: undefined });
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setSettled((previous) => ({ key, data: previous?.data, error: asProblem(failure) }));
      },
    );
    return () => {
      controller.abort();
    };
  }, [path, key]);

  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);
  return {
    data: settled?.data,
    error: settled?.key === key ? settled.error : undefined,
    loading: path !== null && settled?.key !== key,
    reload,
  };
}

function fromStartup<T>(path: string | null, key: string): Settled<T> | null {
  const outcome = path === null ? undefined : startupOutcome(path);
  if (outcome === undefined) return null;
  return outcome.ok
    ? { key, data: outcome.data as T, error: undefined }
    : { key, data: undefined, error: asProblem(outcome.error) };
}

function asProblem(failure: unknown): ApiProblem {
  return failure instanceof ApiProblem
    ? failure
    : new ApiProblem(0, 'client', { zh: '页面出错。', en: 'The page failed.' });
}
