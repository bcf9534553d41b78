import { Alert } from 'antd';
import type { QualityFlag } from '@plantrack/api';
import { useBilingual } from '../i18n/i18n';

/** Data-quality flags from the API as a list of warnings (errors in red), each in words. */
export function QualityFlags({
  flags,
  title,
  intro,
}: {
  flags: readonly QualityFlag[];
  title: string;
  intro?: string;
}) {
  const pick = useBilingual();
  if (flags.length === 0) return null;
  const severe = flags.some((f) => f.severity === 'error');
  return (
    <Alert
      type={severe ? 'error' : 'warning'}
      showIcon
      title={title}
      description={
        <>
          {intro === undefined ? null : <p style={{ marginTop: 0 }}>{intro}</p>}
          <ul aria-label={title} style={{ margin: 0, paddingInlineStart: 20 }}>
            {flags.map((flag) => (
              <li key={`${flag.code}:${pick(flag.message)}`}>{pick(flag.message)}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}
