// Meta's subscription check: GET <callback>?hub.mode=subscribe&hub.challenge=N&hub.verify_token=T;
// the endpoint is verified only if it answers 200 with exactly the challenge.
import { request } from 'undici';
import { randomInt } from 'node:crypto';

export interface HandshakeResult {
  verified: boolean;
  statusCode: number | null;
  body: string;
  challenge: string;
}

export async function verifyWebhookEndpoint(url: string, verifyToken: string, timeoutMs = 5_000): Promise<HandshakeResult> {
  const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
  const target = new URL(url);
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.challenge', challenge);
  target.searchParams.set('hub.verify_token', verifyToken);
  try {
    const res = await request(target, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
    const body = await res.body.text();
    return { verified: res.statusCode === 200 && body === challenge, statusCode: res.statusCode, body, challenge };
  } catch (err) {
    return { verified: false, statusCode: null, body: err instanceof Error ? err.message : String(err), challenge };
  }
}
