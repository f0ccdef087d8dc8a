import { expect, test } from "vitest";
import { createRng } from "./rng";
import { WorkQueue } from "./work-queue";

test("entries come out first in, first out, with their epochs, whatever the mix of pushes and shifts", () => {
  const rng = createRng("work-queue");
  for (let round = 0; round < 20; round++) {
    const queue = new WorkQueue();
    const model: [number, number][] = [];
    // Phases that mostly push, then mostly shift, so the arrays both grow and wrap around.
    const pushShare = [0.9, 0.55, 0.3, 0.6][round % 4]!;
    for (let k = 0; k < 5000; k++) {
      if (rng.next() < pushShare) {
        const entry: [number, number] = [Math.floor(rng.next() * 1e6), Math.floor(rng.next() * 1e9)];
        queue.push(...entry);
        model.push(entry);
      } else {
        const expected = model.shift();
        const got = queue.shift();
        expect(got).toBe(expected ? expected[0] : -1);
        if (expected) expect(queue.lastEpoch).toBe(expected[1]);
      }
      expect(queue.size).toBe(model.length);
    }
    expect(queue.toArray()).toEqual(model);
  }
});
