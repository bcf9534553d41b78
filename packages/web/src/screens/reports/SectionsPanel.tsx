import { Typography } from 'antd';
import type { ReportSection } from '@plantrack/api';
import { useMessages } from '../../i18n/i18n';
import { SectionEditor } from './SectionEditor';
import { reportsMessages } from './reports.messages';

/** The parts of the report the office writes (存在问题, 对策建议, …), editable while a draft. */
export function SectionsPanel({
  reportId,
  sections,
  editable,
  onSaved,
}: {
  reportId: string;
  sections: ReportSection[];
  editable: boolean;
  onSaved: (notice: string, warning?: boolean) => void;
}) {
  const t = useMessages(reportsMessages);
  if (sections.length === 0) return null; // A briefing has no office sections.
  return (
    <section aria-labelledby="report-sections">
      <Typography.Title level={2} id="report-sections" style={{ fontSize: 18 }}>
        {t.sections}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.sectionsHint}</Typography.Paragraph>
      {sections.map((s) => (
        // Keyed by revision: after a save or a conflict the editor starts from the stored text.
        <SectionEditor
          key={`${s.key}#${s.revisionNo}`}
          reportId={reportId}
          section={s}
          editable={editable}
          onSaved={onSaved}
        />
      ))}
    </section>
  );
}
