import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { testClassRun, testInstructor } from "@/lib/testing/fixtures";
import {
  JOIN_ATTEMPTS_WAITING_PER_ADDRESS,
  JOIN_SLOWDOWN_MS,
  MAX_SEATS,
  WRONG_CODES_PER_ADDRESS,
  WRONG_REJOIN_CODES_PER_RUN,
} from "@/lib/runs/policy";
import { joinLanes } from "./join-rate-limit";
import { joinRun } from "./join-run";
import { rejoinSeat } from "./rejoin-seat";

/** Every hold a lane asked for, by the attempt that caused it; nothing actually waits. */
let holds: number[] = [];
beforeEach(async () => {
  holds = [];
  joinLanes.useSleep(async (ms) => {
    holds.push(ms);
  });
  await db.joinAttempt.deleteMany();
});
afterEach(() => joinLanes.useSleep((ms) => new Promise((resolve) => setTimeout(resolve, ms))));

const join = (code: string, address: string, name = "Sam") => joinRun({ code, name, requestId: randomUUID() }, address);

/** A code no run uses (codes are drawn from the code alphabet, so one of these two is free). */
const wrongCodeFor = (code: string) => (code === "AAAAAA" ? "CCCCCC" : "AAAAAA");

/**
 * Wrong codes as the rows they leave, written at once: filling a budget of a
 * lecture hall's size through real attempts would make this suite slow. The
 * attempts at the budget's edge go through the real code (seedWrongCodes).
 */
async function storedWrongCodes(n: number, key: (k: number) => string, runId: string | null = null) {
  await db.joinAttempt.createMany({
    data: Array.from({ length: n }, (_, k) => ({ key: key(k), runId, succeeded: false })),
  });
}

async function seedWrongCodes(n: number, address: string, wrong: string) {
  for (let k = 0; k < n; k++) {
    const attempt = await join(wrong, address, "Eve");
    expect(attempt.ok === false && attempt.error.code).toBe("notFound");
  }
}

describe("a class behind one school address", () => {
  // Joining MAX_SEATS students one by one would make this suite slow; the budgets and the lane are what a
  // full lecture hall could run into, so they are tested at MAX_SEATS directly, and real joins with a class.
  test(`${MAX_SEATS} students each mistyping the code once are never held, and then join`, async () => {
    const { joinCode, runId } = await testClassRun(await testInstructor("Ms. Okafor"), {
      procuratorSeats: 0,
      petitionerSeats: MAX_SEATS,
    });
    const school = "203.0.113.10";
    // All but one typo as stored rows, the last one through a real join.
    await storedWrongCodes(MAX_SEATS - 1, () => school);
    await seedWrongCodes(1, school, wrongCodeFor(joinCode));
    const CLASS = 30;
    const joins = await Promise.all(
      Array.from({ length: CLASS }, (_, k) => join(k % 2 ? joinCode.toLowerCase() : joinCode, school, `S${k}`)),
    );
    expect(joins.filter((j) => !j.ok)).toEqual([]);
    expect(await db.seat.count({ where: { runId } })).toBe(CLASS);
    expect(holds).toEqual([]);
    // The budget is exactly a hall's worth: one more typo is held (slowed, not refused).
    await seedWrongCodes(1, school, wrongCodeFor(joinCode));
    expect(holds).toEqual([JOIN_SLOWDOWN_MS]);
  });

  test(`${MAX_SEATS} join attempts waiting at once from one address all get their turn`, async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const waiting = Array.from({ length: MAX_SEATS }, (_, k) =>
      joinLanes.run("203.0.113.11", async () => {
        await gate;
        return { result: k, holdMs: 0 };
      }),
    );
    open();
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: MAX_SEATS }, (_, k) => k));
    expect(JOIN_ATTEMPTS_WAITING_PER_ADDRESS).toBeGreaterThanOrEqual(MAX_SEATS);
  });
});

describe("guessing is slowed, never a lockout", () => {
  test("past an address's budget each wrong code holds its lane, while the right code still gets in at once", async () => {
    const { joinCode } = await testClassRun(await testInstructor("Ms. Okafor"), { petitionerSeats: 5 });
    const guesser = "198.51.100.66";
    await storedWrongCodes(WRONG_CODES_PER_ADDRESS - 1, () => guesser);
    await seedWrongCodes(1, guesser, wrongCodeFor(joinCode));
    expect(holds).toEqual([]);
    await seedWrongCodes(3, guesser, wrongCodeFor(joinCode));
    expect(holds).toEqual([JOIN_SLOWDOWN_MS, JOIN_SLOWDOWN_MS, JOIN_SLOWDOWN_MS]);
    const right = await join(joinCode, guesser, "Classmate");
    expect(right.ok).toBe(true);
    expect(holds).toHaveLength(3);
  });

  test("one client's flood of wrong codes slows nobody else: the server-wide budget counts each address only up to its own", async () => {
    const { joinCode } = await testClassRun(await testInstructor("Ms. Okafor"), { petitionerSeats: 5 });
    await storedWrongCodes(2 * WRONG_CODES_PER_ADDRESS - 2, () => "198.51.100.66");
    await seedWrongCodes(2, "198.51.100.66", wrongCodeFor(joinCode));
    const heldSoFar = holds.length;
    // Another client: a typo is not held, and the right code gets in.
    expect((await join(wrongCodeFor(joinCode), "192.0.2.44")).ok).toBe(false);
    expect((await join(joinCode, "192.0.2.44")).ok).toBe(true);
    expect(holds).toHaveLength(heldSoFar);
  });

  test("wrong rejoin codes against one run, from many addresses, slow that run's guessing; the right code still works", async () => {
    const { joinCode } = await testClassRun(await testInstructor("Ms. Okafor"), { petitionerSeats: 5 });
    const sam = await join(joinCode, "192.0.2.1");
    if (!sam.ok) throw new Error(sam.error.message);
    const wrongRejoin = sam.rejoinCode === "AAAA-AAAA" ? "CCCC-CCCC" : "AAAA-AAAA";
    await storedWrongCodes(WRONG_REJOIN_CODES_PER_RUN - 1, (k) => `10.8.${k >> 8}.${k & 255}`, sam.runId);
    for (let k = 0; k < 3; k++) {
      const attempt = await rejoinSeat({ code: joinCode, rejoinCode: wrongRejoin }, `10.9.${k >> 8}.${k & 255}`);
      expect(attempt.ok === false && attempt.error.code).toBe("notFound");
    }
    expect(holds).toEqual([JOIN_SLOWDOWN_MS, JOIN_SLOWDOWN_MS]);
    const back = await rejoinSeat({ code: joinCode, rejoinCode: sam.rejoinCode, takeOver: true }, "10.9.9.9");
    expect(back.ok).toBe(true);
  });
});
