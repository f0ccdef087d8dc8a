/** Buckets per simulated day: small enough that each bucket's heap stays tiny. */
const SLOTS_PER_DAY = 64;

/**
 * The engine's timed events, in (time, then insertion order) order so ties
 * resolve the same way every run. A bucket per 1/64 of a simulated day holds
 * future events (O(1) to add); the bucket being processed is a small binary heap.
 * Events after `maxTime` (the scenario's horizon) are never needed and are
 * dropped on arrival.
 */
export class EventQueue {
  // Event records, struct-of-arrays, recycled through a free list.
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private as = new Int32Array(1024);
  private bs = new Int32Array(1024);
  private links = new Int32Array(1024);
  private freeHead = -1;
  private used = 0;

  private readonly buckets: Int32Array;
  private slot = -1;
  private heap = new Int32Array(256);
  private heapSize = 0;
  private count = 0;
  private seq = 0;

  constructor(readonly maxTime: number) {
    this.buckets = new Int32Array(Math.floor(maxTime * SLOTS_PER_DAY) + 2).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (time > this.maxTime) return;
    const r = this.alloc();
    this.times[r] = time;
    this.seqs[r] = this.seq++;
    this.kinds[r] = kind;
    this.as[r] = a;
    this.bs[r] = b;
    this.count++;
    const d = Math.floor(time * SLOTS_PER_DAY);
    if (d <= this.slot) this.heapPush(r);
    else {
      this.links[r] = this.buckets[d]!;
      this.buckets[d] = r;
    }
  }

  peekTime(): number {
    if (!this.fill()) return Infinity;
    return this.times[this.heap[0]!]!;
  }

  /** Removes the earliest event into `out` (time, kind, a, b). Call only when size > 0. */
  pop(out: { time: number; kind: number; a: number; b: number }): void {
    this.fill();
    const r = this.heap[0]!;
    out.time = this.times[r]!;
    out.kind = this.kinds[r]!;
    out.a = this.as[r]!;
    out.b = this.bs[r]!;
    const last = this.heap[--this.heapSize]!;
    if (this.heapSize > 0) this.siftDown(last);
    this.count--;
    this.links[r] = this.freeHead;
    this.freeHead = r;
  }

  /** Every pending event, in the order they will be processed (to save a run). */
  entries(): [time: number, kind: number, a: number, b: number][] {
    const records: number[] = [...this.heap.subarray(0, this.heapSize)];
    for (let d = Math.max(0, this.slot + 1); d < this.buckets.length; d++) {
      for (let r = this.buckets[d]!; r !== -1; r = this.links[r]!) records.push(r);
    }
    records.sort((x, y) => (this.before(x, y) ? -1 : this.before(y, x) ? 1 : 0));
    return records.map((r) => [this.times[r]!, this.kinds[r]!, this.as[r]!, this.bs[r]!]);
  }

  /** Makes sure the heap holds the earliest bucket's events; false if there are none. */
  private fill(): boolean {
    while (this.heapSize === 0) {
      if (this.count === 0) return false;
      this.slot++;
      if (this.slot >= this.buckets.length) return false;
      for (let r = this.buckets[this.slot]!; r !== -1;) {
        const next = this.links[r]!;
        this.heapPush(r);
        r = next;
      }
      this.buckets[this.slot] = -1;
    }
    return true;
  }

  private before(x: number, y: number): boolean {
    const tx = this.times[x]!;
    const ty = this.times[y]!;
    return tx < ty || (tx === ty && this.seqs[x]! < this.seqs[y]!);
  }

  private heapPush(r: number): void {
    if (this.heapSize === this.heap.length) {
      const grown = new Int32Array(this.heap.length * 2);
      grown.set(this.heap);
      this.heap = grown;
    }
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.heap[parent]!;
      if (!this.before(r, p)) break;
      this.heap[i] = p;
      i = parent;
    }
    this.heap[i] = r;
  }

  private siftDown(r: number): void {
    const n = this.heapSize;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const rr = l + 1;
      const c = rr < n && this.before(this.heap[rr]!, this.heap[l]!) ? rr : l;
      if (!this.before(this.heap[c]!, r)) break;
      this.heap[i] = this.heap[c]!;
      i = c;
    }
    this.heap[i] = r;
  }

  private alloc(): number {
    if (this.freeHead !== -1) {
      const r = this.freeHead;
      this.freeHead = this.links[r]!;
      return r;
    }
    if (this.used === this.times.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(old: T, make: (size: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.times = grow(this.times, (k) => new Float64Array(k));
    this.seqs = grow(this.seqs, (k) => new Float64Array(k));
    this.kinds = grow(this.kinds, (k) => new Uint8Array(k));
    this.as = grow(this.as, (k) => new Int32Array(k));
    this.bs = grow(this.bs, (k) => new Int32Array(k));
    this.links = grow(this.links, (k) => new Int32Array(k));
  }
}
