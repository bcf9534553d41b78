import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, api } from './client';

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
 * load one or two resources each and the dashboard only one, so no client cache is needed.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const key = `${generation}:${path ?? ''}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal }).then(
      (data) => {
        setSettled({ key, data, error: undefined });
      },
      (failure: unknown) => {
        if (failure instanceof DOMException && failure.name === 'AbortError') return;
        const error =
          failure instanceof ApiProblem
            ? failure
            : new ApiProblem(0, 'client', { zh: '页面出错。', en: 'The page failed.' });
        setSettled((previous) => ({ key, data: previous?.data, error }));
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
