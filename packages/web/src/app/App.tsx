import { App as AntApp, ConfigProvider, Result } from 'antd';
import { Suspense, lazy, useEffect } from 'react';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { forgetStartupData } from '../api/startup-data';
import { AuthProvider, hasAnyRole, useAuth } from '../auth/auth';
import { PageLoading } from '../components/PageLoading';
import { DemoBanner } from '../components/demo/DemoBanner';
import { LanguageProvider, useLang, useMessages } from '../i18n/i18n';
import { AppLayout, CHANGE_PASSWORD_PATH } from './AppLayout';
import { appMessages } from '../i18n/app.messages';
import { PlanProvider } from './plan-context';
import { SCREENS, homePathFor, signInLinkFor, type ScreenRoute } from './routes';
import { appTheme, themeFor } from './theme';
import { usePrefersReducedMotion } from './use-reduced-motion';

export function App() {
  // Every screen has started from the startup data by now; later mounts fetch afresh.
  useEffect(forgetStartupData, []);
  return (
    <LanguageProvider>
      <LocalisedApp />
    </LanguageProvider>
  );
}

function LocalisedApp() {
  const { lang } = useLang();
  const reducedMotion = usePrefersReducedMotion();
  return (
    // No space inserted between the two characters of a button label (登 录): the accessible name
    // must read as the label does.
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={themeFor(appTheme, { reducedMotion })}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <DemoBanner />
        <AuthProvider>
          <PlanProvider>
            <BrowserRouter>
              <Routes>
                <Route
                  path="/sign-in"
                  element={
                    <Suspense fallback={<PageLoading />}>
                      <SignInPage />
                    </Suspense>
                  }
                />
                <Route
                  path={CHANGE_PASSWORD_PATH}
                  element={
                    <Suspense fallback={<PageLoading />}>
                      <ChangePasswordPage />
                    </Suspense>
                  }
                />
                <Route path="/" element={<Home />} />
                {SCREENS.map((screen) => (
                  <Route key={screen.path} path={screen.path} element={<Guarded screen={screen} />} />
                ))}
                <Route path="*" element={<NotFound />} />
              </Routes>
            </BrowserRouter>
          </PlanProvider>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Signed-in users never need the sign-in form's code, so it is loaded on demand too. */
const SignInPage = lazy(() =>
  import('../screens/sign-in/SignInPage').then((m) => ({ default: m.SignInPage })),
);

/** Rarely needed, so loaded on demand like the sign-in form. */
const ChangePasswordPage = lazy(() =>
  import('../screens/account/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);

function Home() {
  const { state } = useAuth();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'signed-in' && state.user.mustChangePassword) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Navigate to={state.status === 'signed-in' ? homePathFor(state.user.roles) : '/public'} replace />;
}

/** Opens a screen for the roles it is meant for; others are sent to sign in or told why not. */
function Guarded({ screen }: { screen: ScreenRoute }) {
  const { state } = useAuth();
  const t = useMessages(appMessages);
  const Screen = screen.component;
  const location = useLocation();
  // Until the password an administrator set is changed, the server answers nothing else.
  if (state.status === 'signed-in' && state.user.mustChangePassword) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  if (screen.roles.length > 0) {
    if (state.status === 'loading') return <PageLoading />;
    // The sign-in form brings the user back to the link they opened.
    if (state.status === 'anonymous') return <Navigate to={signInLinkFor(location)} replace />;
    if (!hasAnyRole(state.user, screen.roles)) {
      return (
        <AppLayout>
          <Result status="403" title="403" subTitle={t.forbidden} extra={<Link to="/">{t.backHome}</Link>} />
        </AppLayout>
      );
    }
  }
  return (
    <AppLayout>
      <Screen />
    </AppLayout>
  );
}

function NotFound() {
  const t = useMessages(appMessages);
  return (
    <AppLayout>
      <Result status="404" title="404" subTitle={t.notFound} extra={<Link to="/">{t.backHome}</Link>} />
    </AppLayout>
  );
}
