// Graph's quota on management calls (templates, phone numbers, the WABA node, GET /<PHONE_NUMBER_ID>):
// per WABA per hour, 5,000 by default for a WABA with a registered number (reference §1).
// Exceeding it answers 80007. /messages is governed by throughput instead.
import { TokenBucket } from './token-bucket';

export class WabaQuota {
  private buckets = new Map<string, TokenBucket>();

  constructor(private readonly perHour: number) {}

  tryTake(wabaId: string, nowMs: number): boolean {
    let bucket = this.buckets.get(wabaId);
    if (!bucket) {
      bucket = new TokenBucket(this.perHour, this.perHour / 3600, nowMs);
      this.buckets.set(wabaId, bucket);
    }
    return bucket.tryTake(nowMs);
  }
}
