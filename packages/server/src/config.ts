import { DEFAULT_ANNUAL_DUE, type DueRule } from '@plantrack/db';

/** Settings of one server instance; every field has a default (see {@link resolveConfig}). */
export type ServerConfig = {
  /** Cookie `Secure` flag: `auto` sets it when the request arrived over TLS (see `trustProxy`). */
  secureCookies: boolean | 'auto';
  /** Trust `X-Forwarded-*` from a reverse proxy (needed for `auto` behind a TLS terminator). */
  trustProxy: boolean;
  /** Session lifetime in milliseconds (sliding: refreshed on use). */
  sessionTtlMs: number;
  /** Sign-in attempts per client address and window before 429. */
  signInRateLimit: { max: number; timeWindowMs: number };
  /** Largest outline accepted by the import routes (bytes). */
  importMaxBytes: number;
  /**
   * Departments responsible for reporting each indicator, by indicator key → department canonical
   * names. The outline's indicator table names no owners and the store has no assignment table yet,
   * so until one exists the assignment is configuration.
   */
  indicatorOwners: Readonly<Record<string, readonly string[]>>;
  /**
   * When an annual report is due for items without a `reporting_cycles` row: months after the end
   * of the year and day of that month. Default: 31 March of the following year.
   */
  annualDue: DueRule;
  /** "Who has not reported" lists items overdue or due within this many days (default 14). */
  dueSoonDays: number;
  /** Largest Excel template accepted by `POST /api/my/template.xlsx` (bytes). */
  templateMaxBytes: number;
  logger: boolean;
};

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: 'auto',
  trustProxy: false,
  sessionTtlMs: 8 * 60 * 60 * 1000,
  signInRateLimit: { max: 10, timeWindowMs: 60_000 },
  importMaxBytes: 20 * 1024 * 1024,
  indicatorOwners: {},
  annualDue: DEFAULT_ANNUAL_DUE,
  dueSoonDays: 14,
  templateMaxBytes: 5 * 1024 * 1024,
  logger: false,
};

export function resolveConfig(config: Partial<ServerConfig> = {}): ServerConfig {
  return { ...DEFAULT_CONFIG, ...config };
}
