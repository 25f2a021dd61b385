// Errors armed by POST /_sim/faults: the next `count` sends of a number fail with `code`,
// synchronously or by a `failed` status, as Meta usually reports that code.
import { errorSpec } from '../graph/error-catalogue';

export interface Fault {
  code: number;
  remaining: number;
  delivery: 'sync' | 'async';
  details?: string;
}

export class FaultQueue {
  private faults: Fault[] = [];

  arm(code: number, count: number, delivery?: 'sync' | 'async', details?: string): Fault {
    const fault: Fault = { code, remaining: count, delivery: delivery ?? errorSpec(code).delivery };
    if (details !== undefined) fault.details = details;
    this.faults.push(fault);
    return fault;
  }

  /** Consumes one use of the oldest armed fault. */
  take(): Fault | null {
    const fault = this.faults[0];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.shift();
    return fault;
  }

  get armed(): readonly Fault[] {
    return this.faults;
  }
}
