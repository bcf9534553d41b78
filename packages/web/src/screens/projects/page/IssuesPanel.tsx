import { Button, Card, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectDetailView } from '@plantrack/api';
import { api } from '../../../api/client';
import { useServerCall } from '../../../api/use-server-call';
import { Pill } from '../../../components/Pill';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import type { ProjectIssue } from './project-labels';
import { projectPageMessages } from './project-page.messages';

type NewIssue = { text: string; department: string; deadline: string };

/**
 * 存在问题/需协调事项: the lead unit (or the office) raises one with the department to coordinate
 * and a deadline; the planning office resolves it with what was done. Open issues past their
 * deadline make the project 需协调.
 */
export function IssuesPanel({
  project,
  canRaise,
  canResolve,
  onChanged,
}: {
  project: ProjectDetailView;
  canRaise: boolean;
  canResolve: boolean;
  onChanged: (notice: string) => void;
}) {
  const t = useMessages(projectPageMessages);
  const [form] = Form.useForm<NewIssue>();
  const [resolveForm] = Form.useForm<{ resolution: string }>();
  const [resolving, setResolving] = useState<ProjectIssue | null>(null);
  const { busy, problem, run } = useServerCall();
  const base = `/api/projects/${encodeURIComponent(project.id)}/issues`;

  const raise = async () => {
    let v: NewIssue;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const done = await run(async () => {
      await api(base, {
        json: {
          text: v.text.trim(),
          department: v.department.trim() === '' ? null : v.department.trim(),
          deadline: v.deadline === '' ? null : v.deadline,
        },
      });
      onChanged(t.raised);
    });
    if (done) form.resetFields();
  };

  const resolve = async (issue: ProjectIssue) => {
    const text = ((resolveForm.getFieldValue('resolution') as string | undefined) ?? '').trim();
    const done = await run(async () => {
      await api(`${base}/${encodeURIComponent(issue.id)}/resolve`, {
        json: { resolution: text === '' ? null : text },
      });
      onChanged(t.resolved);
    });
    if (done) setResolving(null);
  };

  return (
    <section aria-labelledby="project-issues">
      <Typography.Title level={2} id="project-issues" style={{ fontSize: 18 }}>
        {t.issues}
      </Typography.Title>
      {/* antd's empty list text is too pale for the contrast rule: say it in body text. */}
      {project.issues.length === 0 ? (
        <Typography.Paragraph>{t.noIssues}</Typography.Paragraph>
      ) : (
        <List<ProjectIssue>
          dataSource={project.issues}
          renderItem={(issue) => (
            <List.Item
              actions={
                canResolve && issue.state === 'open'
                  ? [
                      <Button
                        key="resolve"
                        size="small"
                        aria-label={`${t.resolve}：${issue.text}`}
                        onClick={() => {
                          resolveForm.resetFields();
                          setResolving(issue);
                        }}
                      >
                        {t.resolve}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Pill color={issue.state === 'open' ? '#b45309' : '#1b5e20'}>
                      {issue.state === 'open' ? t.issueOpen : t.issueResolved}
                    </Pill>
                    <span>{issue.text}</span>
                  </Space>
                }
                description={
                  <>
                    {[
                      issue.department === null ? null : `${t.issueDepartment}：${issue.department}`,
                      issue.deadline === null ? null : `${t.issueDeadline}：${issue.deadline}`,
                    ]
                      .filter((x) => x !== null)
                      .join(' · ')}
                    {issue.state === 'resolved' ? (
                      <div>
                        {format(t.resolvedLine, {
                          by: issue.resolvedBy ?? '',
                          at: (issue.resolvedAt ?? '').slice(0, 10),
                          resolution: issue.resolution ?? '—',
                        })}
                      </div>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <ProblemAlert problem={problem} />
      {canRaise ? (
        <Card size="small" title={t.raise} style={{ marginTop: 12 }}>
          <Form<NewIssue>
            form={form}
            layout="vertical"
            initialValues={{ text: '', department: '', deadline: '' }}
          >
            <Form.Item
              name="text"
              label={t.issueText}
              rules={[{ required: true, whitespace: true, message: t.textRequired }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="department" label={t.issueDepartment}>
                <Input maxLength={100} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="deadline" label={t.issueDeadline}>
                <Input type="date" style={{ width: 180 }} />
              </Form.Item>
            </Space>
            <Button onClick={() => void raise()} loading={busy && resolving === null}>
              {t.raise}
            </Button>
          </Form>
        </Card>
      ) : null}
      {resolving === null ? null : (
        <Modal
          open
          title={format(t.resolveTitle, { text: resolving.text })}
          okText={t.resolve}
          cancelText={t.cancel}
          okButtonProps={{ loading: busy }}
          onOk={() => void resolve(resolving)}
          onCancel={() => {
            setResolving(null);
          }}
          destroyOnHidden
        >
          <Form form={resolveForm} layout="vertical">
            <Form.Item name="resolution" label={t.resolution}>
              <Input.TextArea rows={3} maxLength={2000} autoFocus />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </section>
  );
}
