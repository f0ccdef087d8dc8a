import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { openSession } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { applyControl, controlRun } from "@/lib/runs/console/control-run";
import { createRun } from "@/lib/runs/console/create-run";
import { customFormValues, saveCustomScenario } from "@/lib/runs/store/custom-scenarios";
import { joinRun } from "@/lib/runs/seats/join-run";
import { SEAT_COOKIE } from "@/lib/runs/policy";
import { seatCookieValue } from "@/lib/runs/seats/seat-access";
import { startSoloRun } from "@/lib/runs/console/solo";
import { runStore } from "@/lib/runs/store/store";
import { findScenario } from "@/lib/sim/scenarios";
import { current, resetRequest } from "./request";

/** Every instructor's password in the fixture (hashed once: scrypt is slow on purpose). */
export const PASSWORD = "correct horse battery staple";
/** A small scenario (35 cases), so building a run's world is quick. */
export const SCENARIO_ID = "tomsk-1955";
/** The run store's clock stands still, so no request advances a run's clock by itself. */
const NOW = Date.parse("2030-09-02T09:00:00Z");

export type SeatHandle = {
  id: string;
  runId: string;
  number: number;
  role: string;
  cookie: string;
  rejoinCode: string;
  /** a case on the seat's desk */
  caseIndex: number;
  /** the join form's one-time id that took the seat (a replay of it is refused) */
  joinRequestId: string | null;
};
export type RunHandle = { id: string; joinCode: string | null; seat: SeatHandle };

/**
 * The world every security test starts from: two instructors, a class run
 * of the first ("this run") with a petitioner and a procurator seat, a class
 * run of the second ("another run") with one seat, a self-guided run with
 * its one seat, and a custom scenario of the first instructor. All three
 * runs are running; a second self-guided run (a procurator's) has ended.
 */
export type Fixture = {
  owner: SessionUser;
  other: SessionUser;
  /** each instructor's open session (lib/auth/sessions.ts), as their browser's cookie names it */
  sessions: { owner: string; other: string };
  classRun: RunHandle & { procurator: SeatHandle };
  otherRun: RunHandle;
  soloRun: RunHandle;
  /** a self-guided run its player has ended (its debrief can be shared) */
  endedSoloRun: RunHandle;
  /** the owner's custom scenario (its row id) */
  scenarioId: string;
};

let hash: Promise<string> | undefined;
let addresses = 0;

/** A fresh client address per request, so the join and sign-in rate limits never carry over between calls. */
export function nextAddress(): string {
  addresses += 1;
  return `198.51.100.${addresses % 250}-${addresses}`;
}

async function instructor(name: string, email: string): Promise<SessionUser> {
  hash ??= hashPassword(PASSWORD);
  const user = await db.user.create({ data: { name, email, passwordHash: await hash, role: "instructor" } });
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

async function seat(runId: string, joined: { seatId: string; token: string; rejoinCode: string }) {
  const row = await db.seat.findUniqueOrThrow({ where: { id: joined.seatId } });
  const desk = await db.seatCase.findFirstOrThrow({ where: { seatId: row.id }, orderBy: { caseIndex: "asc" } });
  return {
    id: row.id,
    runId,
    number: row.number,
    role: row.role,
    cookie: seatCookieValue(row.id, joined.token),
    rejoinCode: joined.rejoinCode,
    caseIndex: desk.caseIndex,
    joinRequestId: row.joinRequestId,
  };
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`fixture: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

async function classRun(owner: SessionUser, title: string, procuratorSeats: number, students: number) {
  const run = ok(
    await createRun(owner, { title, scenarioId: SCENARIO_ID, procuratorSeats, petitionerSeats: 2, speed: 60, seed: 7 }),
  );
  const joined = [];
  for (let k = 0; k < students; k++) {
    joined.push(
      ok(
        await joinRun(
          { code: run.joinCode, name: `Student ${k + 1}`, requestId: `fixture-${randomUUID()}` },
          nextAddress(),
        ),
      ),
    );
  }
  ok(await controlRun(owner, run.runId, { action: "start" }));
  return { run, joined };
}

/** Deletes every row (and the run store's cached worlds), as for a new database. */
export async function clearDatabase(): Promise<void> {
  await db.run.deleteMany();
  await db.user.deleteMany();
  await db.joinAttempt.deleteMany();
  await db.signInAttempt.deleteMany();
  runStore.forgetAll();
}

export async function seedFixture(): Promise<Fixture> {
  runStore.useClock(() => NOW);
  await clearDatabase();
  const owner = await instructor("Ms. Okafor", "okafor@school.org");
  const other = await instructor("Dr. Levin", "levin@school.org");
  const mine = await classRun(owner, "Period 3", 1, 2);
  const theirs = await classRun(other, "Period 5", 0, 1);
  const solo = ok(await startSoloRun({ scenarioId: SCENARIO_ID, role: "petitioner", seed: 11 }, nextAddress()));
  const soloSeat = await db.seat.findUniqueOrThrow({ where: { id: solo.seatId } });
  const ended = ok(await startSoloRun({ scenarioId: SCENARIO_ID, role: "procurator", seed: 12 }, nextAddress()));
  ok(await applyControl(ended.runId, { action: "end" }));
  const endedSeat = await db.seat.findUniqueOrThrow({ where: { id: ended.seatId } });
  const base = findScenario(SCENARIO_ID)!;
  const scenario = ok(await saveCustomScenario(owner, { baseId: SCENARIO_ID, ...customFormValues(base) }));
  return {
    owner,
    other,
    sessions: { owner: await openSession(owner.id), other: await openSession(other.id) },
    classRun: {
      id: mine.run.runId,
      joinCode: mine.run.joinCode,
      seat: await seat(mine.run.runId, mine.joined[0]!),
      procurator: await seat(mine.run.runId, mine.joined[1]!),
    },
    otherRun: {
      id: theirs.run.runId,
      joinCode: theirs.run.joinCode,
      seat: await seat(theirs.run.runId, theirs.joined[0]!),
    },
    soloRun: {
      id: solo.runId,
      joinCode: (await db.run.findUniqueOrThrow({ where: { id: solo.runId } })).joinCode,
      seat: await seat(solo.runId, { seatId: solo.seatId, token: solo.token, rejoinCode: soloSeat.rejoinCode }),
    },
    endedSoloRun: {
      id: ended.runId,
      joinCode: (await db.run.findUniqueOrThrow({ where: { id: ended.runId } })).joinCode,
      seat: await seat(ended.runId, { seatId: ended.seatId, token: ended.token, rejoinCode: endedSeat.rejoinCode }),
    },
    scenarioId: scenario.id,
  };
}

export const PRINCIPALS = ["anonymous", "studentOfRun", "studentOfOtherRun", "owner", "otherInstructor"] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const PRINCIPAL_NAMES: Record<Principal, string> = {
  anonymous: "an anonymous visitor",
  studentOfRun: "a student of this run",
  studentOfOtherRun: "a student of another run",
  owner: "the instructor who owns this run",
  otherInstructor: "another instructor",
};

/**
 * Sets up the request as `principal` would send it about `run`: an
 * instructor's session, or the seat cookie of a student's browser (the
 * seat in `run` for "a student of this run", the seat in the other
 * instructor's run for "a student of another run").
 */
export function actAs(fx: Fixture, principal: Principal, run: RunHandle = fx.classRun): void {
  resetRequest(nextAddress());
  if (principal === "owner") current.session = { user: { id: fx.owner.id, sessionId: fx.sessions.owner } };
  if (principal === "otherInstructor") current.session = { user: { id: fx.other.id, sessionId: fx.sessions.other } };
  if (principal === "studentOfRun") current.cookies.set(SEAT_COOKIE, run.seat.cookie);
  if (principal === "studentOfOtherRun") current.cookies.set(SEAT_COOKIE, fx.otherRun.seat.cookie);
}
