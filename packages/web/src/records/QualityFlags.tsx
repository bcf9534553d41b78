import { Alert } from 'antd';
import type { QualityFlag } from '@plantrack/api';
import { useBilingual, useMessages } from '../i18n/i18n';
import { qualityFlagsMessages } from './quality-flags.messages';

/**
 * Data-quality flags from the API as a list of warnings (errors in red), each in words; a warning
 * the submitter saw and confirmed before submitting says so.
 */
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
  const t = useMessages(qualityFlagsMessages);
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
              <li key={`${flag.code}:${pick(flag.message)}`}>
                {pick(flag.message)}
                {flag.confirmed === true ? t.confirmed : null}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
