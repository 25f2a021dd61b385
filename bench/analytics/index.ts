// Analytics benchmark: a workspace with BENCH_MESSAGES messages in BENCH_CONVERSATIONS conversations
// over BENCH_DAYS days, and BENCH_NOISE_WORKSPACES other workspaces of BENCH_NOISE_MESSAGES each,
// seeded by SQL as source rows, rolled up by the rebuild path (`whatgrow analytics rebuild`), then
// each report asked BENCH_REQUESTS times over the whole range through the HTTP API as an analyst.
// Defaults fit a 2-core machine in a few minutes (100,000 messages, 10,000 conversations, 90 days,
// 10 noise workspaces); the setting is
//   BENCH_MESSAGES=1000000 BENCH_CONVERSATIONS=100000 BENCH_NOISE_WORKSPACES=50 BENCH_NOISE_MESSAGES=20000
// Targets: overview p95 ≤ 100 ms, every report p95 ≤ 250 ms. DATABASE_URL selects PostgreSQL (else
// PGlite under tmp/). Prints p50/p95 per report, CPU per request of this process (the product) and
// of PostgreSQL's backends, and the load average (the machine is shared); the last stdout line is JSON.
import { sql } from 'kysely';
import { rebuildWorkspaces } from '../../src/modules/analytics';
import { cpuMeter } from '../campaign/cpu';
import { freshDatabaseUrl, signUp, startProduct } from '../campaign/setup';
import { createNoiseWorkspaces, seedWorkspace, type SeedSize } from './seed';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const size: SeedSize = { messages: env('BENCH_MESSAGES', 100_000), conversations: env('BENCH_CONVERSATIONS', 10_000), days: env('BENCH_DAYS', 90), agents: 20 };
const noise = { workspaces: env('BENCH_NOISE_WORKSPACES', 10), messages: env('BENCH_NOISE_MESSAGES', 2_000) };
const REQUESTS = env('BENCH_REQUESTS', 40);
const REPORTS = ['overview', 'conversations', 'agents', 'templates', 'campaigns', 'costs'] as const;
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function main() {
  const db = await freshDatabaseUrl();
  const product = await startProduct({ throughputMps: 80, withWorker: false, ...(db.url ? { databaseUrl: db.url } : {}) });
  try {
    const raw = product.container.database.db;
    const { workspaceId, call } = await signUp(product.url);
    const analyst = await call('POST', '/api/v1/api-keys', { name: 'bench analyst', role: 'analyst' });
    if (analyst.status !== 201) throw new Error(`api key: ${analyst.status}`);
    const key = (analyst.body as { key: string }).key;
    const start = new Date(Date.UTC(2026, 0, 1));
    const kind = product.container.database.kind;

    log(`[analytics, ${kind}] seeding ${size.messages} messages / ${size.conversations} conversations over ${size.days} days, and ${noise.workspaces} workspaces × ${noise.messages}…`);
    let t0 = Date.now();
    await seedWorkspace(raw, workspaceId, size, start);
    for (const id of await createNoiseWorkspaces(raw, noise.workspaces)) {
      await seedWorkspace(raw, id, { ...size, messages: noise.messages, conversations: Math.max(1, Math.round(noise.messages / 10)) }, start);
    }
    await sql`analyze`.execute(raw);
    log(`  seeded in ${seconds(t0)} s; rebuilding the rollups…`);
    t0 = Date.now();
    let rollupRows = 0;
    await rebuildWorkspaces(product.container.analytics, undefined, (id, s) => (rollupRows += id === workspaceId ? s.rollupRows : 0));
    const rebuildMs = Date.now() - t0;
    await sql`analyze`.execute(raw);
    log(`  rebuilt every workspace in ${(rebuildMs / 1000).toFixed(1)} s (${rollupRows} rollup rows in the measured one)`);

    const to = new Date(start.getTime() + (size.days - 1) * 86_400_000).toISOString().slice(0, 10);
    const query = `from=${start.toISOString().slice(0, 10)}&to=${to}`;
    const ask = async (name: string) => {
      const t = performance.now();
      const r = await fetch(`${product.url}/api/v1/analytics/${name}?${query}`, { headers: { authorization: `Bearer ${key}` } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${name}: ${r.status}`);
      return performance.now() - t;
    };
    for (const name of REPORTS) await ask(name); // warm-up: plans, key cache, connections
    const meter = await cpuMeter(db.url);
    const reports: Record<string, { p50Ms: number; p95Ms: number }> = {};
    for (const name of REPORTS) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push(await ask(name));
      times.sort((a, b) => a - b);
      reports[name] = { p50Ms: Math.round(percentile(times, 0.5) * 10) / 10, p95Ms: Math.round(percentile(times, 0.95) * 10) / 10 };
      log(`  ${name.padEnd(14)} p50 ${reports[name].p50Ms} ms, p95 ${reports[name].p95Ms} ms`);
    }
    const cpu = await meter();
    const total = REQUESTS * REPORTS.length;
    const perRequest = { processCpuMs: Math.round((cpu.processCpuMs / total) * 100) / 100, postgresCpuMs: cpu.postgresCpuMs === null ? null : Math.round((cpu.postgresCpuMs / total) * 100) / 100 };
    const maxReportP95Ms = Math.max(...Object.values(reports).map((r) => r.p95Ms));
    log(`  CPU per request: product ${perRequest.processCpuMs} ms, PostgreSQL ${perRequest.postgresCpuMs ?? 'n/a'} ms; load average ${cpu.loadAvg1m.join(' → ')}`);
    log(`  overview p95 ${reports.overview!.p95Ms} ms (target ≤ 100), slowest report p95 ${maxReportP95Ms} ms (target ≤ 250)`);
    console.log(JSON.stringify({
      bench: 'analytics', db: kind, messages: size.messages, conversations: size.conversations, days: size.days, noiseWorkspaces: noise.workspaces, noiseMessages: noise.messages,
      rebuildMs, rollupRows, requestsPerReport: REQUESTS, overviewP95Ms: reports.overview!.p95Ms, maxReportP95Ms, reports, cpuPerRequest: perRequest, loadAvg1m: cpu.loadAvg1m,
    }));
  } finally {
    await product.stop();
    await db.drop();
  }
}

await main();
