import { grown } from "./typed-arrays";
/** Buckets per simulated day: small enough that each bucket's heap stays tiny. */
const SLOTS_PER_DAY = 64;

/** Event records per chunk: a bucket's events sit in chunks of this many, side by side in memory. */
const CHUNK = 8;

/** A record's kind sits above its `a` (see EventQueue.f64): kinds below 2^KIND_BITS, `a` below 2^A_BITS. */
const A_BITS = 27;
const A_MASK = (1 << A_BITS) - 1;
const KIND_LIMIT = 1 << (31 - A_BITS);

/**
 * The engine's timed events, in (time, then insertion order) order so ties
 * resolve the same way every run. A bucket per 1/64 of a simulated day holds
 * future events (O(1) to add); the bucket being processed is a small binary heap.
 * Events after `maxTime` (the scenario's horizon) are never needed and are
 * dropped on arrival.
 */
export class EventQueue {
  /**
   * Event records, 16 bytes each in one buffer (array of structs): the time
   * as a double, then kind and a in one int32 (kind << A_BITS | a) and b
   * (Float64 slot 2r; Int32 slots 4r+2, 4r+3). No insertion number: a
   * bucket's chunks keep its events in insertion order, and the open
   * bucket's heap numbers them as they join it, so ties still resolve by
   * insertion (half the bytes per pending event: each push reaches a
   * bucket's chunk elsewhere in memory, a cache miss on a national run:
   * measured). Records come in chunks of
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
    this.f64 = new Float64Array(2 * CHUNK * chunks);
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
      out[2 * k] = this.i32[4 * r + 2]! & A_MASK;
      out[2 * k + 1] = this.i32[4 * r + 3]!;
    }
    return n;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (time > this.maxTime) return;
    if (!(a >= 0 && a <= A_MASK && kind >= 0 && kind < KIND_LIMIT)) throw new RangeError(`event ${kind}, ${a}`);
    const d = Math.floor(time * SLOTS_PER_DAY);
    // An event due in the bucket being processed (or, after a peek, before it) joins that bucket's heap.
    const now = d <= this.slot;
    const r = this.append(now ? this.slot : d);
    const f64 = this.f64;
    const i32 = this.i32;
    f64[2 * r] = time;
    i32[4 * r + 2] = (kind << A_BITS) | a;
    i32[4 * r + 3] = b;
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
    const kindAndA = i32[4 * r + 2]!;
    out.kind = kindAndA >>> A_BITS;
    out.a = kindAndA & A_MASK;
    out.b = i32[4 * r + 3]!;
    const last = --this.heapSize;
    if (last > 0) this.siftDown(this.heap[last]!, this.heapTime[last]!, this.heapSeq[last]!);
    this.count--;
  }

  /** Every pending event, in the order they will be processed (to save a run). */
  entries(): [time: number, kind: number, a: number, b: number][] {
    // The open bucket's heap by (time, the order they joined it); every later bucket's events are later.
    const open = Array.from({ length: this.heapSize }, (_, k) => k);
    open.sort((x, y) => this.heapTime[x]! - this.heapTime[y]! || this.heapSeq[x]! - this.heapSeq[y]!);
    const records = open.map((k) => this.heap[k]!);
    for (let d = Math.max(0, this.slot + 1); d < this.bucketHead.length; d++) {
      const bucket: number[] = [];
      for (let c = this.bucketHead[d]!; c !== -1; c = this.chunkNext[c]!) {
        for (let j = 0; j < this.chunkFill[c]!; j++) bucket.push(c * CHUNK + j);
      }
      // A stable sort: ties stay in insertion order, the order of the chunks.
      bucket.sort((x, y) => this.f64[2 * x]! - this.f64[2 * y]!);
      records.push(...bucket);
    }
    const i32 = this.i32;
    return records.map((r) => [
      this.f64[2 * r]!,
      i32[4 * r + 2]! >>> A_BITS,
      i32[4 * r + 2]! & A_MASK,
      i32[4 * r + 3]!,
    ]);
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

  private heapPush(r: number): void {
    if (this.heapSize === this.heap.length) this.growHeap();
    const time = this.f64[2 * r]!;
    // Events join the heap in the order they were pushed (see f64), so this number orders ties.
    const seq = this.seq++;
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
    const f64 = new Float64Array(2 * CHUNK * chunks);
    const i32 = new Int32Array(f64.buffer);
    // Copied as int32s: the int32 halves of a record are not doubles.
    i32.set(this.i32);
    this.f64 = f64;
    this.i32 = i32;
    this.chunkNext = grown(this.chunkNext, chunks);
    this.chunkFill = grown(this.chunkFill, chunks);
  }
}
