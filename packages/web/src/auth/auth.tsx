import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiProblem, api } from '../api/client';
import { startupOutcome, takeStartupPending } from '../api/startup-data';
import type { Me, Role } from '@plantrack/api';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: Me };

type AuthContextValue = {
  state: AuthState;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  /** After the user changed their password: the server no longer requires a change. */
  passwordChanged: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);
const ME = '/api/me';

/** Known at the first render when the startup request for /api/me has already answered. */
function initialState(): AuthState {
  const outcome = startupOutcome(ME);
  if (outcome === undefined) return { status: 'loading' };
  return outcome.ok ? { status: 'signed-in', user: outcome.data as Me } : { status: 'anonymous' };
}

/** Who is signed in, from `GET /api/me`; the session itself is an httpOnly cookie. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(initialState);
  // Asked once, on mount, unless the startup request already answered; sign-in and sign-out set
  // the state themselves.
  const answered = useRef(state.status !== 'loading');

  useEffect(() => {
    if (answered.current) return;
    const controller = new AbortController();
    const me = takeStartupPending<Me>(ME) ?? api<Me>(ME, { signal: controller.signal });
    me.then(
      (user) => {
        if (!controller.signal.aborted) setState({ status: 'signed-in', user });
      },
      () => {
        if (!controller.signal.aborted) setState({ status: 'anonymous' });
      },
    );
    return () => {
      controller.abort();
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { user } = await api<{ user: Me }>('/api/auth/sign-in', { json: { email, password } });
    setState({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/sign-out', { method: 'POST' });
    } catch (error) {
      // An expired session is already signed out; anything else is shown by the caller.
      if (!(error instanceof ApiProblem && error.status === 401)) throw error;
    }
    setState({ status: 'anonymous' });
  }, []);

  const passwordChanged = useCallback(() => {
    setState((s) =>
      s.status === 'signed-in' ? { ...s, user: { ...s.user, mustChangePassword: false } } : s,
    );
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, passwordChanged }),
    [state, signIn, signOut, passwordChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user, or null. */
export function useUser(): Me | null {
  const { state } = useAuth();
  return state.status === 'signed-in' ? state.user : null;
}

export function hasAnyRole(user: Me | null, roles: readonly Role[]): boolean {
  return user !== null && user.roles.some((role) => roles.includes(role));
}
