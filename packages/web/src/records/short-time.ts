/** `2026-03-01T08:15:00.000Z` → `2026-03-01 08:15`. */
export function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
