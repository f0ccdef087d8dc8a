import { describe, expect, test } from "vitest";
import { AmnestyWorld, runAmnesty } from "./engine";
import { AMNESTY_1945 } from "./scenarios";

const CAMP = 600;
const START = AMNESTY_1945.stages.recordsStartDay;
const HOURS = AMNESTY_1945.stages.clerkHoursPerDay;
const THOROUGH = AMNESTY_1945.stages.thoroughCheckHours;

/** A camp whose records department is the class: clerk seats 1 and 2, the computer not helping. */
const classCamp = (seed = 1, computerHelps = false, cases = CAMP) =>
  new AmnestyWorld(AMNESTY_1945, seed, { cases, clerkSeats: [1, 2], computerHelps });

/** Each clerk checks up to `perDay` files a day, thoroughly, in the July 12 order, until the end. */
function clerksWork(world: AmnestyWorld, perDay: number) {
  for (let day = START; day < AMNESTY_1945.horizonDays; day++) {
    world.advanceTo(day);
    for (const seat of [1, 2])
      for (const i of world.filesAwaitingCheck(perDay)) if (!world.checkFile(seat, i, true).ok) break;
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

  test("a clerk's day has hours: thorough checks until they run out, then a reason; new hours the next day", () => {
    const world = classCamp();
    world.advanceTo(START);
    const files = world.filesAwaitingCheck(10);
    const fits = Math.floor(HOURS / THOROUGH);
    for (let k = 0; k < fits; k++) expect(world.checkFile(1, files[k]!, true)).toEqual({ ok: true });
    expect(world.clerkHoursLeft(1)).toBe(HOURS - fits * THOROUGH);
    const refused = world.checkFile(1, files[fits]!, true);
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining("Not enough hours left today") });
    // The other clerk has a day of their own; tomorrow the first has theirs again.
    expect(world.checkFile(2, files[fits]!, true)).toEqual({ ok: true });
    world.advanceTo(START + 1);
    expect(world.clerkHoursLeft(1)).toBe(HOURS);
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

  test("a seated prisoner signs the determination once it is written, and goes on to the passport roster", () => {
    const world = classCamp();
    world.advanceTo(START);
    // The first file whose thorough check finds nothing against the person (a recidivist's has nothing to sign).
    let i = -1;
    for (const file of world.filesAwaitingCheck(Math.floor(HOURS / THOROUGH))) {
      world.checkFile(1, file, true);
      if (world.prisoner(file).state === "awaitingSignature") {
        i = file;
        break;
      }
    }
    expect(i).toBeGreaterThanOrEqual(0);
    expect(world.sign(i)).toEqual({ ok: true });
    expect(world.prisoner(i).state).toBe("onPassportRoster");
    expect(world.sign(i).ok).toBe(false);
  });

  test("a hurried check releases a recidivist a thorough one finds (the camp may later return them)", () => {
    // Find a recidivist among the first files with a thorough check, then hurry the same file in the same camp.
    const probe = classCamp(5, false);
    probe.advanceTo(START);
    let recidivist = -1;
    for (const [k, i] of probe.filesAwaitingCheck(200).entries()) {
      probe.advanceTo(START + Math.floor(k / 8));
      if (probe.checkFile(1 + (k % 2), i, true).ok && probe.recidivistFound(i)) {
        recidivist = i;
        break;
      }
    }
    expect(recidivist).toBeGreaterThanOrEqual(0);
    const hurried = classCamp(5, true); // the computer helps, so the passport and railcar steps run as usual
    hurried.advanceTo(START);
    expect(hurried.checkFile(1, recidivist, false)).toEqual({ ok: true });
    expect(hurried.prisoner(recidivist).state).toBe("awaitingSignature");
    hurried.advanceTo(AMNESTY_1945.horizonDays);
    expect(["returnedAfterError", "released", "inTransit", "keptOnAsLabour"]).toContain(
      hurried.prisoner(recidivist).state,
    );
    expect(hurried.prisoner(recidivist).freedOnDay).not.toBeNull();
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
