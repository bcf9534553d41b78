import { Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useServerCall } from '../../api/use-server-call';
import { appMessages } from '../../i18n/app.messages';
import { afterSignIn } from '../../app/routes';
import { useAuth } from '../../auth/auth';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useMessages } from '../../i18n/i18n';

type Credentials = { email: string; password: string };

export function SignInPage() {
  const t = useMessages(appMessages);
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { busy, problem, run } = useServerCall();

  const submit = async (values: Credentials) => {
    await run(async () => {
      const user = await signIn(values.email.trim(), values.password);
      await navigate(afterSignIn(params.get('next'), user.roles), { replace: true });
    });
  };

  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t.product}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
          {t.signInTitle}
        </Typography.Title>
        <Form<Credentials> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item label={t.email} name="email" rules={[{ required: true, message: t.emailRequired }]}>
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t.password}
            name="password"
            rules={[{ required: true, message: t.passwordRequired }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <ProblemAlert problem={problem} />
          <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
            {t.signIn}
          </Button>
        </Form>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16 }}>
          <Link to="/public">{t.publicLink}</Link>
          <LanguageSwitch />
        </div>
      </Card>
    </main>
  );
}
