import type { DatabaseHandle, DialectName } from '@plantrack/db';
import type { SessionStore } from './auth/session.store.js';
import type { TokenPrincipals } from './auth/token-principals.js';
import type { ServerConfig } from './config.js';

/** What routes and services share: the store, the configuration, sessions and resolved API tokens. */
export type AppContext = {
  db: DatabaseHandle['db'];
  dialect: DialectName;
  config: ServerConfig;
  sessions: SessionStore;
  tokenPrincipals: TokenPrincipals;
};
