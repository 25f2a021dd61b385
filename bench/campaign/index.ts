// Campaign benchmark: a marketing campaign to N contacts (every 20th opted out) on a number at
// its Meta ceiling, against the simulator with status webhooks on (the worker processes them while
// sending). Scenarios from BENCH_SCENARIOS (default "10000@80,100000@1000"); DATABASE_URL selects
// the database; the simulator runs in a child process (BENCH_SIMULATOR=in-process: in this one).
// The campaign starts in a product restarted after seeding, so its caches are cold as after a deploy.
// Prints achieved rate, duration, duplicates and sends to opted-out contacts (counted by the
// simulator per recipient), peak RSS and CPU per 1,000 sends of this process (the product and its
// worker) and of PostgreSQL's backends, and the load average (the machine is shared: compare CPU per
// send, not rates, across runs); the last stdout line is the JSON of the last scenario.
import { freshDatabaseUrl, signUp, startBenchSimulator, startProduct, startSimulatorProcess } from './setup';
import { seedContacts } from './seed-contacts';
import { cpuMeter } from './cpu';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The simulator in a child process by default (Meta's CPU is not the product's); BENCH_SIMULATOR=in-process
 * runs it in this process as before.
 */
async function simulator(url: string, ceilingMps: number) {
  if (process.env.BENCH_SIMULATOR !== 'in-process') return startSimulatorProcess(url, ceilingMps);
  const { sim, number } = await startBenchSimulator(url, ceilingMps);
  return {
    url: sim.url, number, close: () => sim.close(),
    totals: async () => sim.engine.sentTotals(number.phoneNumberId),
    countsByRecipient: async () => sim.engine.listSent(number.phoneNumberId).countsByRecipient,
  };
}

async function scenario(recipients: number, ceilingMps: number) {
  const db = await freshDatabaseUrl();
  let product = await startProduct({ throughputMps: ceilingMps, ...(db.url ? { databaseUrl: db.url } : {}) });
  const sim = await simulator(product.url, ceilingMps);
  const { number } = sim;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 200);
  try {
    const { workspaceId, call } = await signUp(product.url);
    const connect = await call('POST', '/api/v1/channels/whatsapp', { ...number, webhookUrl: undefined, throughputMps: undefined, verifyToken: 'bench-verify-token', graphApiBaseUrl: sim.url });
    if (connect.status !== 201) throw new Error(`connect: ${connect.status} ${JSON.stringify(connect.body)}`);
    const channelId = (connect.body as { id: string }).id;
    const patch = await call('PATCH', `/api/v1/channels/${channelId}`, { throughputMps: ceilingMps });
    if (patch.status !== 200) throw new Error(`throughput: ${patch.status} ${JSON.stringify(patch.body)}`);
    const graphTemplate = { name: 'bench_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, 20% off this week.', example: { body_text: [['Ann']] } }] };
    const created = await fetch(`${sim.url}/v24.0/${number.wabaId}/message_templates`, { method: 'POST', headers: { authorization: `Bearer ${number.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(graphTemplate) });
    if (!created.ok) throw new Error(`template: ${created.status} ${await created.text()}`);
    await new Promise((r) => setTimeout(r, 100));
    await call('POST', '/api/v1/templates/sync', {});

    log(`[${recipients} @ ${ceilingMps} mps, ${product.container.database.kind}] seeding contacts…`);
    const t0 = Date.now();
    const { optedOut, eligible } = await seedContacts(product.container.contacts, workspaceId, recipients, log);
    log(`  seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s; creating the campaign…`);
    const campaign = await call('POST', '/api/v1/campaigns', { name: 'Bench', channelId, template: { name: 'bench_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }] }] }, audience: { tags: ['bench'] } });
    if (campaign.status !== 201) throw new Error(`campaign: ${campaign.status} ${JSON.stringify(campaign.body)}`);
    const id = (campaign.body as { id: string }).id;
    log(`  skipped ${(campaign.body as { funnel: { skipped: number } }).funnel.skipped} without consent; restarting the product, then starting`);
    // As after a deploy: the campaign runs in a product that has not just seeded its audience (cold key
    // cache, connections and plans), on the same port the simulator's webhooks go to.
    await product.stop();
    product = await startProduct({ throughputMps: ceilingMps, env: product.env });
    const meter = await cpuMeter(db.url);
    await call('POST', `/api/v1/campaigns/${id}/start`);

    // O(1) totals: copying the sent log every 100 ms cost more CPU than the product at 100,000 recipients.
    const total = async () => (await sim.totals()).sends;
    let first = 0;
    let last = 0;
    let seen = 0;
    const deadline = Date.now() + (eligible / ceilingMps) * 3_000 + 120_000;
    while (seen < eligible && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const n = await total();
      if (n > 0 && !first) first = Date.now();
      if (n > seen) last = Date.now();
      if (process.env.BENCH_VERBOSE && Math.floor(Date.now() / 1000) !== Math.floor((Date.now() - 100) / 1000)) log(`  ${new Date().toISOString().slice(17, 23)} sent ${n}/${eligible}`);
      else if (Math.floor(n / (ceilingMps * 10)) > Math.floor(seen / (ceilingMps * 10))) log(`  sent ${n}/${eligible}`);
      seen = n;
    }
    const cpu = await meter();
    // Let late retries (if any) surface before counting duplicates.
    await new Promise((r) => setTimeout(r, 1_000));
    const counts = await sim.countsByRecipient();
    const duplicates = Object.values(counts).reduce((a, c) => a + Math.max(0, c - 1), 0);
    const optedOutSent = [...optedOut].reduce((a, p) => a + (counts[p] ?? 0), 0);
    const sent = Object.keys(counts).length;
    const durationS = (last - first) / 1000;
    const achievedMps = durationS > 0 ? (sent - 1) / durationS : 0;
    log(`  ${sent}/${eligible} recipients in ${durationS.toFixed(1)} s = ${achievedMps.toFixed(1)} mps (${((achievedMps / ceilingMps) * 100).toFixed(1)}% of ${ceilingMps}); duplicates ${duplicates}; opted-out sent ${optedOutSent}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
    const per1k = (ms: number | null) => (ms === null ? null : Math.round((ms / Math.max(1, sent)) * 1000));
    log(`  CPU per 1,000 sends: this process ${per1k(cpu.processCpuMs)} ms, PostgreSQL ${per1k(cpu.postgresCpuMs) ?? 'n/a'} ms; load average ${cpu.loadAvg1m.join(' → ')}`);
    return { bench: 'campaign', db: product.container.database.kind, recipients, ceilingMps, eligible, sentRecipients: sent, achievedMps: Math.round(achievedMps * 10) / 10, durationS: Math.round(durationS * 10) / 10, duplicates, optedOutSent, peakRssMb: Math.round(peakRss / 2 ** 20), cpuMsPer1kSends: { process: per1k(cpu.processCpuMs), postgres: per1k(cpu.postgresCpuMs) }, loadAvg1m: cpu.loadAvg1m };
  } finally {
    clearInterval(sampler);
    await sim.close();
    await product.stop();
    await db.drop();
  }
}

async function main() {
  const scenarios = (process.env.BENCH_SCENARIOS ?? '10000@80,100000@1000').split(',').map((s) => s.split('@').map(Number) as [number, number]);
  const results = [];
  for (const [recipients, mps] of scenarios) results.push(await scenario(recipients, mps));
  for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exit(1);
});
