// Meta's message ids: `wamid.` + base64 of a small protobuf-like record holding the
// customer's id and a message key. Outbound keys are 18 upper-case hex chars; inbound
// keys are `3A` + 18 hex chars (the WhatsApp client's id). Decoded example:
// 1c 18 0b "16315551181" 15 02 00 11 18 12 "F734D8ABDA895E6CF9" 00
import type { SeededRandom } from './random';

function encode(customerId: string, direction: 0x11 | 0x12, key: string): string {
  // Ids and keys are ASCII, so a latin1 string is the byte sequence (one allocation, on the hot path).
  const record =
    '\x1c\x18' + String.fromCharCode(customerId.length & 0xff) + customerId +
    '\x15\x02\x00' + String.fromCharCode(direction) + '\x18' + String.fromCharCode(key.length & 0xff) + key + '\x00';
  return 'wamid.' + Buffer.from(record, 'latin1').toString('base64');
}

export function outboundWamid(random: SeededRandom, customerId: string): string {
  return encode(customerId, 0x11, random.hex(18, true));
}

export function inboundWamid(random: SeededRandom, customerId: string): string {
  return encode(customerId, 0x12, '3A' + random.hex(18, true));
}
