import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/authz";
import { hashString } from "@/lib/sim/rng";
import { testClassRun, testInstructor } from "@/lib/testing/fixtures";
import { controlRun } from "@/lib/runs/console/control-run";
import { consoleData } from "@/lib/runs/console/console";
import { readRunLog } from "@/lib/runs/history/run-history";
import { TICK_MS } from "@/lib/runs/policy";
import { getSeatView } from "@/lib/runs/seat-view/get-seat-view";
import { RunStore, runStore } from "@/lib/runs/store/store";
import { joinRun } from "./join-run";
import { rejoinSeat } from "./rejoin-seat";
import { seatCookieValue } from "./seat-access";
import { freeName, nameKey, REMOVED_SEAT } from "./seat-controls";

let now = Date.now();
runStore.useClock(() => now);
let owner: SessionUser;

beforeEach(async () => {
  owner = await testInstructor("Ms. Okafor");
});

async function join(code: string, name: string, address = "203.0.113.9") {
  const joined = await joinRun({ code, name, requestId: randomUUID() }, address);
  if (!joined.ok) throw new Error(joined.error.message);
  return { ...joined, cookie: seatCookieValue(joined.seatId, joined.token) };
}

async function control(runId: string, input: Record<string, unknown>) {
  const result = await controlRun(owner, runId, input);
  if (!result.ok) throw new Error(result.error.message);
}

const worldHash = (runId: string, store: RunStore = runStore) =>
  store.read(runId, (_run, world) => hashString(JSON.stringify(world.save())));

describe("names a class would mix up", () => {
  test("a name is free unless one already taken looks the same; the number added is the first free one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Alex", "alex", " Álex ", "Alex 2", "Sam", "alex 3"), { maxLength: 8 }),
        fc.constantFrom("Alex", "Sam", "Kim"),
        (taken, name) => {
          const free = freeName(name, taken);
          expect(taken.map(nameKey)).not.toContain(nameKey(free));
          if (!taken.map(nameKey).includes(nameKey(name))) expect(free).toBe(name);
          else expect(free).toMatch(new RegExp(`^${name} \\d+$`));
        },
      ),
    );
  });

  test("the second Alex to join becomes Alex 2 and is told so; the console marks names a rename made alike", async () => {
    const run = await testClassRun(owner, { procuratorSeats: 0, petitionerSeats: 4 });
    const first = await join(run.joinCode, "Alex");
    const second = await join(run.joinCode, "alex");
    expect([first.displayName, first.nameTaken]).toEqual(["Alex", false]);
    expect([second.displayName, second.nameTaken]).toEqual(["alex 2", true]);
    const sam = await join(run.joinCode, "Sam");
    await control(run.runId, { action: "start" });
    await control(run.runId, { action: "renameSeat", seatId: sam.seatId, name: "ALEX" });
    const seats = (await consoleData(run.runId)).seats;
    expect(seats.find((s) => s.number === sam.number)!.sameNameAs).toEqual([first.number]);
    expect(seats.find((s) => s.number === second.number)!.sameNameAs).toEqual([]);
  });
});

describe("the teacher's control over seats", () => {
  test("a rename keeps the old name in the log; the student's desk shows the new one", async () => {
    const run = await testClassRun(owner);
    const seat = await join(run.joinCode, "Mischa");
    await control(run.runId, { action: "renameSeat", seatId: seat.seatId, name: "Misha K." });
    const log = await readRunLog(run.runId);
    expect(log.at(-1)).toMatchObject({
      type: "seat.rename",
      payload: { number: seat.number, from: "Mischa", to: "Misha K." },
    });
    const view = await getSeatView(run.runId, seat.cookie);
    expect(view.ok && view.view.seat.displayName).toBe("Misha K.");
    // A bad name changes nothing and says why.
    const bad = await controlRun(owner, run.runId, { action: "renameSeat", seatId: seat.seatId, name: "  " });
    expect(bad.ok).toBe(false);
    expect((await db.seat.findUniqueOrThrow({ where: { id: seat.seatId } })).displayName).toBe("Misha K.");
  });

  test("a removed seat's cases go back to the computer, its browser is refused, its place is free; replays agree", async () => {
    const run = await testClassRun(owner, { procuratorSeats: 1, petitionerSeats: 2 });
    const seats = [await join(run.joinCode, "A"), await join(run.joinCode, "B"), await join(run.joinCode, "C")];
    await control(run.runId, { action: "start" });
    now += 5 * TICK_MS;
    const gone = seats.find((s) => s.role === "petitioner")!;
    const [theCase] = (await db.seatCase.findMany({ where: { seatId: gone.seatId } })).map((c) => c.caseIndex);
    expect(await runStore.read(run.runId, (_, w) => w.hasStudent(theCase!, "petitioner"))).toBe(true);
    await control(run.runId, { action: "removeSeat", seatId: gone.seatId });
    expect(await runStore.read(run.runId, (_, w) => w.hasStudent(theCase!, "petitioner"))).toBe(false);
    // The classmate procurator still holds the case on their desk.
    expect(await runStore.read(run.runId, (_, w) => w.hasStudent(theCase!, "procurator"))).toBe(true);
    expect(await db.seatCase.count({ where: { seatId: gone.seatId } })).toBe(0);
    expect(await getSeatView(run.runId, gone.cookie)).toMatchObject({ ok: false, error: { message: REMOVED_SEAT } });
    const rejoin = await rejoinSeat(
      { code: run.joinCode, rejoinCode: gone.rejoinCode.replace("-", ""), takeOver: true },
      "203.0.113.9",
    );
    expect(rejoin).toMatchObject({ ok: false, error: { message: REMOVED_SEAT } });
    // The console no longer lists it; a newcomer takes the free place and is dealt a case.
    expect((await consoleData(run.runId)).seats.map((s) => s.number)).not.toContain(gone.number);
    const newcomer = await join(run.joinCode, "D");
    expect(newcomer.role).toBe("petitioner");
    expect(newcomer.number).toBe(4);
    expect(await db.seatCase.count({ where: { seatId: newcomer.seatId } })).toBe(1);
    // Logged, so a fresh instance replays the same world.
    expect((await readRunLog(run.runId)).some((e) => e.type === "seat.remove")).toBe(true);
    expect(await worldHash(run.runId, new RunStore(db, () => now))).toBe(await worldHash(run.runId));
  });

  test("closing joining turns new students away with a message; a rejoin code still works; opening lets them in", async () => {
    const run = await testClassRun(owner, { procuratorSeats: 0, petitionerSeats: 3 });
    const seat = await join(run.joinCode, "A");
    await control(run.runId, { action: "lockJoining", locked: "yes" });
    const refused = await joinRun({ code: run.joinCode, name: "Late", requestId: randomUUID() }, "203.0.113.9");
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "conflict", message: /closed this class to new seats/ },
    });
    expect(await db.seat.count({ where: { runId: run.runId } })).toBe(1);
    const back = await rejoinSeat(
      { code: run.joinCode, rejoinCode: seat.rejoinCode.replace("-", ""), takeOver: true },
      "203.0.113.9",
    );
    expect(back.ok).toBe(true);
    await control(run.runId, { action: "lockJoining", locked: "no" });
    expect((await join(run.joinCode, "Late")).ok).toBe(true);
    expect((await readRunLog(run.runId)).filter((e) => e.type === "run.joining").map((e) => e.payload)).toEqual([
      { locked: true },
      { locked: false },
    ]);
  });

  test("only the run's owner controls its seats", async () => {
    const run = await testClassRun(owner);
    const seat = await join(run.joinCode, "A");
    const stranger = await testInstructor("Mr. Other");
    for (const input of [
      { action: "renameSeat", seatId: seat.seatId, name: "B" },
      { action: "removeSeat", seatId: seat.seatId },
      { action: "lockJoining", locked: "yes" },
    ]) {
      expect(await controlRun(stranger, run.runId, input)).toMatchObject({ ok: false, error: { code: "notFound" } });
    }
    expect(await db.seat.findUniqueOrThrow({ where: { id: seat.seatId } })).toMatchObject({
      displayName: "A",
      removedAt: null,
    });
    expect((await db.run.findUniqueOrThrow({ where: { id: run.runId } })).joinLocked).toBe(false);
  });
});
