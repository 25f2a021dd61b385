import { createHash } from 'node:crypto';

/** Verify tokens are looked up by hash, so the routing table holds no usable secret. */
export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
