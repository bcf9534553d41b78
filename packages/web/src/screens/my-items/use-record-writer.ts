import { useCallback, useRef, useState } from 'react';
import { ApiProblem, api } from '../../api/client';
import type { RecordRevision as AnyRevision } from '@plantrack/api';
import { newIdempotencyKey } from '../../records/idempotency';

export type WriterState = {
  busy: boolean;
  problem: ApiProblem | undefined;
  /** A 409: the record moved on (another revision, reviewed meanwhile); reload, keep the form. */
  stale: boolean;
  /** The revision the last successful write created. */
  written: AnyRevision | null;
};

function asProblem(failure: unknown): ApiProblem {
  return failure instanceof ApiProblem
    ? failure
    : new ApiProblem(0, 'client', { zh: '提交失败。', en: 'The submission failed.' });
}

/**
 * Sends writes of one record. Each submission attempt carries an `Idempotency-Key`; a retry after
 * a failure with the same form contents reuses it (the server then answers with the first result
 * instead of writing twice), while any change to the form starts a new attempt.
 */
export function useRecordWriter() {
  const [state, setState] = useState<WriterState>({
    busy: false,
    problem: undefined,
    stale: false,
    written: null,
  });
  const attemptKey = useRef<string | null>(null);

  const newAttempt = useCallback(() => {
    attemptKey.current = null;
  }, []);

  const write = useCallback(async (path: string, json: unknown): Promise<AnyRevision | null> => {
    attemptKey.current ??= newIdempotencyKey();
    setState((s) => ({ ...s, busy: true, problem: undefined, stale: false }));
    try {
      const written = await api<AnyRevision>(path, {
        json,
        headers: { 'idempotency-key': attemptKey.current },
      });
      attemptKey.current = null;
      setState({ busy: false, problem: undefined, stale: false, written });
      return written;
    } catch (failure) {
      const problem = asProblem(failure);
      // A reused key belongs to another operation: the next try must use a fresh one.
      if (problem.code === 'idempotency-key-reused') attemptKey.current = null;
      const stale = problem.status === 409 && problem.code !== 'idempotency-key-reused';
      setState((s) => ({ ...s, busy: false, problem, stale }));
      return null;
    }
  }, []);

  const clearStale = useCallback(() => {
    attemptKey.current = null;
    setState((s) => ({ ...s, problem: undefined, stale: false }));
  }, []);

  return { ...state, write, newAttempt, clearStale };
}
