import { useState } from 'react';
import { ApiProblem } from './client';

export type ServerCall = {
  /** Whether a call is running. */
  busy: boolean;
  /** The mark of the running call (which button spins), or null. */
  pending: string | null;
  /** The server's refusal of the last call, until the next one starts. */
  problem: ApiProblem | undefined;
  /**
   * Runs `action` (the request and what follows its success) under `mark`: true once it succeeded,
   * false when the server refused it (the problem is kept); anything else is thrown on.
   */
  run: (action: () => Promise<unknown>, mark?: string) => Promise<boolean>;
};

/**
 * A request sent on the user's behalf (a button, a form's OK). A refusal is an answer, not a crash:
 * the screen stays as it is, so what the user typed is kept, and shows the server's zh/en problem
 * in place; only the pressed button spins, the one whose mark is pending.
 */
export function useServerCall(): ServerCall {
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  const run = async (action: () => Promise<unknown>, mark = 'busy') => {
    setPending(mark);
    setProblem(undefined);
    try {
      await action();
      return true;
    } catch (failure) {
      if (!(failure instanceof ApiProblem)) throw failure;
      setProblem(failure);
      return false;
    } finally {
      setPending(null);
    }
  };

  return { busy: pending !== null, pending, problem, run };
}
