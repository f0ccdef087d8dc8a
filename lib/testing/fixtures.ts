import { randomUUID } from "node:crypto";
import { openSession } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { actOnCase } from "@/lib/desk/act-on-case";
import { createRun } from "@/lib/runs/console/create-run";
import { seatCookieValue } from "@/lib/runs/seats/seat-access";
import type { Addressee } from "@/machines/vocabulary";
import type { CreateRunInput } from "@/lib/runs/validation";

/** An instructor account written straight to the test database, as the session sees it. */
export async function testInstructor(name: string): Promise<SessionUser> {
  const user = await db.user.create({ data: { name, email: `${randomUUID()}@school.org`, passwordHash: "x" } });
  return { id: user.id, name: user.name, email: user.email, role: "instructor" };
}

/** What Auth.js's `auth()` returns for a teacher signed in on one browser: their id and an open session row. */
export async function signedInSession(userId: string): Promise<{ user: { id: string; sessionId: string } }> {
  return { user: { id: userId, sessionId: await openSession(userId) } };
}

/** A class run of Rostov in the lobby (one procurator, one petitioner, 60 days a minute unless changed). */
export async function testClassRun(owner: SessionUser, overrides: Partial<CreateRunInput> = {}) {
  const created = await createRun(owner, {
    title: "Period 3",
    scenarioId: "rostov-1954",
    procuratorSeats: 1,
    petitionerSeats: 1,
    speed: 60,
    // A pinned seed: a test's run is the same on every try (a random one made rare failures).
    seed: 1,
    ...overrides,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created;
}

/** A teacher's scenario form as the browser sends it: Chita, with more staff than the Procuracy had. */
export function customScenarioForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    baseId: "chita-1954",
    title: "Chita with more staff",
    summary: "Chita, but the Procuracy is not cut.",
    "caseload.cases": "500",
    horizonDays: "300",
    "desks.procurators": "12",
    "desks.hoursPerDay": "6",
    "institutions.fileClerks": "10",
    "institutions.listsWithheldShare": "0.2",
    "policy.bias": "1",
    ...overrides,
  };
}

/**
 * The seat's student writes a letter about `theCase` through the desk's own
 * action, as the browser sends it (a change to their desk, and perhaps to a
 * procurator's inbox).
 */
export function writeLetterAs(
  runId: string,
  seat: { seatId: string; token: string },
  theCase: { index: number; version: number },
  { letter = "Please review my case.", addressee = "provincialProcuracy" as Addressee } = {},
) {
  return actOnCase(runId, seatCookieValue(seat.seatId, seat.token), {
    requestId: randomUUID(),
    caseIndex: theCase.index,
    expectedVersion: theCase.version,
    action: { type: "complaint.file", addressee, grounds: "innocence", carrier: "self", ask: "release" },
    letter,
  });
}
