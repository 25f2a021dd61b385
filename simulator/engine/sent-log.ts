// Every send a number accepted (HTTP 200), for GET /_sim/sent. Bodies are kept up to a
// limit so a long-running sandbox does not grow without bound; counts stay exact.

export interface SentRecord {
  wamid: string;
  to: string;
  waId: string;
  type: string;
  body: unknown;
  acceptedAt: number;
  /** Present when the send was accepted but failed asynchronously. */
  failedWithCode?: number;
}

export class SentLog {
  private records: SentRecord[] = [];
  private counts = new Map<string, number>();
  private sends = 0;

  constructor(private readonly limit: number) {}

  /** Accepted sends and distinct recipients so far, in O(1) (benches poll it while sending). */
  totals(): { sends: number; recipients: number } {
    return { sends: this.sends, recipients: this.counts.size };
  }

  add(record: SentRecord): void {
    const key = record.waId || record.to;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.sends += 1;
    this.records.push(record);
    // Trim in chunks so the amortized cost stays O(1).
    if (this.records.length > this.limit * 1.1) this.records = this.records.slice(-this.limit);
  }

  list(recipient?: string): SentRecord[] {
    if (!recipient) return [...this.records];
    return this.records.filter((r) => r.waId === recipient || r.to === recipient);
  }

  countsByRecipient(recipient?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.counts) if (!recipient || key === recipient) out[key] = n;
    return out;
  }
}
