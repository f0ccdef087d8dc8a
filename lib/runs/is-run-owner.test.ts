import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { createRun } from "@/lib/runs/console/create-run";
import { isRunOwner } from "./is-run-owner";

async function instructor(name: string): Promise<SessionUser> {
  const user = await db.user.create({ data: { name, email: `${randomUUID()}@school.org`, passwordHash: "x" } });
  return { id: user.id, name: user.name, email: user.email, role: "instructor" };
}

test("only the instructor who created a run owns it; a run that does not exist is nobody's", async () => {
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
  expect(await isRunOwner(owner, created.runId)).toBe(true);
  expect(await isRunOwner(other, created.runId)).toBe(false);
  expect(await isRunOwner(owner, "no-such-run")).toBe(false);
});
