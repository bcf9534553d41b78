import { Button, Card, Checkbox, Descriptions, Form, Input, Space, Steps, Timeline, Typography } from 'antd';
import type { ProjectDetailView } from '@plantrack/api';
import { api } from '../../../api/client';
import { useServerCall } from '../../../api/use-server-call';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { NEXT_STAGE, type ProjectStage } from './project-labels';
import { projectPageMessages } from './project-page.messages';

const STAGES: readonly ProjectStage[] = ['储备', '前期', '在建', '竣工', '后评价'];

type Evaluation = {
  scopeMet: boolean;
  investmentMet: boolean;
  timeMet: boolean;
  benefitsMet: boolean;
  lessons: string;
};

/**
 * 储备 → 前期 → 在建 → 竣工 → 后评价: where the project stands, every recorded move, the office's
 * next step with a note, and after 竣工 the post-evaluation that ends the lifecycle.
 */
export function LifecyclePanel({
  project,
  canManage,
  onChanged,
}: {
  project: ProjectDetailView;
  canManage: boolean;
  onChanged: (notice: string) => void;
}) {
  const t = useMessages(projectPageMessages);
  const [moveForm] = Form.useForm<{ note: string }>();
  const [evalForm] = Form.useForm<Evaluation>();
  const { busy, problem, run } = useServerCall();
  const next = NEXT_STAGE[project.stage];
  const stageName = (s: ProjectStage) => t[`stage_${s}`];
  const base = `/api/projects/${encodeURIComponent(project.id)}`;

  const move = (to: Exclude<ProjectStage, '后评价'>) => {
    const note = ((moveForm.getFieldValue('note') as string | undefined) ?? '').trim();
    void run(async () => {
      await api(`${base}/transitions`, { json: { to, note: note === '' ? null : note } });
      onChanged(format(t.moved, { to: stageName(to) }));
    }).then(() => {
      moveForm.resetFields();
    });
  };

  const evaluate = async () => {
    let v: Evaluation;
    try {
      v = await evalForm.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await api(`${base}/evaluation`, { json: { ...v, lessons: v.lessons.trim() } });
      onChanged(t.evaluated);
    });
  };

  const met = (b: boolean) => (b ? t.met : t.notMet);
  const e = project.evaluation;
  return (
    <section aria-labelledby="project-lifecycle">
      <Typography.Title level={2} id="project-lifecycle" style={{ fontSize: 18 }}>
        {t.lifecycle}
      </Typography.Title>
      <Steps
        size="small"
        current={STAGES.indexOf(project.stage)}
        items={STAGES.map((s) => ({ title: stageName(s) }))}
        style={{ marginBottom: 16 }}
      />
      {project.transitions.length === 0 ? (
        <Typography.Paragraph>{t.noTransitions}</Typography.Paragraph>
      ) : (
        <Timeline
          items={project.transitions.map((tr, i) => ({
            key: i,
            content: (
              <>
                <div>
                  {tr.from === null
                    ? format(t.created, { to: stageName(tr.to) })
                    : format(t.transitionLine, { from: stageName(tr.from), to: stageName(tr.to) })}
                  {tr.note === null ? null : `：${tr.note}`}
                </div>
                <Typography.Text type="secondary">
                  {format(t.byAt, { by: tr.by, at: tr.at.slice(0, 10) })}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
      <ProblemAlert problem={problem} />
      {canManage && next !== undefined ? (
        <Form form={moveForm} layout="vertical" initialValues={{ note: '' }}>
          <Form.Item name="note" label={t.moveNote}>
            <Input maxLength={1000} />
          </Form.Item>
          <Button
            type="primary"
            loading={busy}
            onClick={() => {
              move(next);
            }}
          >
            {format(t.moveTo, { to: stageName(next) })}
          </Button>
        </Form>
      ) : null}
      {e !== null ? (
        <Card size="small" title={t.evaluation} style={{ marginTop: 12 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'scope', label: t.scopeMet, children: met(e.scopeMet) },
              { key: 'inv', label: t.investmentMet, children: met(e.investmentMet) },
              { key: 'time', label: t.timeMet, children: met(e.timeMet) },
              { key: 'benefits', label: t.benefitsMet, children: met(e.benefitsMet) },
              { key: 'lessons', label: t.lessons, children: e.lessons },
            ]}
          />
          <Typography.Text type="secondary">
            {format(t.byAt, { by: e.by, at: e.at.slice(0, 10) })}
          </Typography.Text>
        </Card>
      ) : canManage && project.stage === '竣工' ? (
        <Card size="small" title={t.evaluation} style={{ marginTop: 12 }}>
          <Typography.Paragraph type="secondary">{t.evaluationHint}</Typography.Paragraph>
          <Form<Evaluation>
            form={evalForm}
            layout="vertical"
            initialValues={{
              scopeMet: false,
              investmentMet: false,
              timeMet: false,
              benefitsMet: false,
              lessons: '',
            }}
          >
            <Space orientation="vertical">
              {(['scopeMet', 'investmentMet', 'timeMet', 'benefitsMet'] as const).map((k) => (
                <Form.Item key={k} name={k} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox>{t[k]}</Checkbox>
                </Form.Item>
              ))}
            </Space>
            <Form.Item
              name="lessons"
              label={t.lessons}
              style={{ marginTop: 12 }}
              rules={[{ required: true, whitespace: true, message: t.lessonsRequired }]}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Button type="primary" loading={busy} onClick={() => void evaluate()}>
              {t.evaluate}
            </Button>
          </Form>
        </Card>
      ) : null}
    </section>
  );
}
