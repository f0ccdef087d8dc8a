import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { failureResponse } from "@/lib/failure";
import { MAX_SOLO_STARTS_PER_ADDRESS, SOLO_WINDOW_MS } from "@/lib/runs/policy";
import { makeRoomForSoloRun } from "@/lib/runs/store/retention";
import { startSoloRun, TOO_MANY_SOLO_STARTS, TOO_MANY_SOLO_STARTS_EVERYWHERE, type SoloResult } from "./solo";

// The smallest shipped scenario, so a whole class's worth of runs starts quickly.
const SOLO = { scenarioId: "tomsk-1955", role: "petitioner", seed: 3 };
const DAY_MS = 86_400_000;

/** Each test starts its runs on a clock of its own, days apart, so their windows never overlap. */
let epoch = Date.now();
function clockOfItsOwn() {
  epoch += 10 * DAY_MS;
  let at = epoch;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

const newAddress = () => `203.0.113.${randomUUID()}`;

/** Every table a start writes to, counted. */
async function rows() {
  const [runs, seats, events, seatCases, attempts] = await Promise.all([
    db.run.count(),
    db.seat.count(),
    db.runEvent.count(),
    db.seatCase.count(),
    db.joinAttempt.count(),
  ]);
  return { runs, seats, events, seatCases, attempts };
}

function refusal(result: SoloResult) {
  if (result.ok) throw new Error("expected a refusal");
  return { code: result.error.code, message: result.error.message, status: failureResponse(result.error).status };
}

describe("starting self-guided runs is limited", () => {
  test("a burst from one address starts exactly the limit; the next is refused with 429 and writes nothing; another address still starts one", async () => {
    const clock = clockOfItsOwn();
    const school = newAddress();
    const burst = await Promise.all(
      Array.from({ length: MAX_SOLO_STARTS_PER_ADDRESS + 5 }, () => startSoloRun(SOLO, school, { now: clock.now })),
    );
    expect(burst.filter((r) => r.ok)).toHaveLength(MAX_SOLO_STARTS_PER_ADDRESS);
    for (const r of burst.filter((r) => !r.ok)) {
      expect(refusal(r)).toEqual({ code: "rateLimited", message: TOO_MANY_SOLO_STARTS, status: 429 });
    }

    const before = await rows();
    const refused = await startSoloRun(SOLO, school, { now: clock.now });
    expect(refusal(refused)).toEqual({ code: "rateLimited", message: TOO_MANY_SOLO_STARTS, status: 429 });
    expect(await rows()).toEqual(before);

    const elsewhere = await startSoloRun(SOLO, newAddress(), { now: clock.now });
    expect(elsewhere.ok).toBe(true);

    // Once the window has passed, the school starts runs again.
    clock.advance(SOLO_WINDOW_MS + 1);
    expect((await startSoloRun(SOLO, school, { now: clock.now })).ok).toBe(true);
  });

  test("the whole server takes at most its ceiling of starts in a window, whatever the addresses", async () => {
    const clock = clockOfItsOwn();
    const limits = { perAddress: 60, everywhere: 3, windowMs: SOLO_WINDOW_MS };
    for (let k = 0; k < 3; k++)
      expect((await startSoloRun(SOLO, newAddress(), { now: clock.now, limits })).ok).toBe(true);
    const before = await rows();
    const refused = await startSoloRun(SOLO, newAddress(), { now: clock.now, limits });
    expect(refusal(refused)).toEqual({ code: "rateLimited", message: TOO_MANY_SOLO_STARTS_EVERYWHERE, status: 429 });
    expect(await rows()).toEqual(before);
    clock.advance(SOLO_WINDOW_MS + 1);
    expect((await startSoloRun(SOLO, newAddress(), { now: clock.now, limits })).ok).toBe(true);
  });

  test("invalid input is refused before any limit is counted or anything written", async () => {
    const clock = clockOfItsOwn();
    const school = newAddress();
    const before = await rows();
    for (let k = 0; k < MAX_SOLO_STARTS_PER_ADDRESS + 1; k++) {
      const bad = await startSoloRun({ ...SOLO, role: "judge" }, school, { now: clock.now });
      expect(bad.ok === false && bad.error.code).toBe("invalid");
    }
    expect(await rows()).toEqual(before);
    expect((await startSoloRun(SOLO, school, { now: clock.now })).ok).toBe(true);
  });
});

describe("the self-guided runs kept are capped", () => {
  test("past the cap, the least recently played run goes to make room, never one played within the hour", async () => {
    const nowMs = Date.now();
    const kept = await db.run.count({ where: { ownerId: null } });
    const started: string[] = [];
    for (let k = 0; k < 3; k++) {
      const r = await startSoloRun(SOLO, newAddress());
      if (!r.ok) throw new Error(r.error.message);
      started.push(r.runId);
    }
    const [oldest, older, recent] = started as [string, string, string];
    await db.run.update({ where: { id: oldest }, data: { updatedAt: new Date(nowMs - 3 * DAY_MS) } });
    await db.run.update({ where: { id: older }, data: { updatedAt: new Date(nowMs - 2 * DAY_MS) } });
    const cap = { max: kept + 3, idleMs: 60 * 60 * 1000 };

    // Full: one run goes, the one played longest ago.
    expect(await makeRoomForSoloRun(nowMs, cap)).toBe(true);
    expect(await db.run.count({ where: { id: { in: started } } })).toBe(2);
    expect(await db.run.findUnique({ where: { id: oldest } })).toBeNull();
    expect(await db.seat.count({ where: { runId: oldest } })).toBe(0);

    // Room to spare: nothing goes.
    expect(await makeRoomForSoloRun(nowMs, cap)).toBe(true);
    expect(await db.run.count({ where: { id: { in: started } } })).toBe(2);

    // Everything kept was played within the hour: nothing goes, and there is no room.
    await db.run.update({ where: { id: older }, data: { updatedAt: new Date(nowMs) } });
    const everyOtherSoloRun = { ownerId: null, id: { notIn: [older, recent] } };
    await db.run.updateMany({ where: everyOtherSoloRun, data: { updatedAt: new Date(nowMs) } });
    expect(await makeRoomForSoloRun(nowMs, { ...cap, max: kept + 1 })).toBe(false);
    expect(await db.run.count({ where: { id: { in: [older, recent] } } })).toBe(2);
  });
});
