/**
 * A small seeded PRNG (mulberry32): the bench and the test generator must produce the same workbooks on every
 * run and every machine.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** k distinct items, kept in their original order (codes stay sorted as in a real table). */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, Math.min(k, items.length)).sort((a, b) => a - b).map((i) => items[i]);
  }

  /**
   * Splits the integer `total` into `n` integer parts of at least `min` each that add up exactly (money is
   * never split with float arithmetic, so parents are exact sums of their children).
   */
  split(total: number, n: number, min = 0): number[] {
    if (n <= 0) return [];
    if (total < n * min) throw new Error(`cannot split ${total} into ${n} parts of at least ${min}`);
    const free = total - n * min;
    const weights = Array.from({ length: n }, () => 0.2 + this.next());
    const w = weights.reduce((s, x) => s + x, 0);
    const parts = weights.map((x) => Math.floor((free * x) / w));
    let rest = free - parts.reduce((s, x) => s + x, 0);
    for (let i = 0; rest > 0; i = (i + 1) % n, rest--) parts[i]++;
    return parts.map((p) => p + min);
  }
}
