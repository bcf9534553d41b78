import { createHash } from 'node:crypto';
import { randomToken } from './session.store.js';

/** Prefix of API tokens, so leaked tokens are recognisable by secret scanners. */
export const TOKEN_PREFIX = 'ptk_';

/** A new API token (shown once) and the hash stored in `api_tokens.token_hash`. */
export function newApiToken(): { token: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  return { token, tokenHash: hashApiToken(token) };
}

/** SHA-256 of the token: tokens carry 256 random bits, so a slow hash adds nothing. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
