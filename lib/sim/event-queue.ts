/**
 * A binary min-heap of timed events over typed arrays: (time, then insertion
 * order) so ties resolve the same way every run.
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private as = new Int32Array(1024);
  private bs = new Int32Array(1024);
  private count = 0;
  private seq = 0;

  get size(): number {
    return this.count;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const s = this.seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(time, s, parent)) {
        this.move(parent, i);
        i = parent;
      } else break;
    }
    this.times[i] = time;
    this.seqs[i] = s;
    this.kinds[i] = kind;
    this.as[i] = a;
    this.bs[i] = b;
  }

  peekTime(): number {
    return this.count === 0 ? Infinity : this.times[0]!;
  }

  /** Removes the earliest event into `out` (time, kind, a, b). */
  pop(out: { time: number; kind: number; a: number; b: number }): void {
    out.time = this.times[0]!;
    out.kind = this.kinds[0]!;
    out.a = this.as[0]!;
    out.b = this.bs[0]!;
    const last = --this.count;
    if (last === 0) return;
    const t = this.times[last]!;
    const s = this.seqs[last]!;
    const k = this.kinds[last]!;
    const a = this.as[last]!;
    const b = this.bs[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const c = r < last && this.less(this.times[r]!, this.seqs[r]!, l) ? r : l;
      if (this.less(this.times[c]!, this.seqs[c]!, -1, t, s)) {
        this.move(c, i);
        i = c;
      } else break;
    }
    this.times[i] = t;
    this.seqs[i] = s;
    this.kinds[i] = k;
    this.as[i] = a;
    this.bs[i] = b;
  }

  private less(time: number, seq: number, j: number, tj?: number, sj?: number): boolean {
    const ot = j >= 0 ? this.times[j]! : tj!;
    const os = j >= 0 ? this.seqs[j]! : sj!;
    return time < ot || (time === ot && seq < os);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.as[to] = this.as[from]!;
    this.bs[to] = this.bs[from]!;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.times = grow(this.times, (k) => new Float64Array(k));
    this.seqs = grow(this.seqs, (k) => new Float64Array(k));
    this.kinds = grow(this.kinds, (k) => new Uint8Array(k));
    this.as = grow(this.as, (k) => new Int32Array(k));
    this.bs = grow(this.bs, (k) => new Int32Array(k));
  }
}
