import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A cookie value only this server can read or make: AES-256-GCM under a key derived from the
 * master key, its purpose as additional data (a flow cookie cannot pass for a pending sign-up),
 * and an expiry inside. Lets the API processes stay stateless between the redirect to Google and
 * the way back, without writing anything of the flow to the database.
 */
export function sealCookie(key: Buffer, purpose: string, payload: object, expiresAt: Date): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(JSON.stringify({ ...payload, exp: expiresAt.getTime() })), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openCookie<T>(key: Buffer, purpose: string, value: string | undefined, now: Date): T | null {
  if (!value) return null;
  try {
    const raw = Buffer.from(value, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(12, 28));
    const payload = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString()) as T & { exp: number };
    return payload.exp > now.getTime() ? payload : null;
  } catch {
    return null;
  }
}
