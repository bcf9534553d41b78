import { Typography } from 'antd';
import type { TemplateUploadResult } from '@plantrack/api';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { ConfirmWarningsModal } from './ConfirmWarningsModal';
import { templateMessages } from './template.messages';

/** The rows of a held-back template submission, each with its quality warnings. */
export type TemplateWarnings = NonNullable<TemplateUploadResult['warnings']>;

/**
 * The warnings an uploaded template's rows would raise, shown before they are submitted (as the
 * form's PreSubmitWarning): the reporter goes back to fix the file, or confirms and the same file
 * is sent again with the confirmation.
 */
export function TemplateWarningDialog({
  warnings,
  busy,
  nameOf,
  onFix,
  onConfirm,
}: {
  warnings: TemplateWarnings | null;
  busy: boolean;
  nameOf: (id: string) => string;
  onFix: () => void;
  onConfirm: () => void;
}) {
  const tt = useMessages(templateMessages);
  const pick = useBilingual();
  return (
    <ConfirmWarningsModal
      open={warnings !== null}
      width={640}
      busy={busy}
      onFix={onFix}
      onConfirm={onConfirm}
    >
      {(warnings ?? []).map((w) => (
        <li key={w.row}>
          <Typography.Text strong>
            {format(tt.warningRow, { row: w.row })} · {nameOf(w.indicatorId)} · {w.period} · {w.value ?? '—'}
          </Typography.Text>
          <ul style={{ paddingInlineStart: 20 }}>
            {w.flags.map((f) => (
              <li key={`${f.code}:${f.message.zh}`}>{pick(f.message)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ConfirmWarningsModal>
  );
}
