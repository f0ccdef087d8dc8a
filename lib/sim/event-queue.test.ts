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
