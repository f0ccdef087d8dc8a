import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, test } from "vitest";
import type { SessionUser } from "@/lib/authz";
import { databaseKind } from "@/lib/config";
import { hashSeatToken } from "@/lib/runs/codes";
import { controlRun } from "@/lib/runs/console/control-run";
import { TICK_MS } from "@/lib/runs/policy";
import { getSeatView, seatDesk } from "@/lib/runs/seat-view/get-seat-view";
import { joinRun } from "@/lib/runs/seats/join-run";
import { rejoinSeat } from "@/lib/runs/seats/rejoin-seat";
import { getDeskAccess, SEAT_ACCESS_MESSAGES, seatCookieValue } from "@/lib/runs/seats/seat-access";
import { lettersAboutCases, lettersToDesk } from "@/lib/runs/store/queries";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { runStore } from "@/lib/runs/store/store";
import { testClassRun, testInstructor, writeLetterAs } from "@/lib/testing/fixtures";
import { liveHub } from "./hub";

// A desk read answered from the live hub's copy of a seat (LiveHub.currentSeat)
// must be the desk the database gives, byte for byte, and the hub may answer
// only while its copy is current: a seat moved or removed is refused at once.
// Only a single writer (SQLite) knows its copy current; with several
// (PostgreSQL) every read goes to the database.

const singleWriter = databaseKind() !== "postgresql";

let now = Date.now();
runStore.useClock(() => now);
let owner: SessionUser;

beforeEach(async () => {
  owner = await testInstructor("Ms. Okafor");
});

type Joined = { seatId: string; token: string; number: number; role: string; displayName: string; rejoinCode: string };

/** A running class of `names.length` seats (about one in four a procurator), each with its live stream open. */
async function classWithStreams(names: readonly string[]) {
  const run = await testClassRun(owner, {
    procuratorSeats: Math.max(1, Math.round(names.length / 4)),
    petitionerSeats: names.length - Math.max(1, Math.round(names.length / 4)),
  });
  const seats: Joined[] = [];
  for (const name of names) {
    const joined = await joinRun({ code: run.joinCode, name, requestId: randomUUID() }, `203.0.113.${seats.length}`);
    if (!joined.ok) throw new Error(joined.error.message);
    seats.push(joined);
  }
  const unsubscribe = seats.map((seat) =>
    liveHub.subscribe(run.runId, {
      kind: "seat",
      seatId: seat.seatId,
      holderHash: hashSeatToken(seat.token),
      send: () => {},
      close: () => {},
    }),
  );
  await controlRun(owner, run.runId, { action: "start" });
  return { runId: run.runId, joinCode: run.joinCode, seats, close: () => unsubscribe.forEach((u) => u()) };
}

const cookieOf = (seat: Joined) => seatCookieValue(seat.seatId, seat.token);

/** Waits until the hub holds every seat current (its poll after the last change is done). */
async function hubCaughtUp(runId: string, seats: readonly Joined[]) {
  await expect.poll(() => seats.every((s) => liveHub.currentSeat(runId, s.seatId) !== null)).toBe(true);
}

/**
 * Every seat the hub holds current (all of them with `all`) is as the
 * database has it: its row, cases and letters, a procurator's classmates'
 * letters, and the desk a read of it answers. Returns how many it held.
 */
async function expectHeldSeatsAsStored(runId: string, seats: readonly Joined[], all: "all" | "those held") {
  let held = 0;
  for (const seat of seats) {
    const copy = liveHub.currentSeat(runId, seat.seatId);
    if (all === "all") expect(copy).not.toBeNull();
    if (!copy) continue;
    held++;
    const stored = await getDeskAccess(runId, cookieOf(seat));
    if (stored.status !== "ok") throw new Error(`seat ${seat.number}: ${stored.status}`);
    expect(withSeatRole(copy.row, runId)).toEqual(stored.seat);
    const cases = stored.seat.cases.map((c) => c.caseIndex);
    expect(copy.classmates).toEqual(
      stored.seat.role === "procurator"
        ? lettersToDesk(await lettersAboutCases(runId, cases), { seatNumber: seat.number, cases })
        : [],
    );
    // A desk read (which takes the hub's copy while it is current) is the desk built from the database.
    expect(await getSeatView(runId, cookieOf(seat))).toEqual({ ok: true, ...(await seatDesk(runId, stored.seat)) });
  }
  return held;
}

/** The petitioner writes a letter about a case of theirs that allows one now; false if none does. */
async function writeLetter(runId: string, seat: Joined, words: string): Promise<boolean> {
  const desk = await getSeatView(runId, cookieOf(seat));
  if (!desk.ok) throw new Error(desk.error.message);
  const open = desk.view.cases.find((c) => c.petition?.canWrite && c.petition.letterBar === null);
  if (!open) return false;
  const acted = await writeLetterAs(runId, seat, { index: open.index, version: open.version }, { letter: words });
  expect(acted.ok).toBe(true);
  return true;
}

describe("a desk read from the live hub's copy", () => {
  test.runIf(singleWriter)(
    "is the database's desk for every seat, as letters are written and days pass",
    async () => {
      const step = fc.oneof(
        fc.record({
          kind: fc.constant("letter" as const),
          who: fc.nat(),
          words: fc.string({ minLength: 1, maxLength: 40 }),
        }),
        fc.record({ kind: fc.constant("days" as const), days: fc.integer({ min: 1, max: 40 }) }),
      );
      let lettersWritten = 0;
      let heldAtOnce = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 6 }), async (steps) => {
          const { runId, seats, close } = await classWithStreams(["Ana", "Ben", "Cy", "Dee", "Eve"]);
          try {
            const petitioners = seats.filter((s) => s.role === "petitioner");
            expect(seats.some((s) => s.role === "procurator")).toBe(true);
            await hubCaughtUp(runId, seats);
            await expectHeldSeatsAsStored(runId, seats, "all");
            for (const s of steps) {
              if (s.kind === "letter") {
                const writer = petitioners[s.who % petitioners.length]!;
                if (await writeLetter(runId, writer, `${writer.displayName}: ${s.words.trim() || "review"}`)) {
                  lettersWritten++;
                }
              } else {
                // At 60 days a minute a day is a second: the clock moves on the next read or poll.
                now += s.days * TICK_MS;
              }
              // At once, while the letter feed may not have read the change yet: the seats it still holds current.
              heldAtOnce += await expectHeldSeatsAsStored(runId, seats, "those held");
              await hubCaughtUp(runId, seats);
              await expectHeldSeatsAsStored(runId, seats, "all");
            }
          } finally {
            close();
          }
        }),
        { numRuns: 4 },
      );
      // Not vacuous: letters went onto desks (and procurators' inboxes) along the way.
      expect(lettersWritten).toBeGreaterThan(0);
      expect(heldAtOnce).toBeGreaterThan(0);
    },
    120_000,
  );

  test("never lets a browser in after its seat moved to another one, or was removed", async () => {
    const { runId, joinCode, seats, close } = await classWithStreams(["Ana", "Ben", "Cy"]);
    try {
      const [moved, removed] = seats.filter((s) => s.role === "petitioner") as [Joined, Joined];
      if (singleWriter) await hubCaughtUp(runId, seats);
      expect((await getSeatView(runId, cookieOf(moved))).ok).toBe(true);
      // What the hub would answer for each seat at the very moment its change commits, before any poll.
      const atCommit: { type: string; holderHash?: string; removedAt?: Date | null }[] = [];
      const stop = runStore.onChange((changed, types) => {
        if (changed.id !== runId) return;
        for (const type of types.filter((t) => t === "seat.rejoin" || t === "seat.remove")) {
          const held = liveHub.currentSeat(runId, (type === "seat.rejoin" ? moved : removed).seatId);
          atCommit.push({ type, holderHash: held?.row.holderHash, removedAt: held?.row.removedAt });
        }
      });
      const rejoined = await rejoinSeat(
        { code: joinCode, rejoinCode: moved.rejoinCode, takeOver: true },
        "203.0.113.200",
      );
      if (!rejoined.ok) throw new Error(rejoined.error.message);
      // Whatever the hub holds at this instant, it is never the old holder.
      expect(liveHub.currentSeat(runId, moved.seatId)?.row.holderHash ?? "new").not.toBe(hashSeatToken(moved.token));
      const old = await getSeatView(runId, cookieOf(moved));
      expect(old.ok ? "let in" : old.error.message).toBe(SEAT_ACCESS_MESSAGES.movedAway);
      expect((await getSeatView(runId, seatCookieValue(moved.seatId, rejoined.token))).ok).toBe(true);

      expect(await controlRun(owner, runId, { action: "removeSeat", seatId: removed.seatId })).toEqual({ ok: true });
      expect(liveHub.currentSeat(runId, removed.seatId)?.row.removedAt ?? "removed").not.toBeNull();
      const gone = await getSeatView(runId, cookieOf(removed));
      expect(gone.ok ? "let in" : gone.error.message).toBe(SEAT_ACCESS_MESSAGES.removed);
      stop();
      expect(atCommit.map((c) => c.type)).toEqual(["seat.rejoin", "seat.remove"]);
      expect(atCommit[0]!.holderHash).not.toBe(hashSeatToken(moved.token));
      expect(atCommit[1]!.holderHash).not.toBe(hashSeatToken(removed.token));
    } finally {
      close();
    }
  });

  test.runIf(!singleWriter)("is never taken with several writers: every read goes to the database", async () => {
    const { runId, seats, close } = await classWithStreams(["Ana", "Ben"]);
    try {
      // The hub has read the seats and pushed their desks; still no copy of it answers for the database.
      for (const seat of seats) {
        expect((await getSeatView(runId, cookieOf(seat))).ok).toBe(true);
        expect(liveHub.currentSeat(runId, seat.seatId)).toBeNull();
      }
      expect(runStore.knownSeq(runId)).toBeNull();
    } finally {
      close();
    }
  });
});
