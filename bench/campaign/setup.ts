// Bench setup helpers: a fresh database (PGlite under tmp/, or a new PostgreSQL database next to
// DATABASE_URL), the product with its worker, a signed-up workspace and a simulator number.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createSimulator } from '../../simulator/index';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logging';
import { buildApi } from '../../src/main/api';
import { buildContainer } from '../../src/main/container';
import { startWorker } from '../../src/main/worker';
import { createBenchDatabase } from '../../src/platform/db/scratch-database';
import { freePort } from '../../src/test-support/free-port';

/** A new database beside DATABASE_URL's for this run (dropped by `drop`), or embedded PGlite when unset. */
export async function freshDatabaseUrl(): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { drop: async () => {} };
  return createBenchDatabase(process.env.DATABASE_URL, 'bench');
}

/** The product with its worker on a new database, or again on the same one with `env` of an earlier start (a restart). */
export async function startProduct(options: { throughputMps: number; databaseUrl?: string; withWorker?: boolean; env?: Record<string, string> }) {
  const port = options.env ? Number(options.env.PORT) : await freePort();
  const env: Record<string, string> = options.env ?? {
    MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent', WHATSAPP_MODE: 'cloud', PORT: String(port), OUTBOUND_ALLOW_PRIVATE_URLS: 'true',
    DATA_DIR: mkdtempSync('tmp/bench-campaign-'), DATABASE_POOL_SIZE: '10',
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const container = await buildContainer(loadConfig(env), createLogger({ level: 'silent' }));
  const app = await buildApi(container);
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const worker = options.withWorker === false ? null : startWorker(container);
  const stop = async () => {
    await worker?.stop();
    await app.close();
    await container.close();
  };
  return { container, app, url, worker, env, stop };
}

const benchNumber = (url: string, throughputMps: number) => {
  const stamp = Date.now().toString().slice(-9);
  return { phoneNumberId: `106${stamp}`, wabaId: `202${stamp}`, displayPhoneNumber: '15550783881', accessToken: `EAAbench-${randomBytes(8).toString('hex')}`, appSecret: randomBytes(16).toString('hex'), webhookUrl: `${url}/webhooks/whatsapp`, throughputMps };
};

export async function startBenchSimulator(url: string, throughputMps: number) {
  const sim = await createSimulator({ port: 0, templateReviewMs: 5 });
  const number = benchNumber(url, throughputMps);
  sim.engine.registerNumber(number);
  return { sim, number };
}

/** The simulator in a child process, driven through its control API (counts by the simulator, per recipient). */
export async function startSimulatorProcess(url: string, throughputMps: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/campaign/simulator-process.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const simUrl = (JSON.parse(line) as { url: string }).url;
  const number = benchNumber(url, throughputMps);
  const control = async <T>(path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${simUrl}/_sim${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`simulator ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  await control('/numbers', number);
  return {
    url: simUrl,
    number,
    totals: () => control<{ sends: number; recipients: number }>(`/sent/totals?phoneNumberId=${number.phoneNumberId}`),
    countsByRecipient: async () => (await control<{ countsByRecipient: Record<string, number> }>(`/sent?phoneNumberId=${number.phoneNumberId}`)).countsByRecipient,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** A cookie session of a new workspace: `call(method, path, body)` → { status, body }. */
export async function signUp(url: string) {
  const signup = await fetch(`${url}/api/v1/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Bench', workspaceName: 'Bench', ageConfirmed: true }) });
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  const { workspaceId } = (await signup.json()) as { workspaceId: string };
  const me = (await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, { method, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return { workspaceId, call };
}
