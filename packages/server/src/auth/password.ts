import { hash, verify } from '@node-rs/argon2';

/**
 * Hashes a password with argon2id (the library's default algorithm; OWASP parameters:
 * 19 MiB, 2 passes, 1 lane). The PHC string records the algorithm and parameters.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** A hash of a random password, verified against when the user does not exist (equal timing). */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword(`dummy-${String(Math.random())}`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
