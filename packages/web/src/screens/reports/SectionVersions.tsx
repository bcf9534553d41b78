import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ReportSection, ReportSectionRevision } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { reportsMessages } from './reports.messages';

/** Every saved version of a section, newest first, in a dialog (fetched when opened). */
export function SectionVersions({ url, section }: { url: string; section: ReportSection }) {
  const t = useMessages(reportsMessages);
  const [open, setOpen] = useState(false);
  const history = useApi<ReportSectionRevision[]>(open ? `${url}/history` : null);
  if (section.revisionNo === 0) return null;
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
        }}
      >
        {format(t.versions, { n: section.revisionNo })}
      </Button>
      <Modal
        open={open}
        title={format(t.versionsTitle, { title: section.title })}
        footer={null}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <ProblemAlert problem={history.error} />
        {history.data === undefined ? (
          history.error === undefined ? (
            <PageLoading />
          ) : null
        ) : (
          <ol reversed style={{ paddingInlineStart: 20 }}>
            {[...history.data].reverse().map((v) => (
              <li key={v.revisionNo} style={{ marginBottom: 12 }}>
                <Typography.Text type="secondary">
                  {format(t.versionLine, {
                    rev: v.revisionNo,
                    by: v.authorName ?? v.authorId,
                    at: v.writtenAt.slice(0, 16).replace('T', ' '),
                  })}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.text}</Typography.Paragraph>
              </li>
            ))}
          </ol>
        )}
      </Modal>
    </>
  );
}
