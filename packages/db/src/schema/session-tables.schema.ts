import type { Timestamp } from './column-types.js';

/**
 * A signed-in browser session. The session id itself lives only in the user's cookie; the row is
 * found by its SHA-256. Expiry slides: each use moves `expires_at` forward.
 */
export interface SessionsTable {
  /** SHA-256 (hex) of the session id. */
  id_hash: string;
  user_id: string;
  /** The CSRF token bound to the session (double-submit check). */
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}
