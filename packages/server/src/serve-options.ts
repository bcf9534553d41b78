import { isIP } from 'node:net';
import { LOG_LEVELS, type LogLevel, type ServerConfig, type TrustProxy } from './config.js';

/** The operation options of `plantrack serve`, as typed on the command line or in the environment. */
export type OperationOptions = {
  trustProxy?: string | undefined;
  secureCookies?: string | undefined;
  publicUrl?: string | undefined;
  logLevel?: string | undefined;
};

/** The environment variables read when an option is not given on the command line. */
export const OPERATION_ENV = {
  trustProxy: 'PLANTRACK_TRUST_PROXY',
  secureCookies: 'PLANTRACK_SECURE_COOKIES',
  publicUrl: 'PLANTRACK_PUBLIC_URL',
  logLevel: 'PLANTRACK_LOG_LEVEL',
} as const;

/** proxy-addr's names for address ranges (loopback 127.0.0.0/8 and ::1, and so on). */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Turns the operation options (command line first, then the environment) into server settings;
 * a value that cannot be understood is an error message in Chinese and English, never a guess.
 */
export function operationConfig(
  options: OperationOptions,
  env: Readonly<Record<string, string | undefined>>,
): { config: Partial<ServerConfig> } | { error: string } {
  const pick = (key: keyof OperationOptions): string | undefined => {
    const value = options[key] ?? env[OPERATION_ENV[key]];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const config: Partial<ServerConfig> = {};
  const trust = pick('trustProxy');
  if (trust !== undefined) {
    const parsed = parseTrustProxy(trust);
    if (typeof parsed === 'string') return { error: parsed };
    config.trustProxy = parsed;
  }
  const secure = pick('secureCookies');
  if (secure !== undefined) {
    if (secure !== 'auto' && secure !== 'true' && secure !== 'false') {
      return {
        error: `安全 Cookie 设置无效（应为 auto、true 或 false）/ --secure-cookies must be auto, true or false: "${secure}"`,
      };
    }
    config.secureCookies = secure === 'auto' ? 'auto' : secure === 'true';
  }
  const url = pick('publicUrl');
  if (url !== undefined) {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      return {
        error: `公开地址无效（应为 http:// 或 https:// 地址）/ --public-url must be an http(s) URL: "${url}"`,
      };
    }
    config.publicUrl = parsed.href;
  }
  const level = pick('logLevel');
  if (level !== undefined) {
    if (!(LOG_LEVELS as readonly string[]).includes(level)) {
      return { error: `日志级别无效 / --log-level must be one of ${LOG_LEVELS.join(', ')}: "${level}"` };
    }
    config.logLevel = level as LogLevel;
  }
  return { config };
}

/**
 * `false`/`none`, a hop count (`1`), or a comma-separated list of addresses, CIDR ranges and
 * proxy-addr range names. `true` is refused: believing every sender lets anyone pick the address
 * the rate limits count.
 */
export function parseTrustProxy(text: string): TrustProxy | string {
  if (text === 'false' || text === 'none') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !RANGE_NAMES.has(e) && !isAddressOrRange(e));
  if (text === 'true' || entries.length === 0 || bad.length > 0) {
    return (
      `受信任代理设置无效：请写代理的地址或网段（如 127.0.0.1 或 10.0.0.0/24）或跳数 / ` +
      `--trust-proxy takes the proxy's addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/24) or a hop count: "${text}"`
    );
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d+$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}
