import { expect, test } from "vitest";
import { testClassRun, testInstructor } from "@/lib/testing/fixtures";
import { controlRun } from "@/lib/runs/console/control-run";
import { getRunLogForOwner } from "./get-run-log-for-owner";

test("the owner reads the run's whole log in order; another instructor reads nothing", async () => {
  const owner = await testInstructor("Ms. Okafor");
  const other = await testInstructor("Dr. Levin");
  const created = await testClassRun(owner);
  const started = await controlRun(owner, created.runId, { action: "start" });
  expect(started.ok).toBe(true);

  const log = await getRunLogForOwner(owner, created.runId);
  expect(log.length).toBeGreaterThan(0);
  expect(log.map((entry) => entry.seq)).toEqual([...log.map((entry) => entry.seq)].sort((a, b) => a - b));
  expect(log.map((entry) => entry.type)).toContain("run.start");
  // Parsed entries, as a replay reads them: typed payloads, not the stored JSON text.
  expect(log.find((entry) => entry.type === "run.start")).toMatchObject({ actor: "instructor", payload: {} });
  expect(log.every((entry) => typeof entry.payload === "object")).toBe(true);

  expect(await getRunLogForOwner(other, created.runId)).toEqual([]);
  expect(await getRunLogForOwner(owner, "no-such-run")).toEqual([]);
});
