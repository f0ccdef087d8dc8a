import { describe, expect, test } from "vitest";
import { AmnestyWorld, runAmnesty } from "./engine";
import { AMNESTY_1945 } from "./scenarios";

const CAMP = 600;
const START = AMNESTY_1945.stages.recordsStartDay;
const HOURS = AMNESTY_1945.stages.clerkHoursPerDay;
const THOROUGH = AMNESTY_1945.stages.thoroughCheckHours;
const HURRIED = AMNESTY_1945.stages.hurriedCheckHours;

/** A camp whose records department is the class: clerk seats 1 and 2, the computer not helping. */
const classCamp = (seed = 1, computerHelps = false, cases = CAMP) =>
  new AmnestyWorld(AMNESTY_1945, seed, { cases, clerkSeats: [1, 2], computerHelps });

/** Each clerk checks up to `perDay` files of their share a day, hurried, in the July 12 order, until the end. */
function clerksWork(world: AmnestyWorld, perDay: number) {
  for (let day = START; day < AMNESTY_1945.horizonDays; day++) {
    world.advanceTo(day);
    for (const seat of [1, 2])
      for (const i of world.filesAwaitingCheck(perDay, seat)) if (!world.checkFile(seat, i, false).ok) break;
  }
  world.advanceTo(AMNESTY_1945.horizonDays);
  return world.result();
}

describe("a 1945 camp a class can act in", () => {
  test("with no seats it is the batch run, however the clock is advanced", () => {
    const world = new AmnestyWorld(AMNESTY_1945, 3, { cases: CAMP });
    for (let day = 0; day <= AMNESTY_1945.horizonDays; day += 7) world.advanceTo(day);
    world.advanceTo(AMNESTY_1945.horizonDays);
    expect(world.result()).toEqual(runAmnesty(AMNESTY_1945, 3, { cases: CAMP }));
  });

  test("when the class is the records department, nobody leaves until a clerk checks a file", () => {
    const idle = classCamp();
    idle.advanceTo(AMNESTY_1945.horizonDays);
    const r = idle.result();
    expect(r.freed.total).toBe(0);
    expect(r.waitingNow.fileCheck).toBe(r.qualifying);
    // Terms to halve are still recalculated by the computer.
    expect(r.termsHalved).toBeGreaterThan(0);
  });

  test("a clerk's time: a thorough check runs over two working days, hurried ones fit many to a day", () => {
    expect(THOROUGH).toBe(2 * HOURS);
    const world = classCamp();
    world.advanceTo(START);
    const [first, ...rest] = world.filesAwaitingCheck(20, 1);
    expect(world.checkFile(1, first!, true)).toEqual({ ok: true });
    expect(world.clerkHoursLeft(1)).toBe(0);
    expect(world.checkFile(1, rest[0]!, false)).toEqual({
      ok: false,
      reason: expect.stringContaining("No working hours left today"),
    });
    world.advanceTo(START + 1);
    expect(world.clerkHoursLeft(1)).toBe(0); // the thorough check still runs
    world.advanceTo(START + 2);
    expect(world.clerkHoursLeft(1)).toBe(HOURS);
    const perDay = HOURS / HURRIED;
    for (let k = 0; k < perDay; k++) expect(world.checkFile(1, rest[k]!, false), `check ${k}`).toEqual({ ok: true });
    expect(world.checkFile(1, rest[perDay]!, false).ok).toBe(false);
    // The other clerk has time of their own.
    expect(world.clerkHoursLeft(2)).toBe(HOURS);
  });

  test("the clerks take the queue in turn: their shares never overlap and together make the whole queue", () => {
    const world = classCamp();
    world.advanceTo(START);
    const one = world.filesAwaitingCheck(50, 1);
    const two = world.filesAwaitingCheck(50, 2);
    expect(one.filter((i) => two.includes(i))).toEqual([]);
    expect([...one.slice(0, 25), ...two.slice(0, 25)].sort((a, b) => a - b)).toEqual(
      world.filesAwaitingCheck(50).sort((a, b) => a - b),
    );
  });

  test("refusals name the reason and change nothing", () => {
    const world = classCamp();
    world.advanceTo(START - 1);
    const [first] = world.filesAwaitingCheck(1);
    expect(world.checkFile(1, first!, true)).toEqual({ ok: false, reason: expect.stringContaining("July 12") });
    world.advanceTo(START);
    expect(world.checkFile(9, first!, true)).toEqual({ ok: false, reason: "Only a records clerk checks files." });
    expect(world.checkFile(1, -1, true)).toEqual({ ok: false, reason: "No such file." });
    expect(world.checkFile(1, 1.5, true)).toEqual({ ok: false, reason: "No such file." });
    expect(world.sign(first!)).toEqual({ ok: false, reason: "There is no determination to sign." });
    const untouched = classCamp();
    untouched.advanceTo(START);
    expect(world.result()).toEqual(untouched.result());
  });

  test("a seated prisoner signs their own determination; the computer signs for everyone else", () => {
    const world = classCamp();
    world.advanceTo(START);
    // Files whose hurried check sends them on to a signature (a recidivist's found file has nothing to sign).
    const files = world.filesAwaitingCheck(8, 1);
    world.seatPrisoner(files[0]!, true);
    for (const i of files) world.checkFile(1, i, false);
    const signing = files.filter((i) => world.prisoner(i).state === "awaitingSignature");
    expect(signing[0]).toBe(files[0]);
    world.advanceTo(AMNESTY_1945.horizonDays - 1);
    // Everyone else was signed for; the seated prisoner's determination waits for them.
    expect(world.prisoner(files[0]!).state).toBe("awaitingSignature");
    for (const i of signing.slice(1)) expect(world.prisoner(i).state).not.toBe("awaitingSignature");
    expect(world.sign(files[0]!)).toEqual({ ok: true });
    expect(world.prisoner(files[0]!).state).toBe("onPassportRoster");
    expect(world.sign(files[0]!).ok).toBe(false);
  });

  test("a prisoner handed back to the computer (the seat removed) is signed for", () => {
    const world = classCamp();
    world.advanceTo(START);
    const [i] = world.filesAwaitingCheck(1, 1);
    world.seatPrisoner(i!, true);
    world.checkFile(1, i!, false);
    // A hurried check finds no earlier convictions: the determination is always written.
    expect(world.prisoner(i!).state).toBe("awaitingSignature");
    world.seatPrisoner(i!, false);
    world.advanceTo(START + 1);
    expect(world.prisoner(i!).state).not.toBe("awaitingSignature");
  });

  test("a hurried check releases a recidivist a thorough one finds (the camp may later return them)", () => {
    const probe = classCamp(5, false);
    probe.advanceTo(START);
    const recidivist = probe.filesAwaitingCheck(600).find((i) => probe.hadEarlierConvictions(i));
    expect(recidivist).toBeDefined();
    expect(probe.checkFile(1, recidivist!, true)).toEqual({ ok: true });
    expect(probe.recidivistFound(recidivist!)).toBe(true);
    const hurried = classCamp(5, true); // the computer helps, so the passport and railcar steps run as usual
    hurried.advanceTo(START);
    expect(hurried.checkFile(1, recidivist!, false)).toEqual({ ok: true });
    expect(hurried.prisoner(recidivist!).state).toBe("awaitingSignature");
    hurried.advanceTo(AMNESTY_1945.horizonDays);
    expect(["returnedAfterError", "released", "inTransit", "keptOnAsLabour"]).toContain(
      hurried.prisoner(recidivist!).state,
    );
    expect(hurried.prisoner(recidivist!).freedOnDay).not.toBeNull();
  });

  test("the same seed and the same actions give the same camp; more checks a day never free fewer, on every seed", () => {
    expect(clerksWork(classCamp(2), 2)).toEqual(clerksWork(classCamp(2), 2));
    // A camp of 3,000: two clerks at one file a day each cannot finish; at three a day they get further.
    for (const seed of [1, 2, 3, 4]) {
      const slow = clerksWork(classCamp(seed, false, 3000), 1);
      const brisk = clerksWork(classCamp(seed, false, 3000), 3);
      for (let d = 0; d < slow.freedByDay.length; d++)
        expect(brisk.freedByDay[d]!, `seed ${seed}, day ${d}`).toBeGreaterThanOrEqual(slow.freedByDay[d]!);
      expect(brisk.freed.total).toBeGreaterThan(slow.freed.total);
    }
  });
});
