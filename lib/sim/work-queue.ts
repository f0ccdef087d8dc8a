/**
 * Cases waiting, first come first served, for a procurator's desk or a file
 * clerk. Each entry remembers the case's epoch, so a case that has moved on
 * meanwhile (pardoned, or decided by a student) is skipped when its turn comes.
 */
export class WorkQueue {
  private cases = new Int32Array(256);
  private epochs = new Uint32Array(256);
  private head = 0;
  private tail = 0;

  get size(): number {
    return this.tail - this.head;
  }

  push(caseIndex: number, epoch: number): void {
    if (this.tail === this.cases.length) this.makeRoom();
    this.cases[this.tail] = caseIndex;
    this.epochs[this.tail] = epoch;
    this.tail++;
  }

  /** The next waiting entry's case (or -1), removing it; its epoch is left in `lastEpoch`. */
  shift(): number {
    if (this.head === this.tail) return -1;
    this.lastEpoch = this.epochs[this.head]!;
    return this.cases[this.head++]!;
  }
  lastEpoch = 0;

  toArray(): [caseIndex: number, epoch: number][] {
    const out: [number, number][] = [];
    for (let k = this.head; k < this.tail; k++) out.push([this.cases[k]!, this.epochs[k]!]);
    return out;
  }

  load(entries: readonly [number, number][]): void {
    this.head = 0;
    this.tail = 0;
    for (const [caseIndex, epoch] of entries) this.push(caseIndex, epoch);
  }

  /**
   * At the end of the arrays: moves the waiting entries to the front if they
   * fill at most half, else doubles. Moving in place allocates nothing: a
   * new pair of arrays each time the tail reached the end was a noticeable
   * part of a run's time and garbage (measured).
   */
  private makeRoom(): void {
    const live = this.tail - this.head;
    if (live * 2 <= this.cases.length) {
      this.cases.copyWithin(0, this.head, this.tail);
      this.epochs.copyWithin(0, this.head, this.tail);
    } else {
      const cases = new Int32Array(this.cases.length * 2);
      const epochs = new Uint32Array(this.cases.length * 2);
      cases.set(this.cases.subarray(this.head, this.tail));
      epochs.set(this.epochs.subarray(this.head, this.tail));
      this.cases = cases;
      this.epochs = epochs;
    }
    this.head = 0;
    this.tail = live;
  }
}
