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
  /**
   * Event records, 32 bytes each in one buffer (array of structs): the time
   * and insertion number as doubles, then kind, a, b and a link as int32s
   * (Float64 slots 4r, 4r+1; Int32 slots 8r+4 … 8r+7). Popping an event reads
   * one cache line rather than one per field; records are recycled through a
   * free list.
   */
  private f64 = new Float64Array(4 * 1024);
  private i32 = new Int32Array(this.f64.buffer);
  private capacity = 1024;
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
    const f64 = this.f64;
    const i32 = this.i32;
    f64[4 * r] = time;
    f64[4 * r + 1] = this.seq++;
    i32[8 * r + 4] = kind & 0xff;
    i32[8 * r + 5] = a;
    i32[8 * r + 6] = b;
    this.count++;
    const d = Math.floor(time * SLOTS_PER_DAY);
    if (d <= this.slot) this.heapPush(r);
    else {
      i32[8 * r + 7] = this.buckets[d]!;
      this.buckets[d] = r;
    }
  }

  peekTime(): number {
    if (!this.fill()) return Infinity;
    return this.f64[4 * this.heap[0]!]!;
  }

  /** Removes the earliest event into `out` (time, kind, a, b). Call only when size > 0. */
  pop(out: { time: number; kind: number; a: number; b: number }): void {
    this.fill();
    const r = this.heap[0]!;
    const i32 = this.i32;
    out.time = this.f64[4 * r]!;
    out.kind = i32[8 * r + 4]!;
    out.a = i32[8 * r + 5]!;
    out.b = i32[8 * r + 6]!;
    const last = this.heap[--this.heapSize]!;
    if (this.heapSize > 0) this.siftDown(last);
    this.count--;
    i32[8 * r + 7] = this.freeHead;
    this.freeHead = r;
  }

  /** Every pending event, in the order they will be processed (to save a run). */
  entries(): [time: number, kind: number, a: number, b: number][] {
    const records: number[] = [...this.heap.subarray(0, this.heapSize)];
    for (let d = Math.max(0, this.slot + 1); d < this.buckets.length; d++) {
      for (let r = this.buckets[d]!; r !== -1; r = this.i32[8 * r + 7]!) records.push(r);
    }
    records.sort((x, y) => (this.before(x, y) ? -1 : this.before(y, x) ? 1 : 0));
    const i32 = this.i32;
    return records.map((r) => [this.f64[4 * r]!, i32[8 * r + 4]!, i32[8 * r + 5]!, i32[8 * r + 6]!]);
  }

  /** Makes sure the heap holds the earliest bucket's events; false if there are none. */
  private fill(): boolean {
    while (this.heapSize === 0) {
      if (this.count === 0) return false;
      this.slot++;
      if (this.slot >= this.buckets.length) return false;
      for (let r = this.buckets[this.slot]!; r !== -1;) {
        const next = this.i32[8 * r + 7]!;
        this.heapPush(r);
        r = next;
      }
      this.buckets[this.slot] = -1;
    }
    return true;
  }

  private before(x: number, y: number): boolean {
    const f64 = this.f64;
    const tx = f64[4 * x]!;
    const ty = f64[4 * y]!;
    return tx < ty || (tx === ty && f64[4 * x + 1]! < f64[4 * y + 1]!);
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
      this.freeHead = this.i32[8 * r + 7]!;
      return r;
    }
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  private grow(): void {
    this.capacity *= 2;
    const f64 = new Float64Array(4 * this.capacity);
    const i32 = new Int32Array(f64.buffer);
    // Copied as int32s: the int32 halves of a record are not doubles.
    i32.set(this.i32);
    this.f64 = f64;
    this.i32 = i32;
  }
}
