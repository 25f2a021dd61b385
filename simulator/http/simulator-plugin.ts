// Mounts the simulator on a Fastify instance. `simulatorApiPlugin` serves the Graph API and
// the control API (/_sim) under its register prefix; `phonePagePlugin` serves the customer
// phone. `registerSimulator` does both, e.g. in the product's sandbox mode:
//   await registerSimulator(app, { engine, prefix: '/sandbox/graph', phonePagePath: '/sandbox/phone' });
// Both plugins are encapsulated: their body parsers and error handlers stay inside.
import type { FastifyInstance } from 'fastify';
import type { SimulatorEngine } from '../engine/engine';
import { installBodyParsers } from './body-parsers';
import { graphRoutes } from './graph-routes';
import { controlRoutes } from '../control/control-routes';
import { phonePageRoutes } from '../phone/phone-page';

export interface SimulatorApiOptions {
  engine: SimulatorEngine;
}

export async function simulatorApiPlugin(app: FastifyInstance, opts: SimulatorApiOptions): Promise<void> {
  installBodyParsers(app);
  await app.register(controlRoutes, { engine: opts.engine, prefix: '/_sim' });
  await app.register(graphRoutes, { engine: opts.engine });
}

export interface PhonePageOptions {
  /** Where the simulator API is mounted, as the browser reaches it ('' when at the root). */
  apiBase: string;
}

export async function phonePagePlugin(app: FastifyInstance, opts: PhonePageOptions): Promise<void> {
  await app.register(phonePageRoutes, { apiBase: opts.apiBase });
}

export interface RegisterSimulatorOptions {
  engine: SimulatorEngine;
  /** Prefix of the Graph + control API, e.g. '/sandbox/graph'; '' mounts it at the root. */
  prefix?: string;
  /** Path of the customer-phone page, e.g. '/sandbox/phone'. */
  phonePagePath?: string;
}

export async function registerSimulator(app: FastifyInstance, opts: RegisterSimulatorOptions): Promise<void> {
  const prefix = (opts.prefix ?? '').replace(/\/+$/, '');
  await app.register(simulatorApiPlugin, { engine: opts.engine, prefix });
  await app.register(phonePagePlugin, { apiBase: prefix, prefix: opts.phonePagePath ?? '/phone' });
}
