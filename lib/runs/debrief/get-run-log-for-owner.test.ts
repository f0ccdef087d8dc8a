import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { controlRun } from "@/lib/runs/console/control-run";
import { createRun } from "@/lib/runs/console/create-run";
import { getRunLogForOwner } from "./get-run-log-for-owner";

async function instructor(name: string): Promise<SessionUser> {
  const user = await db.user.create({ data: { name, email: `${randomUUID()}@school.org`, passwordHash: "x" } });
  return { id: user.id, name: user.name, email: user.email, role: "instructor" };
}

test("the owner reads the run's whole log in order; another instructor reads nothing", async () => {
  const owner = await instructor("Ms. Okafor");
  const other = await instructor("Dr. Levin");
  const created = await createRun(owner, {
    title: "Period 3",
    scenarioId: "rostov-1954",
    procuratorSeats: 1,
    petitionerSeats: 1,
    speed: 60,
  });
  if (!created.ok) throw new Error(created.error.message);
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
