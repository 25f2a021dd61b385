import { z } from 'zod';
import { registerErrorStatuses, type AppInstance } from '../../../../platform/http';
import { unsafeIsVerifyTokenHash } from '../../channel-credentials';
import { sha256Hex } from '../../hash';
import type { WebhookIngressDeps } from './deps';
import { ingestWebhook } from './ingest-webhook';
import { channelErrorStatuses } from '../../error-statuses';

export const WEBHOOK_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Meta's one endpoint for every workspace: the verify handshake and signed event deliveries. */
export function registerWebhookRoutes(app: AppInstance, deps: WebhookIngressDeps): void {
  registerErrorStatuses(app, channelErrorStatuses);
  app.get(
    '/webhooks/whatsapp',
    {
      schema: {
        tags: ['webhooks'],
        description: 'Meta verify handshake: 200 text/plain with hub.challenge when hub.verify_token is a connected channel\'s verify token; else 403.',
        querystring: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const mode = q['hub.mode'];
      const token = q['hub.verify_token'];
      const challenge = q['hub.challenge'];
      if (mode === 'subscribe' && typeof token === 'string' && typeof challenge === 'string' && (await unsafeIsVerifyTokenHash(deps.channels, sha256Hex(token)))) {
        return reply.code(200).type('text/plain; charset=utf-8').send(challenge);
      }
      return reply.code(403).type('text/plain; charset=utf-8').send('forbidden');
    },
  );

  void app.register(async (scope) => {
    // The signature covers the exact bytes: keep them, whatever the content type says.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.post(
      '/webhooks/whatsapp',
      {
        bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
        // Meta's servers read only the status: no browser renders this answer, so the browser-facing
        // security headers are skipped on the hottest route (they cost a fifth of its throughput).
        helmet: false,
        schema: {
          tags: ['webhooks'],
          description:
            'Meta event delivery. X-Hub-Signature-256 is checked over the raw bytes with the app secret of the channel each entry names ' +
            '(metadata.phone_number_id; the WABA id for account-level fields); entries of unknown numbers are dropped. The raw envelope is ' +
            'stored encrypted and durably, then 200. No named channel verifies → 401 invalid_signature, nothing stored. Malformed JSON → ' +
            '400 invalid_json and nothing stored (no channel can be named, so no signature can be checked). Bodies up to 4 MiB.',
        },
      },
      async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const header = request.headers['x-hub-signature-256'];
        await ingestWebhook(deps, raw, Array.isArray(header) ? header[0] : header);
        return reply.code(200).type('text/plain; charset=utf-8').send('ok');
      },
    );
  });
}
