import { randomFillSync } from 'node:crypto';
import { currentTime } from './clock.js';

let lastMillis = 0;
let counter = 0;

// Random bytes are drawn 4 KiB at a time: one call into the generator per 256 ids instead of one
// per id (a few per cent of a submission's time under load).
const RANDOM_POOL = Buffer.alloc(4096);
let poolOffset = RANDOM_POOL.length;

function randomSixteen(): Buffer {
  if (poolOffset + 16 > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    poolOffset = 0;
  }
  const bytes = Buffer.from(RANDOM_POOL.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return bytes;
}

/**
 * A new record id: a UUID version 7 string (RFC 9562). Ids are made by the application, not the
 * database, so both dialects store the same TEXT ids and a record can be written, referenced and
 * audited in one round trip. Version 7 starts with the creation time in milliseconds and, within one
 * process, a 12-bit counter, so ids sort in creation order — the audit log and revision lists are
 * ordered by id without ties.
 */
export function newId(now: number = Date.now()): string {
  let millis = now;
  if (millis <= lastMillis) {
    millis = lastMillis;
    counter += 1;
    if (counter > 0xfff) {
      // More than 4,096 ids in one millisecond: borrow the next millisecond to stay monotonic.
      millis += 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMillis = millis;
  const bytes = randomSixteen();
  bytes.writeUIntBE(millis, 0, 6);
  bytes.writeUInt8(0x70 | (counter >> 8), 6);
  bytes.writeUInt8(counter & 0xff, 7);
  bytes.writeUInt8(0x80 | (bytes.readUInt8(8) & 0x3f), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The current time as stored: an ISO 8601 UTC string with milliseconds (`2026-03-01T08:00:00.000Z`).
 * One fixed-width format on both dialects, so text order is time order.
 */
export function nowIso(): string {
  return currentTime().toISOString();
}
