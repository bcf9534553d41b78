import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PlanSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';

type PlanContextValue = {
  plans: PlanSummary[];
  /** The plan the screens show; null until plans are loaded (or when there are none). */
  planId: string | null;
  setPlanId: (id: string) => void;
};

const STORAGE_KEY = 'plantrack.plan';
const PlanContext = createContext<PlanContextValue>({ plans: [], planId: null, setPlanId: () => undefined });

/** Several plans may live in one deployment (a city's and its districts'): the header picks one. */
export function PlanProvider({ children }: { children: ReactNode }) {
  // Asked for while /api/me is still in flight (not after it): one round trip less before the
  // dashboard can ask for its data. An anonymous visitor's 401 is simply ignored.
  const { state } = useAuth();
  const { data } = useApi<PlanSummary[]>(state.status === 'anonymous' ? null : '/api/plans');
  const plans = useMemo(() => data ?? [], [data]);
  const [chosen, setChosen] = useState<string | null>(() => window.localStorage.getItem(STORAGE_KEY));

  useEffect(() => {
    if (chosen !== null) window.localStorage.setItem(STORAGE_KEY, chosen);
  }, [chosen]);

  const planId = plans.some((p) => p.id === chosen) ? chosen : (plans[0]?.id ?? null);
  const value = useMemo(() => ({ plans, planId, setPlanId: setChosen }), [plans, planId]);
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}

export function usePlan(): PlanContextValue {
  return useContext(PlanContext);
}
