import { randomBytes } from 'node:crypto';
import { registerGoogleSandbox, registerSimulator, SimulatorEngine, type GoogleSandbox } from '../../simulator';
import { listSandboxNumbers, SANDBOX_GRAPH_PATH, sandboxGraphUrl, type ChannelDeps, type SandboxNumber } from '../modules/channels';
import { googleRedirectUri, SANDBOX_GOOGLE_PATH, type GoogleDeps } from '../modules/google';
import type { AppInstance } from '../platform/http';
import type { Logger } from '../platform/logging';

const toRegistration = (n: SandboxNumber) => ({
  phoneNumberId: n.phoneNumberId,
  wabaId: n.wabaId,
  displayPhoneNumber: n.displayPhoneNumber,
  accessToken: n.accessToken,
  appSecret: n.appSecret,
  verifyToken: n.verifyToken,
  webhookUrl: n.webhookUrl,
  throughputMps: n.throughputMps,
  apiVersion: n.apiVersion,
  phoneKey: n.phoneKey,
  customers: n.customers,
  verifiedName: 'WhatGrowPro Sandbox',
});

/**
 * Sandbox mode: the Cloud API simulator runs inside the product (Graph at /sandbox/graph, the
 * customer phone at /sandbox/phone), guarded so one workspace can only drive its own number.
 * Its state lives in memory, so every sandbox channel stored in the database is registered again
 * at start, and new ones as their workspaces are created.
 */
export async function mountSandbox(app: AppInstance, deps: ChannelDeps, logger: Logger) {
  const engine = new SimulatorEngine({ guarded: true, adminToken: randomBytes(24).toString('base64url'), publicUrl: sandboxGraphUrl(deps) });
  await app.register(async (scope) => registerSimulator(scope, { engine, prefix: SANDBOX_GRAPH_PATH, phonePagePath: '/sandbox/phone' }));
  const numbers = await listSandboxNumbers(deps);
  for (const n of numbers) engine.registerNumber(toRegistration(n));
  if (numbers.length) logger.info({ count: numbers.length }, 'sandbox numbers registered with the in-process simulator');
  app.addHook('onClose', async () => engine.close());
  return {
    engine,
    async registerWorkspace(workspaceId: string) {
      for (const n of await listSandboxNumbers(deps, workspaceId)) engine.registerNumber(toRegistration(n));
    },
  };
}

// The sandbox Google of each app, for tests to add accounts and contacts (forgotten with the app).
const googleSandboxes = new WeakMap<AppInstance, GoogleSandbox>();
export const googleSandboxOf = (app: AppInstance) => googleSandboxes.get(app);

/**
 * Sandbox mode without a Google client: a local OpenID provider stands in for Google's accounts
 * server and the simulator's People API for Google's, both on this process, with the client the
 * container already knows (`sandboxGoogleSettings`).
 */
export async function mountGoogleSandbox(app: AppInstance, deps: GoogleDeps, options: { trustProxy: boolean }) {
  if (!deps.settings) return;
  const sandbox = await registerGoogleSandbox(app, {
    publicUrl: deps.publicUrl,
    prefix: SANDBOX_GOOGLE_PATH,
    redirectUris: [googleRedirectUri(deps)],
    client: { clientId: deps.settings.clientId, clientSecret: deps.settings.clientSecret },
    trustProxy: options.trustProxy,
  });
  googleSandboxes.set(app, sandbox);
}
