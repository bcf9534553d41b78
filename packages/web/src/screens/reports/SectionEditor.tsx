import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReportSection, ReportSectionBody } from '@plantrack/api';
import { ApiProblem, api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { SectionVersions } from './SectionVersions';
import { reportsMessages } from './reports.messages';

/**
 * One office section: its text, a save that makes a new version (refused with 409 when someone
 * saved in between, so nobody overwrites unseen text) and its versions.
 */
export function SectionEditor({
  reportId,
  section,
  editable,
  onSaved,
}: {
  reportId: string;
  section: ReportSection;
  editable: boolean;
  onSaved: (notice: string, warning?: boolean) => void;
}) {
  const t = useMessages(reportsMessages);
  const [text, setText] = useState(section.text ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const headingId = `section-${section.key}`;
  const url = `/api/reports/${encodeURIComponent(reportId)}/sections/${section.key}`;

  const save = async () => {
    setBusy(true);
    setProblem(undefined);
    const body: ReportSectionBody = { text, baseRevision: section.revisionNo };
    try {
      const saved = await api<ReportSection>(url, { method: 'PUT', json: body });
      onSaved(format(t.saved, { title: section.title, rev: saved.revisionNo }));
    } catch (failure) {
      if (!(failure instanceof ApiProblem)) throw failure;
      // The page reloads the sections, so this editor restarts from the newer text.
      if (failure.status === 409) onSaved(t.conflict, true);
      else setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} id={headingId} style={{ fontSize: 16 }}>
        {section.title}
      </Typography.Title>
      {editable ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-labelledby={headingId}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
            placeholder={section.hint}
            autoSize={{ minRows: 3, maxRows: 16 }}
            maxLength={20_000}
          />
          <Space wrap>
            <Button
              type="primary"
              loading={busy}
              disabled={text === (section.text ?? '')}
              onClick={() => void save()}
            >
              {t.save}
            </Button>
            <SectionVersions url={url} section={section} />
          </Space>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {section.text ?? (
              <Typography.Text type="secondary">
                {t.notWritten} {section.hint}
              </Typography.Text>
            )}
          </Typography.Paragraph>
          <SectionVersions url={url} section={section} />
        </Space>
      )}
      <ProblemAlert problem={problem} />
    </section>
  );
}
