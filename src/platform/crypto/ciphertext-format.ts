import { DecryptionError } from './errors';

// Stored ciphertexts (bytea) start with a format byte, then the reference of their key:
//   0x01 data:    format | data key id (16 bytes, the uuid)            | iv | tag | ciphertext
//   0x02 ingress: format | key version (u32) | per-envelope salt (16) | iv | tag | ciphertext
// The header is part of the AAD, so the key reference cannot be swapped without failing.
export const DATA_FORMAT = 0x01;
export const INGRESS_FORMAT = 0x02;
export const DATA_HEADER_BYTES = 17;
export const INGRESS_HEADER_BYTES = 21;
export const INGRESS_SALT_BYTES = 16;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isDataKeyId(keyId: string): boolean {
  return uuidPattern.test(keyId);
}

export function dataHeader(keyId: string): Buffer {
  if (!isDataKeyId(keyId)) throw new Error(`Not a data key id: ${JSON.stringify(keyId.slice(0, 40))}`);
  const header = Buffer.allocUnsafe(DATA_HEADER_BYTES);
  header[0] = DATA_FORMAT;
  header.write(keyId.replaceAll('-', ''), 1, 'hex');
  return header;
}

export function readDataKeyId(ciphertext: Buffer): string {
  if (ciphertext.length < DATA_HEADER_BYTES || ciphertext[0] !== DATA_FORMAT) {
    throw new DecryptionError('not a data-key ciphertext (unknown format byte)');
  }
  const hex = ciphertext.toString('hex', 1, DATA_HEADER_BYTES);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function ingressHeader(version: number, salt: Buffer): Buffer {
  const header = Buffer.allocUnsafe(INGRESS_HEADER_BYTES);
  header[0] = INGRESS_FORMAT;
  header.writeUInt32BE(version, 1);
  salt.copy(header, 5);
  return header;
}

export function readIngressHeader(ciphertext: Buffer): { version: number; salt: Buffer } {
  if (ciphertext.length < INGRESS_HEADER_BYTES || ciphertext[0] !== INGRESS_FORMAT) {
    throw new DecryptionError('not an ingress ciphertext (unknown format byte)');
  }
  return { version: ciphertext.readUInt32BE(1), salt: ciphertext.subarray(5, INGRESS_HEADER_BYTES) };
}

/**
 * AAD = header | scope | caller's context, each length-prefixed so that no two different
 * (scope, context) pairs encode alike. The scope is the workspace id (or "ingress"): a ciphertext
 * copied into another workspace or another column (context such as "message.body") fails.
 */
export function buildAad(header: Buffer, scope: string, context: string): Buffer {
  const scopeLength = Buffer.byteLength(scope);
  const contextLength = Buffer.byteLength(context);
  const aad = Buffer.allocUnsafe(header.length + 4 + scopeLength + contextLength);
  let at = header.copy(aad, 0);
  at = aad.writeUInt16BE(scopeLength, at);
  at += aad.write(scope, at);
  at = aad.writeUInt16BE(contextLength, at);
  aad.write(context, at);
  return aad;
}
