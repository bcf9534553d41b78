import { Alert } from 'antd';
import type { ApiProblem } from '../api/client';
import { useBilingual } from '../i18n/i18n';

/** An API error in the current language, announced to screen readers. */
export function ProblemAlert({
  problem,
  onRetry,
}: {
  problem: ApiProblem | undefined;
  onRetry?: () => void;
}) {
  const pick = useBilingual();
  if (problem === undefined) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={pick(problem.messages)}
      action={
        onRetry === undefined ? undefined : (
          <a onClick={onRetry} role="button" tabIndex={0}>
            ↻
          </a>
        )
      }
    />
  );
}
