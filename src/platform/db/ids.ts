import { randomFillSync } from 'node:crypto';

// Random bytes drawn 4 KB at a time: one randomBytes(16) per id was a visible share of a
// campaign's CPU (an id per message, conversation and envelope at 1,000 sends/s).
const pool = Buffer.alloc(4096);
let offset = pool.length;

/**
 * UUIDv7: time-ordered, so new rows land at the end of indexes and ids sort by creation.
 * Ids are stored as text and treated as opaque: any string is a valid lookup key that
 * simply finds nothing, which is how a foreign or malformed id becomes a 404, never a 500.
 */
export function newId(now = Date.now()): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
