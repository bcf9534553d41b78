import { useUrlParams } from '../../app/use-url-params';
import type { AssessmentStatus } from '../../components/StatusTag';
import type { CardFilters } from './card-filters';

const KEYS = ['group', 'chapter', 'department', 'phase', 'status'] as const;

/**
 * The dashboard's filters live in the address (`?group=…&status=…`), so going back from an
 * indicator, reloading or sharing the link keeps them (the shared `useUrlParams`).
 */
export function useUrlFilters(): [CardFilters, (next: CardFilters) => void] {
  const [params, setParams] = useUrlParams(KEYS);
  const filters: CardFilters = {
    ...params,
    // An unknown status in a hand-edited link matches no card; the filter shows it and can clear it.
    status: params.status as AssessmentStatus | null,
  };
  return [
    filters,
    (next) => {
      setParams(next);
    },
  ];
}
