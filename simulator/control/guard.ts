// Guarded mode (the multi-tenant sandbox): routes that affect every tenant need the admin
// token; a number's customer-phone routes need that number's phoneKey (or the admin token).
// Unguarded (standalone, tests), everything is open.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SimulatorEngine } from '../engine/engine';
import { SimError } from '../engine/sim-error';
import { bearerToken } from '../http/body-parsers';

export const PHONE_KEY_HEADER = 'x-sim-phone-key';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isAdmin(engine: SimulatorEngine, req: FastifyRequest): boolean {
  const token = bearerToken(req.headers.authorization);
  return token !== null && engine.options.adminToken !== null && same(token, engine.options.adminToken);
}

export function requireAdmin(engine: SimulatorEngine, req: FastifyRequest): void {
  if (!engine.options.guarded || isAdmin(engine, req)) return;
  if (!req.headers.authorization) throw new SimError(401, 'unauthenticated', 'This simulator is guarded: send Authorization: Bearer <admin token>.');
  throw new SimError(403, 'forbidden', 'This control route needs the admin token.');
}

/** The phone page passes the key in a header, or in `?key=` where it cannot set headers (images). */
export function requireNumberAccess(engine: SimulatorEngine, req: FastifyRequest, phoneNumberId: string): void {
  if (!engine.options.guarded || isAdmin(engine, req)) return;
  const header = req.headers[PHONE_KEY_HEADER];
  const key = (typeof header === 'string' ? header : undefined) ?? (req.query as { key?: string }).key;
  if (!key) throw new SimError(401, 'unauthenticated', "This simulator is guarded: send the number's phone key.");
  const number = engine.numbers.get(phoneNumberId);
  // Same answer whether or not the number exists, so keys cannot probe for numbers.
  if (!number || !same(key, number.phoneKey)) throw new SimError(403, 'forbidden', 'The phone key does not match this number.');
}
