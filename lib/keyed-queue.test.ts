import { expect, test } from "vitest";
import { KeyedQueue } from "./keyed-queue";

test("tasks with one key run one at a time, in order, even after a failure; other keys do not wait", async () => {
  const queue = new KeyedQueue();
  const log: string[] = [];
  const task =
    (name: string, ms: number, fail = false) =>
    async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
  const a = queue.run("run", task("a", 20, true));
  const b = queue.run("run", task("b", 1));
  const c = queue.run("other", task("c", 1));
  await expect(a).rejects.toThrow("a");
  expect(await b).toBe("b");
  expect(await c).toBe("c");
  expect(log.indexOf("b start")).toBeGreaterThan(log.indexOf("a end"));
  expect(log.indexOf("c end")).toBeLessThan(log.indexOf("a end"));
});
