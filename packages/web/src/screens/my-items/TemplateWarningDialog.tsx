import { Button, Modal, Space, Typography } from 'antd';
import type { TemplateUploadResult } from '@plantrack/api';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { preSubmitMessages } from './pre-submit.messages';
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
  const t = useMessages(preSubmitMessages);
  const tt = useMessages(templateMessages);
  const pick = useBilingual();
  return (
    <Modal
      open={warnings !== null}
      title={t.title}
      onCancel={onFix}
      width={640}
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Button onClick={onFix}>{t.fix}</Button>
          <Button type="primary" danger loading={busy} onClick={onConfirm}>
            {t.confirm}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t.intro}</Typography.Paragraph>
      <ul aria-label={t.listLabel} style={{ paddingInlineStart: 20 }}>
        {(warnings ?? []).map((w) => (
          <li key={w.row}>
            <Typography.Text strong>
              {format(tt.warningRow, { row: w.row })} · {nameOf(w.indicatorId)} · {w.period} ·{' '}
              {w.value ?? '—'}
            </Typography.Text>
            <ul style={{ paddingInlineStart: 20 }}>
              {w.flags.map((f) => (
                <li key={`${f.code}:${f.message.zh}`}>{pick(f.message)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
