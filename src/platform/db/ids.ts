import { randomBytes } from 'node:crypto';

/**
 * UUIDv7: time-ordered, so new rows land at the end of indexes and ids sort by creation.
 * Ids are stored as text and treated as opaque: any string is a valid lookup key that
 * simply finds nothing, which is how a foreign or malformed id becomes a 404, never a 500.
 */
export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
