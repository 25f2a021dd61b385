// X-Hub-Signature-256: lower-case hex HMAC-SHA256 of the exact body bytes, keyed by the
// app secret. The legacy SHA-1 header is sent alongside, as Meta still does.
import { createHmac } from 'node:crypto';

export function signatureHeaders(appSecret: string, body: Buffer): Record<string, string> {
  return {
    'x-hub-signature-256': 'sha256=' + createHmac('sha256', appSecret).update(body).digest('hex'),
    'x-hub-signature': 'sha1=' + createHmac('sha1', appSecret).update(body).digest('hex'),
  };
}
