import { expect, test } from "vitest";
import { EventQueue } from "./event-queue";
import { createRng } from "./rng";

test("events come out by time, ties in insertion order, including events added while processing", () => {
  const rng = createRng("queue");
  const queue = new EventQueue(100);
  const expected: { time: number; seq: number }[] = [];
  let seq = 0;
  const add = (time: number) => {
    queue.push(time, 1, seq, 0);
    if (time <= 100) expected.push({ time, seq });
    seq++;
  };
  for (let i = 0; i < 2000; i++) add(Math.floor(rng.next() * 40) / 4 + (rng.next() < 0.2 ? 95 : 0));
  const out = { time: 0, kind: 0, a: 0, b: 0 };
  const got: { time: number; seq: number }[] = [];
  let now = 0;
  while (queue.size > 0) {
    expect(queue.peekTime()).toBeGreaterThanOrEqual(now);
    queue.pop(out);
    now = out.time;
    got.push({ time: out.time, seq: out.a });
    // Follow-up events: same instant, later the same day, and past the horizon (dropped).
    if (got.length < 1500 && rng.next() < 0.3)
      add(now + Math.floor(rng.next() * 3) * (rng.next() < 0.5 ? 0 : 0.3) + (rng.next() < 0.05 ? 200 : 0));
  }
  const order = (x: { time: number; seq: number }, y: { time: number; seq: number }) =>
    x.time - y.time || x.seq - y.seq;
  expect(got).toEqual([...expected].sort(order));
});

test("an event added after a peek, earlier than the peeked one, still comes first; entries() lists the pending order", () => {
  const rng = createRng("queue-peek");
  for (let round = 0; round < 50; round++) {
    const queue = new EventQueue(100);
    const times: number[] = [];
    // Enough events for a bucket to need several chunks.
    for (let k = 0; k < 40; k++) {
      const time = 10 + Math.floor(rng.next() * 8) / 64;
      queue.push(time, 1, k, 0);
      times.push(time);
    }
    const peeked = queue.peekTime();
    const early = peeked * rng.next();
    queue.push(early, 1, 40, 0);
    times.push(early);
    const expected = times.map((time, a) => ({ time, a })).sort((x, y) => x.time - y.time || x.a - y.a);
    expect(queue.entries().map(([time, , a]) => ({ time, a }))).toEqual(expected);
    const out = { time: 0, kind: 0, a: 0, b: 0 };
    const got: { time: number; a: number }[] = [];
    while (queue.size > 0) {
      queue.pop(out);
      got.push({ time: out.time, a: out.a });
    }
    expect(got).toEqual(expected);
  }
});

test("currentSubjects lists the events of the bucket just opened, and bucketsOpened counts the openings", () => {
  const queue = new EventQueue(100);
  // Two events in one 1/64-day bucket, one in a later bucket.
  queue.push(3.001, 1, 7, 70);
  queue.push(3.002, 1, 9, 90);
  queue.push(5, 1, 11, 110);
  const out = new Int32Array(8);
  const subjects = () => {
    const n = queue.currentSubjects(out);
    return Array.from({ length: n }, (_, k) => [out[2 * k], out[2 * k + 1]]);
  };
  expect(queue.peekTime()).toBe(3.001);
  const opened = queue.bucketsOpened;
  expect(subjects().sort((x, y) => x[0]! - y[0]!)).toEqual([
    [7, 70],
    [9, 90],
  ]);
  const popped = { time: 0, kind: 0, a: 0, b: 0 };
  queue.pop(popped);
  queue.pop(popped);
  expect(queue.peekTime()).toBe(5);
  expect(queue.bucketsOpened).toBeGreaterThan(opened);
  expect(subjects()).toEqual([[11, 110]]);
});

test("an event whose kind or subject the record cannot hold is refused, not stored wrong", () => {
  const queue = new EventQueue(100);
  expect(() => queue.push(1, 16, 0, 0)).toThrow(RangeError);
  expect(() => queue.push(1, 1, 2 ** 27, 0)).toThrow(RangeError);
  expect(() => queue.push(1, 1, -1, 0)).toThrow(RangeError);
  queue.push(1, 15, 2 ** 27 - 1, -5);
  const out = { time: 0, kind: 0, a: 0, b: 0 };
  queue.pop(out);
  expect(out).toEqual({ time: 1, kind: 15, a: 2 ** 27 - 1, b: -5 });
});
