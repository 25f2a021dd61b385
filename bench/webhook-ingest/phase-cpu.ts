// CPU a phase cost the product and PostgreSQL. The load generator runs in a worker thread of this
// process, so the product's share is the main thread's CPU (from /proc), not process.cpuUsage().
import { cpuMeter } from '../campaign/cpu';
import { mainThreadCpuMs } from '../simulator/thread-cpu';

export interface PhaseCpu {
  productMs: number | null;
  postgresMs: number | null;
}

export async function startPhaseCpu(databaseUrl: string | undefined): Promise<() => Promise<PhaseCpu>> {
  const startMain = mainThreadCpuMs();
  const stopMeter = await cpuMeter(databaseUrl);
  return async () => {
    const endMain = mainThreadCpuMs();
    const { postgresCpuMs } = await stopMeter();
    return { productMs: startMain === null || endMain === null ? null : endMain - startMain, postgresMs: postgresCpuMs };
  };
}

/** "product 612 ms, PostgreSQL 524 ms" per 1,000 units. */
export function perThousand(cpu: PhaseCpu, units: number): { productMs: number | null; postgresMs: number | null; text: string } {
  const per = (ms: number | null) => (ms === null || units === 0 ? null : Math.round((ms / units) * 1000));
  const productMs = per(cpu.productMs);
  const postgresMs = per(cpu.postgresMs);
  return { productMs, postgresMs, text: `product ${productMs ?? 'n/a'} ms, PostgreSQL ${postgresMs ?? 'n/a (embedded)'} ms` };
}
