import type { DatabaseHandle, DialectName } from '@plantrack/db';
import type { SessionStore } from './auth/session.store.js';
import type { ServerConfig } from './config.js';

/** What routes and services share: the store, the configuration and the session store. */
export type AppContext = {
  db: DatabaseHandle['db'];
  dialect: DialectName;
  config: ServerConfig;
  sessions: SessionStore;
};
