import { Button, Layout, Select, Space, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth, useUser } from '../auth/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useMessages } from '../i18n/i18n';
import { appMessages } from '../i18n/app.messages';
import { usePlan } from './plan-context';
import { MainNavigation } from './MainNavigation';
import { PageLoading } from '../components/PageLoading';
import { NotificationBell } from '../components/notifications/NotificationBell';

/** Where a signed-in user changes their password (also the only page open when it must change). */
export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * The frame around every screen: product name, navigation for the user's roles, plan, language;
 * the footer links the API reference for those who connect other systems.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const t = useMessages(appMessages);
  const user = useUser();
  const { signOut } = useAuth();
  const { plans, planId, setPlanId } = usePlan();
  const navigate = useNavigate();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      {/* On a phone the user's buttons wrap below the navigation instead of widening the page. */}
      <Layout.Header
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          columnGap: 16,
          height: 'auto',
          minHeight: 64,
          paddingInline: 16,
        }}
      >
        <Link to="/" style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t.product}
        </Link>
        <MainNavigation />
        <Space wrap style={{ paddingBlock: 8, lineHeight: 'normal' }}>
          {user !== null && plans.length > 1 ? (
            <Select
              aria-label={t.plan}
              value={planId ?? undefined}
              onChange={setPlanId}
              options={plans.map((p) => ({ value: p.id, label: p.title }))}
              style={{ width: 220, maxWidth: '100%' }}
            />
          ) : null}
          <NotificationBell />
          <LanguageSwitch />
          {user === null ? (
            <Button size="small" onClick={() => void navigate('/sign-in')}>
              {t.signIn}
            </Button>
          ) : (
            <>
              <Typography.Text style={{ color: '#fff' }}>{user.displayName}</Typography.Text>
              <Button size="small" onClick={() => void navigate(CHANGE_PASSWORD_PATH)}>
                {t.changePassword}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  void signOut().then(() => navigate('/sign-in'));
                }}
              >
                {t.signOut}
              </Button>
            </>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="pt-content">
        <Suspense fallback={<PageLoading />}>{children}</Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', paddingBlock: 12 }}>
        {/* A full page load: the reference page is served by the API server, not by this app. */}
        <a href="/api/docs/">{t.apiReference}</a>
      </Layout.Footer>
    </Layout>
  );
}
