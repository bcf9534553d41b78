import { useSearchParams } from 'react-router';

/**
 * Named query parameters of the address as a screen's state (filters, tabs): going back from an
 * item, reloading or sharing the link keeps them. Each change replaces the history entry, so Back
 * leaves the screen rather than stepping through filter clicks. Parameters not named are kept.
 */
export function useUrlParams<K extends string>(
  keys: readonly K[],
): [Record<K, string | null>, (changes: Partial<Record<K, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k)])) as Record<K, string | null>;
  const update = (changes: Partial<Record<K, string | null>>) => {
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes) as [K, string | null | undefined][]) {
          if (value === undefined) continue;
          if (value === null || value === '') out.delete(key);
          else out.set(key, value);
        }
        return out;
      },
      { replace: true },
    );
  };
  return [values, update];
}
