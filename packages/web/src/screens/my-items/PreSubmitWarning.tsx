import { Typography } from 'antd';
import type { QualityFlag } from '@plantrack/api';
import { useBilingual } from '../../i18n/i18n';
import { ConfirmWarningsModal } from './ConfirmWarningsModal';

/**
 * The warnings a value would raise, shown before it is submitted: the reporter goes back to fix it
 * or confirms it ("确认无误，仍然提交"); the confirmation travels with the submission.
 */
export function PreSubmitWarning({
  flags,
  busy,
  onFix,
  onConfirm,
}: {
  flags: readonly QualityFlag[] | null;
  busy: boolean;
  onFix: () => void;
  onConfirm: () => void;
}) {
  const pick = useBilingual();
  return (
    <ConfirmWarningsModal open={flags !== null} width={560} busy={busy} onFix={onFix} onConfirm={onConfirm}>
      {(flags ?? []).map((f) => (
        <li key={`${f.code}:${f.message.zh}`}>
          <Typography.Text strong={f.severity === 'error'}>{pick(f.message)}</Typography.Text>
        </li>
      ))}
    </ConfirmWarningsModal>
  );
}
