// CPU time the calling thread consumed, from /proc (Linux; null elsewhere). On a shared
// machine the wall-clock rate depends on what else runs; CPU per send does not.
import { readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

export function mainThreadCpuMs(): number | null {
  if (threadId !== 0) return null;
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
  } catch {
    return null;
  }
}
