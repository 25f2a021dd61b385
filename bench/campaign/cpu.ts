// CPU spent while sending, less noisy than rates on a shared machine: this process (product,
// simulator, bench) from process.cpuUsage(), and the PostgreSQL backends serving the bench's
// database from /proc (only when the server is local; null otherwise).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';

const TICK_MS = 10; // USER_HZ = 100 on Linux

async function backendTicks(url: string | undefined): Promise<Map<number, number> | null> {
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    return out;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function cpuMeter(databaseUrl: string | undefined) {
  const startCpu = process.cpuUsage();
  const startPg = await backendTicks(databaseUrl);
  const startLoad = loadavg()[0]!;
  return async () => {
    const cpu = process.cpuUsage(startCpu);
    const endPg = await backendTicks(databaseUrl);
    let pgMs: number | null = null;
    if (startPg && endPg) pgMs = [...endPg].reduce((a, [pid, t]) => a + (t - (startPg.get(pid) ?? 0)) * TICK_MS, 0);
    return { processCpuMs: Math.round((cpu.user + cpu.system) / 1000), postgresCpuMs: pgMs, loadAvg1m: [Math.round(startLoad * 10) / 10, Math.round(loadavg()[0]! * 10) / 10] };
  };
}
