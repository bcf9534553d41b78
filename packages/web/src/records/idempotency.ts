/**
 * A fresh `Idempotency-Key` for one write attempt: a retry of the same attempt reuses it, so a
 * request that reached the server before the network failed is not applied twice.
 * `crypto.getRandomValues` works on plain-HTTP intranet hosts, unlike `crypto.randomUUID`.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
