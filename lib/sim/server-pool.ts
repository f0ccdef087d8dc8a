/**
 * Identical servers (procurators' desks, file clerks), each busy until some
 * day: a min-heap of free-from times, so the earliest free one is found in
 * O(1) and re-filed in O(log n). First come, first served.
 */
export class ServerPool {
  private free: Float64Array;

  constructor(size: number) {
    this.free = new Float64Array(Math.max(1, size));
  }

  get size(): number {
    return this.free.length;
  }

  earliest(): number {
    return this.free[0]!;
  }

  /** The earliest-free server is now busy until `until`. */
  occupyEarliest(until: number): void {
    const a = this.free;
    const n = a.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && a[r]! < a[l]! ? r : l;
      if (a[c]! < until) {
        a[i] = a[c]!;
        i = c;
      } else break;
    }
    a[i] = until;
  }

  toArray(): number[] {
    return Array.from(this.free);
  }

  load(free: readonly number[]): void {
    this.free = Float64Array.from(free);
  }

  /** Staff added (free from `now`) or cut (the busiest leave first). */
  resize(size: number, now: number): void {
    const kept = Array.from(this.free)
      .sort((x, y) => x - y)
      .slice(0, Math.max(1, size));
    while (kept.length < size) kept.push(now);
    kept.sort((x, y) => x - y);
    this.free = Float64Array.from(kept);
  }
}
