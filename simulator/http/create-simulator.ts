// The standalone simulator: its own Fastify server with the Graph API at the root, the
// control API at /_sim and the customer phone at /phone. `whatgrow simulator --port N`
// calls this and prints `{"url": "<url>"}` as its first stdout line.
import Fastify, { type FastifyInstance } from 'fastify';
import { SimulatorEngine } from '../engine/engine';
import type { SimulatorOptions } from '../engine/options';
import { registerSimulator } from './simulator-plugin';

export interface CreateSimulatorOptions extends SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Share an engine created elsewhere; otherwise one is created from the options and closed with the server. */
  engine?: SimulatorEngine;
}

export interface RunningSimulator {
  url: string;
  engine: SimulatorEngine;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function createSimulator(opts: CreateSimulatorOptions = {}): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', engine: shared, ...options } = opts;
  const engine = shared ?? new SimulatorEngine(options);
  const app = Fastify({ logger: false, forceCloseConnections: true, keepAliveTimeout: 30_000 });
  await registerSimulator(app, { engine });
  await app.listen({ port, host });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  engine.publicUrl ??= url;
  return {
    url,
    engine,
    app,
    async close() {
      await app.close();
      if (!shared) await engine.close();
    },
  };
}
