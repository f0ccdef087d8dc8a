import { expect, test } from "vitest";
import { AttemptLanes, isCrowded } from "./attempt-lanes";

test("attempts in one lane run one at a time, in order; other lanes do not wait for them", async () => {
  const lanes = new AttemptLanes(10);
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const first = lanes.run("a", async () => {
    order.push("a1 starts");
    await gate;
    order.push("a1 ends");
    return { result: 1, holdMs: 0 };
  });
  const second = lanes.run("a", async () => {
    order.push("a2 starts");
    return { result: 2, holdMs: 0 };
  });
  const other = await lanes.run("b", async () => ({ result: "b", holdMs: 0 }));
  expect(other).toBe("b");
  release();
  expect([await first, await second]).toEqual([1, 2]);
  expect(order).toEqual(["a1 starts", "a1 ends", "a2 starts"]);
});

test("a hold delays the next attempt in the lane, not the answer's content", async () => {
  const lanes = new AttemptLanes(10);
  const events: string[] = [];
  lanes.useSleep(async (ms) => {
    events.push(`held ${ms}`);
  });
  const a = lanes.run("a", async () => ({ result: "wrong", holdMs: 2000 }));
  const b = lanes.run("a", async () => {
    events.push("next runs");
    return { result: "right", holdMs: 0 };
  });
  expect([await a, await b]).toEqual(["wrong", "right"]);
  expect(events).toEqual(["held 2000", "next runs"]);
});

test("past the waiting limit a lane turns new attempts away unrun, and takes them again once it drains", async () => {
  const lanes = new AttemptLanes(2);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let ran = 0;
  const slow = () =>
    lanes.run("a", async () => {
      ran += 1;
      await gate;
      return { result: "done", holdMs: 0 };
    });
  const waiting = [slow(), slow()];
  const turnedAway = await slow();
  expect(isCrowded(turnedAway)).toBe(true);
  expect(isCrowded(await lanes.run("b", async () => ({ result: "ok", holdMs: 0 })))).toBe(false);
  release();
  expect(await Promise.all(waiting)).toEqual(["done", "done"]);
  expect(ran).toBe(2);
  expect(await slow()).toBe("done");
});
