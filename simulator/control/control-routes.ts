// The control API under /_sim (api-contract.md, "Simulator control API"): register and
// change numbers, inject customer messages, arm faults, move the clock, emit any webhook,
// list accepted sends, inspect deliveries and drive templates.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatorEngine } from '../engine/engine';
import { SimError } from '../engine/sim-error';
import { requireAdmin, requireNumberAccess } from './guard';
import { clockSchema, faultSchema, parseBody, patchNumberSchema, registerNumberSchema, templateChangeSchema, webhookSchema } from './schemas';
import { phoneApiRoutes } from './phone-api-routes';
import { templateToGraph } from '../graph/templates/template-store';

type IdParams = { Params: { id: string } };

export async function controlRoutes(app: FastifyInstance, opts: { engine: SimulatorEngine }): Promise<void> {
  const { engine } = opts;
  const admin = (req: FastifyRequest) => requireAdmin(engine, req);

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    if (err instanceof SimError) return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details ?? {} } });
    if (err.statusCode === 413) return reply.code(413).send({ error: { code: 'payload_too_large', message: 'The request body is too large.', details: {} } });
    if (err.statusCode && err.statusCode < 500) return reply.code(400).send({ error: { code: 'invalid_request', message: err.message, details: {} } });
    console.error('simulator: control request failed', err);
    return reply.code(500).send({ error: { code: 'internal', message: 'The simulator failed to handle this request.', details: {} } });
  });

  app.get('/health', async () => ({ ok: true, now: engine.clock.nowSeconds() }));

  app.post('/numbers', async (req, reply) => {
    admin(req);
    const { number, created } = engine.registerNumber(parseBody(registerNumberSchema, req.body));
    return reply.code(created ? 201 : 200).send({ number: number.describe() });
  });
  app.get('/numbers', async (req) => {
    admin(req);
    return { numbers: engine.numbers.all().map((n) => n.describe()) };
  });
  app.get<IdParams>('/numbers/:id', async (req) => {
    admin(req);
    return { number: engine.requireNumber(req.params.id).describe() };
  });
  app.patch<IdParams>('/numbers/:id', async (req) => {
    admin(req);
    return { number: engine.patchNumber(req.params.id, parseBody(patchNumberSchema, req.body)).describe() };
  });
  app.post<IdParams>('/numbers/:id/verify-webhook', async (req) => {
    admin(req);
    return engine.verifyWebhook(req.params.id);
  });

  app.post('/inbound', async (req) => {
    const pnid = (req.body as { phoneNumberId?: unknown } | undefined)?.phoneNumberId;
    requireNumberAccess(engine, req, typeof pnid === 'string' ? pnid : '');
    return engine.injectInbound(req.body as Parameters<SimulatorEngine['injectInbound']>[0]);
  });

  app.post('/faults', async (req, reply) => {
    admin(req);
    const f = parseBody(faultSchema, req.body);
    const fault = engine.armFault(f.phoneNumberId, f.code, f.count, f.delivery, f.details);
    return reply.code(201).send({ armed: { phoneNumberId: f.phoneNumberId, ...fault } });
  });

  app.post('/clock', async (req) => {
    admin(req);
    return engine.advanceClock(parseBody(clockSchema, req.body).advanceSeconds);
  });

  app.post('/webhooks', async (req, reply) => {
    admin(req);
    engine.emitWebhook(parseBody(webhookSchema, req.body));
    return reply.code(202).send({ queued: true });
  });

  app.get<{ Querystring: { phoneNumberId?: string; to?: string } }>('/sent', async (req) => {
    admin(req);
    return engine.listSent(req.query.phoneNumberId, req.query.to);
  });

  app.get<{ Querystring: { phoneNumberId?: string } }>('/sent/totals', async (req) => {
    admin(req);
    if (!req.query.phoneNumberId) throw new SimError(400, 'validation_failed', 'phoneNumberId is required.');
    return engine.sentTotals(req.query.phoneNumberId);
  });

  app.get<{ Querystring: { phoneNumberId?: string } }>('/deliveries', async (req) => {
    admin(req);
    return { deliveries: engine.webhooks.log.list(req.query.phoneNumberId) };
  });

  app.get<{ Querystring: { wabaId?: string } }>('/templates', async (req) => {
    admin(req);
    if (!req.query.wabaId) throw new SimError(400, 'validation_failed', 'wabaId is required.');
    return { templates: engine.templates.listByWaba(req.query.wabaId).map(templateToGraph) };
  });
  app.post<IdParams>('/templates/:id', async (req) => {
    admin(req);
    engine.changeTemplate(req.params.id, parseBody(templateChangeSchema, req.body));
    return { template: templateToGraph(engine.templates.get(req.params.id)!) };
  });

  await app.register(phoneApiRoutes, { engine, prefix: '/phone' });
}
