import { DEFAULT_ANNUAL_DUE, DEFAULT_DATA_DIR, type DueRule } from '@plantrack/db';

/** Settings of one server instance; every field has a default (see {@link resolveConfig}). */
export type ServerConfig = {
  /**
   * Cookie `Secure` flag: `auto` sets it when the request arrived over TLS (as a trusted proxy
   * reports it, see `trustProxy`) or when `publicUrl` is https.
   */
  secureCookies: boolean | 'auto';
  /**
   * Which reverse proxies are believed about the client's address and protocol
   * (`X-Forwarded-For`, `X-Forwarded-Proto`): none (`false`, default), the proxies at these
   * addresses or CIDR ranges, or a number of hops. Never everyone: a forged header from an
   * untrusted address would then choose the address the rate limits count.
   */
  trustProxy: TrustProxy;
  /**
   * The address users reach the service at (e.g. `https://plan.example.gov.cn/`), used for links
   * the server writes where no request is at hand (reminder e-mails); null = none known.
   */
  publicUrl: string | null;
  /** Session lifetime in milliseconds (sliding: refreshed on use). */
  sessionTtlMs: number;
  /**
   * How long a resolved API token is remembered (ms; 0 = never). A user deactivated by another
   * server process loses access here at most this much later; default 5 s.
   */
  tokenCacheMs: number;
  /** Longest lifetime of an API token in days (a token without one asked for lives 90 days). */
  tokenMaxDays: number;
  /**
   * How long the store's change stamp is trusted without asking the database again (ms; 0 = ask
   * on every read). Changes made through this server are seen at once; a change made by another
   * process (a CLI import, a second server) shows in cached dashboards and searches this much later.
   */
  changeStampMs: number;
  /** Sign-in attempts per client address and window before 429. */
  signInRateLimit: { max: number; timeWindowMs: number };
  /**
   * Failed sign-ins per e-mail address (whoever sends them) and window before that account's
   * sign-in answers 429 too; a successful sign-in clears the count.
   */
  accountSignInLimit: { max: number; timeWindowMs: number };
  /** Largest outline accepted by the import routes (bytes). */
  importMaxBytes: number;
  /**
   * An initial assignment of indicators to departments, by indicator key → department names (the
   * first leads). The outline's indicator table names no owners; the `indicator_owners` records
   * are the truth, and this seed is applied only to a plan none of whose indicators was assigned.
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
  /** SMTP server for reminder e-mails; `null` (default) sends none, notices stay in the app. */
  smtp: SmtpConfig | null;
  /** How often the reminder job runs (milliseconds); 0 disables it. Default: hourly. */
  reminderIntervalMs: number;
  /** Folder of the built web app served at `/`; null = the workspace's `packages/web/dist`. */
  webRoot: string | null;
  /**
   * Folder of uploaded evidence files (content-addressed, never served directly); default
   * `<data dir>/evidence` (`startServer` derives it from its data folder).
   */
  evidenceDir: string;
  /**
   * At start, an evidence file no record refers to is removed only when it is older than this
   * (ms; default 10 minutes): another server sharing the folder may have stored it and not yet
   * committed its record. 0 removes every orphan (one server per folder).
   */
  evidenceOrphanGraceMs: number;
  /** Largest evidence file accepted (bytes); default 10 MiB. */
  evidenceMaxBytes: number;
  /** Level of the structured request log (pino); `silent` (default) logs nothing. */
  logLevel: LogLevel;
};

/** See {@link ServerConfig.trustProxy}. */
export type TrustProxy = false | number | readonly string[];

/** The pino levels, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where reminder e-mails go out (nodemailer SMTP transport options). */
export type SmtpConfig = {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string } | undefined;
  /** Sender, e.g. `规划监测 <plantrack@example.gov.cn>`. */
  from: string;
};

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: 'auto',
  trustProxy: false,
  publicUrl: null,
  sessionTtlMs: 8 * 60 * 60 * 1000,
  tokenCacheMs: 5_000,
  tokenMaxDays: 365,
  changeStampMs: 1_000,
  signInRateLimit: { max: 10, timeWindowMs: 60_000 },
  accountSignInLimit: { max: 10, timeWindowMs: 15 * 60_000 },
  importMaxBytes: 20 * 1024 * 1024,
  indicatorOwners: {},
  annualDue: DEFAULT_ANNUAL_DUE,
  dueSoonDays: 14,
  templateMaxBytes: 5 * 1024 * 1024,
  smtp: null,
  reminderIntervalMs: 60 * 60 * 1000,
  webRoot: null,
  evidenceDir: `${DEFAULT_DATA_DIR}/evidence`,
  evidenceOrphanGraceMs: 10 * 60 * 1000,
  evidenceMaxBytes: 10 * 1024 * 1024,
  logLevel: 'silent',
};

export function resolveConfig(config: Partial<ServerConfig> = {}): ServerConfig {
  return { ...DEFAULT_CONFIG, ...config };
}
