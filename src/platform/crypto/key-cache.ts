export interface KeyCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now: () => number;
}

/**
 * Unwrapped keys, least recently used first out. The TTL bounds how long another process may
 * keep using a key this one shredded; `forget` evicts now and, for a TTL, refuses to re-cache the
 * key, so a read racing the shredding transaction cannot bring it back before that commits.
 */
export class KeyCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private readonly forgotten = new Map<string, number>();

  constructor(private readonly options: KeyCacheOptions) {}

  get(name: string): V | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    this.entries.delete(name);
    if (entry.expiresAt <= this.options.now()) return undefined;
    this.entries.set(name, entry);
    return entry.value;
  }

  set(name: string, value: V): void {
    const now = this.options.now();
    const forgottenUntil = this.forgotten.get(name);
    if (forgottenUntil !== undefined) {
      if (forgottenUntil > now) return;
      this.forgotten.delete(name);
    }
    this.entries.delete(name);
    this.entries.set(name, { value, expiresAt: now + this.options.ttlMs });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(name: string): void {
    this.entries.delete(name);
    const now = this.options.now();
    this.forgotten.delete(name);
    this.forgotten.set(name, now + this.options.ttlMs);
    // Expired tombstones are dropped as new ones arrive, so the map stays as small as recent erasures.
    for (const [old, until] of this.forgotten) {
      if (until > now) break;
      this.forgotten.delete(old);
    }
  }
}
