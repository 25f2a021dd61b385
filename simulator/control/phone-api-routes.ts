// What the customer-phone page reads, scoped to one number (its phoneKey in guarded mode):
// the number's customers, one customer's chat, and the media shown in it. Customers act
// through POST /_sim/inbound.
import type { FastifyInstance } from 'fastify';
import type { SimulatorEngine } from '../engine/engine';
import { SimError } from '../engine/sim-error';
import { customerKey, windowExpiresAtSec } from '../engine/customers';
import { requireNumberAccess } from './guard';
import { addCustomerSchema, parseBody } from './schemas';

type NumberParams = { Params: { pnid: string } };

export async function phoneApiRoutes(app: FastifyInstance, opts: { engine: SimulatorEngine }): Promise<void> {
  const { engine } = opts;

  app.get<NumberParams>('/:pnid', async (req) => {
    requireNumberAccess(engine, req, req.params.pnid);
    const number = engine.requireNumber(req.params.pnid);
    const customers = number.customers.list().map((c) => ({
      id: customerKey(c),
      waId: c.waId,
      userId: c.userId,
      name: c.name,
      windowExpiresAt: windowExpiresAtSec(c),
    }));
    return {
      number: { phoneNumberId: number.id, displayPhoneNumber: number.config.displayPhoneNumber, verifiedName: number.config.verifiedName ?? 'Simulated Business' },
      customers,
      now: engine.clock.nowSeconds(),
    };
  });

  app.post<NumberParams>('/:pnid/customers', async (req, reply) => {
    requireNumberAccess(engine, req, req.params.pnid);
    const c = engine.requireNumber(req.params.pnid).customers.upsert(parseBody(addCustomerSchema, req.body));
    return reply.code(201).send({ customer: { id: customerKey(c), waId: c.waId, userId: c.userId, name: c.name } });
  });

  app.get<NumberParams & { Params: { customer: string }; Querystring: { since?: string } }>('/:pnid/chats/:customer', async (req) => {
    requireNumberAccess(engine, req, req.params.pnid);
    const number = engine.requireNumber(req.params.pnid);
    const customer = number.customers.find(req.params.customer);
    if (!customer) throw new SimError(404, 'customer_not_found', 'No such customer of this number.');
    const chat = number.chats.snapshot(customerKey(customer));
    if (req.query.since !== undefined && Number(req.query.since) === chat.version) return { version: chat.version, unchanged: true };
    return { version: chat.version, items: chat.items };
  });

  app.get<NumberParams & { Params: { mediaId: string } }>('/:pnid/media/:mediaId', async (req, reply) => {
    requireNumberAccess(engine, req, req.params.pnid);
    const media = engine.media.get(req.params.mediaId);
    if (!media || media.ownerPhoneNumberId !== req.params.pnid) throw new SimError(404, 'media_not_found', 'No such medium of this number.');
    return reply.header('content-type', media.mimeType).header('cache-control', 'private, max-age=300').send(media.data);
  });
}
