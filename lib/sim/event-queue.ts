import { grown } from "./typed-arrays";
/** Buckets per simulated day: small enough that each bucket's heap stays tiny. */
const SLOTS_PER_DAY = 64;

/** Event records per chunk: a bucket's events sit in chunks of this many, side by side in memory. */
const CHUNK = 8;

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
   * and insertion number as doubles, then kind, a and b as int32s (Float64
   * slots 4r, 4r+1; Int32 slots 8r+4 … 8r+6). Records come in chunks of
   * CHUNK, and each chunk belongs to one bucket, so opening a bucket reads its
   * events from a few runs of adjacent memory: a list linked record by record
   * cost a cache miss per event on a national run (measured). A bucket's
   * chunks are recycled together once every event in it has been taken.
   */
  private f64: Float64Array;
  private i32: Int32Array;
  /** Per chunk: the next chunk of its bucket (or of the free list), and how many records it holds. */
  private chunkNext: Int32Array;
  private chunkFill: Uint8Array;
  private chunks = 0;
  private freeChunk = -1;

  /** Per bucket: its first and last chunk (-1: empty). */
  private readonly bucketHead: Int32Array;
  private readonly bucketTail: Int32Array;
  private slot = -1;
  /**
   * The open bucket's heap: each entry's record, with its time and insertion
   * number beside it, so a comparison reads the heap's own small arrays
   * rather than two records elsewhere in the buffer (on a national run the
   * records' reads were a fifth of the queue's time: measured).
   */
  private heap = new Int32Array(256);
  private heapTime = new Float64Array(256);
  private heapSeq = new Float64Array(256);
  private heapSize = 0;
  private count = 0;
  private seq = 0;

  /**
   * `expectedEvents`: how many events may be pending at once, a hint: room
   * for them is reserved at the start (the pages are only touched as they
   * fill), so a large run does not copy the records each time they double.
   */
  constructor(
    readonly maxTime: number,
    expectedEvents = 1024,
  ) {
    const buckets = Math.floor(maxTime * SLOTS_PER_DAY) + 2;
    // Each bucket with events holds a partly filled chunk of its own besides the full ones, so a small
    // run needs about a chunk per bucket: reserving only expectedEvents / CHUNK made a 20k run copy
    // its records three times as the buffer doubled (measured).
    const chunks = Math.max(16, Math.ceil(expectedEvents / CHUNK) + Math.min(buckets, expectedEvents));
    this.f64 = new Float64Array(4 * CHUNK * chunks);
    this.i32 = new Int32Array(this.f64.buffer);
    this.chunkNext = new Int32Array(chunks);
    this.chunkFill = new Uint8Array(chunks);
    this.bucketHead = new Int32Array(buckets).fill(-1);
    this.bucketTail = new Int32Array(buckets).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** How many buckets have been opened so far: a caller can tell when a new bucket's events are up. */
  bucketsOpened = 0;

  /**
   * The `a` and `b` of each event in the bucket being processed (at most
   * out.length / 2 of them) into `out`, as a, b, a, b, …; returns how many events.
   */
  currentSubjects(out: Int32Array): number {
    const n = Math.min(this.heapSize, out.length >> 1);
    for (let k = 0; k < n; k++) {
      const r = this.heap[k]!;
      out[2 * k] = this.i32[8 * r + 5]!;
      out[2 * k + 1] = this.i32[8 * r + 6]!;
    }
    return n;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (time > this.maxTime) return;
    const d = Math.floor(time * SLOTS_PER_DAY);
    // An event due in the bucket being processed (or, after a peek, before it) joins that bucket's heap.
    const now = d <= this.slot;
    const r = this.append(now ? this.slot : d);
    const f64 = this.f64;
    const i32 = this.i32;
    f64[4 * r] = time;
    f64[4 * r + 1] = this.seq++;
    i32[8 * r + 4] = kind & 0xff;
    i32[8 * r + 5] = a;
    i32[8 * r + 6] = b;
    this.count++;
    if (now) this.heapPush(r);
  }

  peekTime(): number {
    if (!this.fill()) return Infinity;
    return this.heapTime[0]!;
  }

  /** Removes the earliest event into `out` (time, kind, a, b). Call only when size > 0. */
  pop(out: { time: number; kind: number; a: number; b: number }): void {
    this.fill();
    const r = this.heap[0]!;
    const i32 = this.i32;
    out.time = this.heapTime[0]!;
    out.kind = i32[8 * r + 4]!;
    out.a = i32[8 * r + 5]!;
    out.b = i32[8 * r + 6]!;
    const last = --this.heapSize;
    if (last > 0) this.siftDown(this.heap[last]!, this.heapTime[last]!, this.heapSeq[last]!);
    this.count--;
  }

  /** Every pending event, in the order they will be processed (to save a run). */
  entries(): [time: number, kind: number, a: number, b: number][] {
    const records: number[] = [...this.heap.subarray(0, this.heapSize)];
    for (let d = Math.max(0, this.slot + 1); d < this.bucketHead.length; d++) {
      for (let c = this.bucketHead[d]!; c !== -1; c = this.chunkNext[c]!) {
        for (let j = 0; j < this.chunkFill[c]!; j++) records.push(c * CHUNK + j);
      }
    }
    records.sort((x, y) => (this.before(x, y) ? -1 : this.before(y, x) ? 1 : 0));
    const i32 = this.i32;
    return records.map((r) => [this.f64[4 * r]!, i32[8 * r + 4]!, i32[8 * r + 5]!, i32[8 * r + 6]!]);
  }

  /** Makes sure the heap holds the earliest bucket's events; false if there are none. */
  private fill(): boolean {
    while (this.heapSize === 0) {
      if (this.count === 0) return false;
      // Every event of the bucket being processed has been taken: its chunks are free again.
      if (this.slot >= 0) this.release(this.slot);
      this.slot++;
      if (this.slot >= this.bucketHead.length) return false;
      this.bucketsOpened++;
      for (let c = this.bucketHead[this.slot]!; c !== -1; c = this.chunkNext[c]!) {
        const records = this.chunkFill[c]!;
        for (let j = 0; j < records; j++) this.heapPush(c * CHUNK + j);
      }
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
    if (this.heapSize === this.heap.length) this.growHeap();
    const time = this.f64[4 * r]!;
    const seq = this.f64[4 * r + 1]!;
    const heap = this.heap;
    const heapTime = this.heapTime;
    const heapSeq = this.heapSeq;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = heapTime[parent]!;
      if (!(time < pt || (time === pt && seq < heapSeq[parent]!))) break;
      heap[i] = heap[parent]!;
      heapTime[i] = pt;
      heapSeq[i] = heapSeq[parent]!;
      i = parent;
    }
    heap[i] = r;
    heapTime[i] = time;
    heapSeq[i] = seq;
  }

  /** Puts record r, due at (time, seq), in the heap's root place and sifts it down. */
  private siftDown(r: number, time: number, seq: number): void {
    const n = this.heapSize;
    const heap = this.heap;
    const heapTime = this.heapTime;
    const heapSeq = this.heapSeq;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      let ct = heapTime[l]!;
      let cs = heapSeq[l]!;
      const rr = l + 1;
      if (rr < n) {
        const rt = heapTime[rr]!;
        const rs = heapSeq[rr]!;
        if (rt < ct || (rt === ct && rs < cs)) {
          c = rr;
          ct = rt;
          cs = rs;
        }
      }
      if (!(ct < time || (ct === time && cs < seq))) break;
      heap[i] = heap[c]!;
      heapTime[i] = ct;
      heapSeq[i] = cs;
      i = c;
    }
    heap[i] = r;
    heapTime[i] = time;
    heapSeq[i] = seq;
  }

  private growHeap(): void {
    const size = this.heap.length * 2;
    this.heap = grown(this.heap, size);
    this.heapTime = grown(this.heapTime, size);
    this.heapSeq = grown(this.heapSeq, size);
  }

  /** A new record at the end of bucket d's last chunk (a fresh chunk when that one is full). */
  private append(d: number): number {
    let c = this.bucketTail[d]!;
    if (c === -1 || this.chunkFill[c] === CHUNK) {
      const fresh = this.allocChunk();
      if (c === -1) this.bucketHead[d] = fresh;
      else this.chunkNext[c] = fresh;
      this.bucketTail[d] = fresh;
      c = fresh;
    }
    return c * CHUNK + this.chunkFill[c]!++;
  }

  /** Bucket d's chunks, all at once, back to the free list. */
  private release(d: number): void {
    const head = this.bucketHead[d]!;
    if (head === -1) return;
    this.chunkNext[this.bucketTail[d]!] = this.freeChunk;
    this.freeChunk = head;
    this.bucketHead[d] = -1;
    this.bucketTail[d] = -1;
  }

  private allocChunk(): number {
    let c = this.freeChunk;
    if (c !== -1) this.freeChunk = this.chunkNext[c]!;
    else {
      if (this.chunks === this.chunkNext.length) this.grow();
      c = this.chunks++;
    }
    this.chunkNext[c] = -1;
    this.chunkFill[c] = 0;
    return c;
  }

  private grow(): void {
    const chunks = this.chunkNext.length * 2;
    const f64 = new Float64Array(4 * CHUNK * chunks);
    const i32 = new Int32Array(f64.buffer);
    // Copied as int32s: the int32 halves of a record are not doubles.
    i32.set(this.i32);
    this.f64 = f64;
    this.i32 = i32;
    this.chunkNext = grown(this.chunkNext, chunks);
    this.chunkFill = grown(this.chunkFill, chunks);
  }
}
