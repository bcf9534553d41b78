import type { DatabaseHandle, DialectName } from '@plantrack/db';
import type { SessionStore } from './auth/session.store.js';
import type { TokenPrincipals } from './auth/token-principals.js';
import type { ServerConfig } from './config.js';
import type { ChangeStamps } from './change-stamps.js';

/**
 * What routes and services share: the store, the configuration, sessions, resolved API tokens and
 * the change stamp the read caches check.
 */
export type AppContext = {
  db: DatabaseHandle['db'];
  dialect: DialectName;
  config: ServerConfig;
  sessions: SessionStore;
  tokenPrincipals: TokenPrincipals;
  changeStamps: ChangeStamps;
};
