import { useSearchParams } from 'react-router';
import type { AssessmentStatus } from '../../components/StatusTag';
import type { CardFilters } from './card-filters';

const KEYS = ['group', 'chapter', 'department', 'phase', 'status'] as const;

/**
 * The dashboard's filters live in the address (`?group=…&status=…`), so going back from an
 * indicator, reloading or sharing the link keeps them. Each change replaces the history entry:
 * Back leaves the dashboard rather than stepping through filter clicks.
 */
export function useUrlFilters(): [CardFilters, (next: CardFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: CardFilters = {
    group: params.get('group'),
    chapter: params.get('chapter'),
    department: params.get('department'),
    phase: params.get('phase'),
    // An unknown status in a hand-edited link matches no card; the filter shows it and can clear it.
    status: params.get('status') as AssessmentStatus | null,
  };
  const setFilters = (next: CardFilters) => {
    const out = new URLSearchParams(params);
    for (const key of KEYS) {
      const value = next[key];
      if (value === null) out.delete(key);
      else out.set(key, value);
    }
    setParams(out, { replace: true });
  };
  return [filters, setFilters];
}
