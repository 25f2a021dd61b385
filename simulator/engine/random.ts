// One seeded generator for every random choice, so a test with a seed sees the same
// wamids and status variations on every run.

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: tiny, fast, and good enough to spread simulated quirks. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  hex(length: number, upper = false): string {
    const table = upper ? HEX_UPPER : HEX_LOWER;
    let out = '';
    while (out.length < length) {
      const n = Math.floor(this.next() * 4294967296);
      out += table[n >>> 24]! + table[(n >>> 16) & 255]! + table[(n >>> 8) & 255]! + table[n & 255]!;
    }
    return out.length === length ? out : out.slice(0, length);
  }

  digits(length: number): string {
    let out = String(1 + this.int(9));
    for (let i = 1; i < length; i++) out += String(this.int(10));
    return out;
  }

  /** Graph's fbtrace_id looks like `Az8or2yhqkZfEZ-_4Qn_Bam`. */
  fbtraceId(): string {
    let out = 'A';
    for (let i = 0; i < 22; i++) out += URL_SAFE[this.int(URL_SAFE.length)];
    return out;
  }
}

const HEX_LOWER = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_UPPER = HEX_LOWER.map((h) => h.toUpperCase());
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
