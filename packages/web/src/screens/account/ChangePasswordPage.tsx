import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { PasswordPolicy } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { useServerCall } from '../../api/use-server-call';
import { homePathFor } from '../../app/routes';
import { useAuth } from '../../auth/auth';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useBilingual, useMessages } from '../../i18n/i18n';
import { accountMessages } from './account.messages';

type Fields = { currentPassword: string; newPassword: string; confirmPassword: string };

/**
 * The password change form: from the user menu, and the only page a user sees after an
 * administrator reset their password (the server answers 403 `password-change-required` to
 * everything else). Stands alone like the sign-in form, since the frame's requests would be refused.
 */
export function ChangePasswordPage() {
  const t = useMessages(accountMessages);
  const pick = useBilingual();
  const { state, passwordChanged, signOut } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: policy } = useApi<PasswordPolicy>('/api/auth/password-policy');
  const { busy, problem, run } = useServerCall();

  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'anonymous') return <Navigate to="/sign-in" replace />;
  const { user } = state;

  const submit = async ({ currentPassword, newPassword }: Fields) => {
    await run(async () => {
      await api('/api/me/password', { json: { currentPassword, newPassword } });
      passwordChanged();
      void message.success(t.changed);
      await navigate(homePathFor(user.roles), { replace: true });
    });
  };

  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ width: 'min(420px, calc(100vw - 24px))' }}>
        <Typography.Title level={1} style={{ fontSize: 20 }}>
          {t.title}
        </Typography.Title>
        {user.mustChangePassword ? (
          <Alert type="warning" showIcon title={t.forced} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<Fields> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            label={t.currentPassword}
            name="currentPassword"
            rules={[{ required: true, message: t.required }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t.newPassword}
            name="newPassword"
            extra={policy === undefined ? undefined : pick(policy.messages)}
            rules={[{ required: true, message: t.required }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t.confirmPassword}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t.required },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.mismatch)),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ProblemAlert problem={problem} />
          <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
            {t.submit}
          </Button>
        </Form>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16 }}>
          {user.mustChangePassword ? (
            <Button
              type="link"
              style={{ padding: 0 }}
              onClick={() => void signOut().then(() => navigate('/sign-in'))}
            >
              {t.signOut}
            </Button>
          ) : (
            <Link to="/">{t.back}</Link>
          )}
          <LanguageSwitch />
        </div>
      </Card>
    </main>
  );
}
