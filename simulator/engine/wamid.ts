// Meta's message ids: `wamid.` + base64 of a small protobuf-like record holding the
// customer's id and a message key. Outbound keys are 18 upper-case hex chars; inbound
// keys are `3A` + 18 hex chars (the WhatsApp client's id). Decoded example:
// 1c 18 0b "16315551181" 15 02 00 11 18 12 "F734D8ABDA895E6CF9" 00
import type { SeededRandom } from './random';

function encode(customerId: string, direction: 0x11 | 0x12, key: string): string {
  const id = Buffer.from(customerId, 'latin1');
  const k = Buffer.from(key, 'latin1');
  const bytes = Buffer.concat([
    Buffer.from([0x1c, 0x18, id.length & 0xff]),
    id,
    Buffer.from([0x15, 0x02, 0x00, direction, 0x18, k.length & 0xff]),
    k,
    Buffer.from([0x00]),
  ]);
  return 'wamid.' + bytes.toString('base64');
}

export function outboundWamid(random: SeededRandom, customerId: string): string {
  return encode(customerId, 0x11, random.hex(18, true));
}

export function inboundWamid(random: SeededRandom, customerId: string): string {
  return encode(customerId, 0x12, '3A' + random.hex(18, true));
}
