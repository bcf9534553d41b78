import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Plan as PlanSummary } from '@plantrack/api';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { PLAN_STORAGE_KEY, choosePlanId, rememberedPlanId } from '../api/plan-choice';

type PlanContextValue = {
  plans: PlanSummary[];
  /** The plan the screens show; null until plans are loaded (or when there are none). */
  planId: string | null;
  setPlanId: (id: string) => void;
};

const PlanContext = createContext<PlanContextValue>({ plans: [], planId: null, setPlanId: () => undefined });

/** Several plans may live in one deployment (a city's and its districts'): the header picks one. */
export function PlanProvider({ children }: { children: ReactNode }) {
  // Sent at startup together with /api/me (see ../api/startup-requests.ts), not after it: one
  // round trip less before the dashboard can ask for its data. An anonymous visitor's 401 is ignored.
  const { state } = useAuth();
  // Nor is anything asked while the server requires a password change first (it answers 403).
  const blocked =
    state.status === 'anonymous' || (state.status === 'signed-in' && state.user.mustChangePassword);
  const { data } = useApi<PlanSummary[]>(blocked ? null : '/api/plans');
  const plans = useMemo(() => data ?? [], [data]);
  const [chosen, setChosen] = useState<string | null>(rememberedPlanId);

  useEffect(() => {
    if (chosen !== null) window.localStorage.setItem(PLAN_STORAGE_KEY, chosen);
  }, [chosen]);

  const planId = choosePlanId(plans, chosen);
  const value = useMemo(() => ({ plans, planId, setPlanId: setChosen }), [plans, planId]);
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}

export function usePlan(): PlanContextValue {
  return useContext(PlanContext);
}
