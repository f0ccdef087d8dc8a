import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/authz";
import { testClassRun, testInstructor } from "@/lib/testing/fixtures";
import { controlRun } from "@/lib/runs/console/control-run";
import { joinRun } from "@/lib/runs/seats/join-run";
import { seatCookieValue } from "@/lib/runs/seats/seat-access";
import { actOnCase } from "@/lib/desk/act-on-case";
import { exportRun } from "@/lib/runs/exports/export-run";
import { campOf, RunStore, runStore } from "@/lib/runs/store/store";
import { AmnestyWorld } from "@/lib/sim/amnesty/engine";
import { AMNESTY_1945 } from "@/lib/sim/amnesty/scenarios";
import { actInCamp } from "./act-in-camp";
import { startSoloRun } from "@/lib/runs/console/solo";
import { FIRST_SOLO_PACE } from "@/lib/runs/policy";
import { controlSoloRun } from "@/lib/runs/console/control-run";
import { dealPrisoners, prisonerForSeat } from "./camp-engine";
import { CAMP_PRISONERS_MAX, CAMP_PRISONERS_MIN, planCamp } from "./camp-plan";
import { campSeatsNow, getCampSeat } from "./camp-seat";
import { campNews, campStatus } from "./camp-views";
import { amnestyPrisonerMachine } from "@/machines/amnesty-1945.machine";
import { campPrisoners, campScenarioOfRun } from "./camp-scenario";

const now = Date.now();
runStore.useClock(() => now);
let owner: SessionUser;
/** A camp seed whose first prisoner seat holds someone with no earlier convictions (seed 2's has some). */
const CAMP_SEED = 1;

beforeEach(async () => {
  owner = await testInstructor("Mr. Petrov");
});

async function join(code: string, name: string) {
  const joined = await joinRun({ code, name, requestId: randomUUID() }, "203.0.113.7");
  if (!joined.ok) throw new Error(joined.error.message);
  return { ...joined, cookie: seatCookieValue(joined.seatId, joined.token) };
}

async function control(runId: string, input: Record<string, unknown>) {
  const result = await controlRun(owner, runId, input);
  if (!result.ok) throw new Error(result.error.message);
}

/**
 * A camp run of 1945 with two clerk seats and two prisoner seats, started,
 * the clock moved to July 12. The seed is pinned: which prisoner a seat holds
 * (and whether a file check finds earlier convictions) follows from it.
 */
async function campUnderWay(seed = CAMP_SEED) {
  const run = await testClassRun(owner, {
    scenarioId: "amnesty-1945",
    procuratorSeats: 2,
    petitionerSeats: 2,
    speed: 7,
    seed,
  });
  const seats = [];
  for (const name of ["Ada", "Boris", "Clara", "Dmitri"]) seats.push(await join(run.joinCode, name));
  await control(run.runId, { action: "start" });
  await control(run.runId, { action: "jump", toDate: "1945-07-13" });
  const clerks = seats.filter((s) => s.role === "procurator");
  const prisoners = seats.filter((s) => s.role === "petitioner");
  return { run, clerks, prisoners };
}

const campState = (runId: string, store: RunStore = runStore) =>
  store.readEngine(runId, (_run, engine) => JSON.stringify(campOf(engine).camp.result()));

describe("the size of a class's camp", () => {
  test("more clerks or a slower clock never give a smaller camp, and it stays within bounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 120 }), (clerks, speed) => {
        const plan = planCamp({ scenario: AMNESTY_1945, speed, clerks });
        expect(plan.prisoners).toBeGreaterThanOrEqual(CAMP_PRISONERS_MIN);
        expect(plan.prisoners).toBeLessThanOrEqual(CAMP_PRISONERS_MAX);
        expect(planCamp({ scenario: AMNESTY_1945, speed, clerks: clerks + 1 }).prisoners).toBeGreaterThanOrEqual(
          clerks === 0 ? 0 : plan.prisoners,
        );
        if (speed > 1) {
          expect(planCamp({ scenario: AMNESTY_1945, speed: speed - 1, clerks }).prisoners).toBeGreaterThanOrEqual(
            plan.prisoners,
          );
        }
        // Working briskly, the clerks get through only part of the files: the backlog is theirs.
        if (clerks > 0 && plan.prisoners < CAMP_PRISONERS_MAX && plan.prisoners > CAMP_PRISONERS_MIN) {
          expect(plan.briskChecks).toBeLessThan(plan.expectedFiles);
        }
      }),
    );
  });
});

describe("dealing prisoners to prisoner seats", () => {
  test("each seat gets a different prisoner; the first three meet the decree's three answers; the same seed deals the same", () => {
    const camp = new AmnestyWorld(AMNESTY_1945, 5, { cases: 600 });
    const seats = Array.from({ length: 8 }, (_, k) => ({ id: `s${k}`, role: "petitioner" as const }));
    const dealt = dealPrisoners(camp, 5, new Set(), seats);
    expect(new Set(dealt.map((d) => d.caseIndex)).size).toBe(8);
    const states = dealt.slice(0, 3).map((d) => camp.prisoner(d.caseIndex).state);
    expect(states).toEqual(["awaitingFileCheck", "notCovered", "awaitingRecalculation"]);
    expect(camp.prisoner(dealt[1]!.caseIndex).offence).toBe("counterRevolution");
    expect(dealPrisoners(new AmnestyWorld(AMNESTY_1945, 5, { cases: 600 }), 5, new Set(), seats)).toEqual(dealt);
    // A seat dealt later (a late joiner) gets the next in turn, never a prisoner already seated.
    const seated = new Set(dealt.map((d) => d.caseIndex));
    const late = prisonerForSeat(camp, 5, seated.size, seated);
    expect(late).not.toBeNull();
    expect(seated.has(late!)).toBe(false);
  });
});

describe("what a camp seat says", () => {
  test("every state of the machine speaks to the prisoner as “you”, with the state's source", () => {
    for (const state of Object.keys(amnestyPrisonerMachine.states)) {
      const status = campStatus(state);
      expect(status.text, state).toMatch(/\b[Yy]ou/);
      expect(status.text, state).not.toMatch(/the prisoner|this person/);
      expect(status.source).toBe("alexopoulos-1945");
    }
  });

  test("“left the camp” counts only those out of it: the freed are those gone, those kept on and those brought back", () => {
    for (const seed of [1, 2, 3]) {
      const camp = new AmnestyWorld(AMNESTY_1945, seed, { cases: 800 });
      camp.advanceTo(AMNESTY_1945.horizonDays);
      const news = campNews(camp, AMNESTY_1945);
      expect(news.left + news.keptOn + news.returned, `seed ${seed}`).toBe(news.freed);
      expect(news.headline).toContain(`${news.left.toLocaleString("en-GB")} have left the camp`);
    }
  });
});

describe("a 1945 camp alone", () => {
  test("a solo clerk gets a camp sized for one; a solo prisoner is dealt one at once; the seat steers the clock", async () => {
    for (const role of ["procurator", "petitioner"] as const) {
      const solo = await startSoloRun({ scenarioId: "amnesty-1945", role }, `198.51.100.${role.length}`);
      if (!solo.ok) throw new Error(solo.error.message);
      const row = await db.run.findUniqueOrThrow({ where: { id: solo.runId } });
      expect(row.ownerId).toBeNull();
      expect(campPrisoners(campScenarioOfRun(row)!)).toBe(
        planCamp({ scenario: AMNESTY_1945, speed: FIRST_SOLO_PACE, clerks: role === "procurator" ? 1 : 0 }).prisoners,
      );
      const cookie = seatCookieValue(solo.seatId, solo.token);
      const seat = await getCampSeat(solo.runId, cookie);
      if (!seat.ok) throw new Error(seat.error.message);
      expect(seat.data.solo).toBe(true);
      expect(seat.data.view?.kind).toBe(role === "procurator" ? "clerk" : "prisoner");
      expect(await controlSoloRun(solo.runId, cookie, { action: "pause" })).toEqual({ ok: true });
    }
  });
});

describe("a class plays a 1945 camp", () => {
  test("the run freezes the camp at the planned size; seats are clerks and prisoners; each prisoner is dealt one", async () => {
    const { run, clerks, prisoners } = await campUnderWay();
    const row = await db.run.findUniqueOrThrow({ where: { id: run.runId } });
    const scenario = campScenarioOfRun(row)!;
    expect(campPrisoners(scenario)).toBe(planCamp({ scenario: AMNESTY_1945, speed: 7, clerks: 2 }).prisoners);
    expect([clerks.length, prisoners.length]).toEqual([2, 2]);
    for (const p of prisoners) {
      const seat = await getCampSeat(run.runId, p.cookie);
      expect(seat.ok && seat.data.view?.kind).toBe("prisoner");
    }
    const desk = await getCampSeat(run.runId, clerks[0]!.cookie);
    expect(desk.ok && desk.data.view?.kind === "clerk" && desk.data.view.files.length).toBeGreaterThan(0);
  });

  test("with clerks seated, nobody leaves unless a clerk checks a file; a check moves it on, and survives a restart", async () => {
    const { run, clerks } = await campUnderWay();
    await control(run.runId, { action: "jump", toDate: "1945-08-01" });
    const before = await runStore.readEngine(run.runId, (_r, e) => campOf(e).camp.result());
    expect(before.freed.total).toBe(0);
    const desk = await getCampSeat(run.runId, clerks[0]!.cookie);
    if (!desk.ok || desk.data.view?.kind !== "clerk") throw new Error("no clerk desk");
    const file = desk.data.view.files[0]!.index;
    const checked = await actInCamp(run.runId, clerks[0]!.cookie, {
      requestId: randomUUID(),
      action: "check",
      file,
      thorough: true,
    });
    expect(checked).toMatchObject({ ok: true });
    const state = await runStore.readEngine(run.runId, (_r, e) => campOf(e).camp.prisoner(file).state);
    expect(["awaitingSignature", "excludedAsRecidivist"]).toContain(state);
    // A fresh process rebuilds the same camp from the log.
    const fresh = new RunStore();
    fresh.useClock(() => now);
    expect(await campState(run.runId, fresh)).toBe(await campState(run.runId));
  });

  test("every check is on the server: refusals say why and change nothing", async () => {
    const { run, clerks, prisoners } = await campUnderWay();
    const desk = await getCampSeat(run.runId, clerks[0]!.cookie);
    if (!desk.ok || desk.data.view?.kind !== "clerk") throw new Error("no clerk desk");
    const file = desk.data.view.files[0]!.index;
    const seqBefore = (await db.run.findUniqueOrThrow({ where: { id: run.runId } })).seq;
    const stateBefore = await campState(run.runId);
    const tries: [string | undefined, unknown, string][] = [
      [prisoners[0]!.cookie, { requestId: randomUUID(), action: "check", file, thorough: true }, "forbidden"],
      [clerks[0]!.cookie, { requestId: randomUUID(), action: "sign" }, "forbidden"],
      [undefined, { requestId: randomUUID(), action: "check", file, thorough: true }, "forbidden"],
      [clerks[0]!.cookie, { requestId: randomUUID(), action: "check", file: 10_000_000, thorough: true }, "refused"],
      [clerks[0]!.cookie, { requestId: randomUUID(), action: "check", file: "7", thorough: true }, "invalid"],
      [prisoners[0]!.cookie, { requestId: randomUUID(), action: "sign" }, "refused"],
    ];
    for (const [cookie, body, code] of tries) {
      const result = await actInCamp(run.runId, cookie, body);
      expect(result.ok ? "ok" : result.error.code, JSON.stringify(body)).toBe(code);
    }
    // The 1954–55 desk's actions and exports refuse a camp run clearly.
    await expect(
      actOnCase(run.runId, clerks[0]!.cookie, {
        requestId: randomUUID(),
        caseIndex: 0,
        expectedVersion: 0,
        action: { type: "desk.read" },
      }),
    ).resolves.toMatchObject({ ok: false });
    expect(await exportRun(owner, run.runId, { format: "csv" })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    expect((await db.run.findUniqueOrThrow({ where: { id: run.runId } })).seq).toBe(seqBefore);
    expect(await campState(run.runId)).toBe(stateBefore);
  });

  test("a prisoner signs their own determination once a clerk has checked their file", async () => {
    const { run, clerks, prisoners } = await campUnderWay();
    // The first prisoner seat holds someone the decree frees; every clerk sees that file among classmates' prisoners.
    const own = await db.seatCase.findFirstOrThrow({ where: { runId: run.runId, seatId: prisoners[0]!.seatId } });
    const covered = await runStore.readEngine(run.runId, (_r, e) => campOf(e).camp.prisoner(own.caseIndex).state);
    expect(covered).toBe("awaitingFileCheck");
    // The pinned seed's first prisoner has no earlier convictions, so the check sends the file on to be signed.
    const recidivist = await runStore.readEngine(run.runId, (_r, e) =>
      campOf(e).camp.hadEarlierConvictions(own.caseIndex),
    );
    expect(recidivist).toBe(false);
    for (const clerk of clerks) {
      const desk = await getCampSeat(run.runId, clerk.cookie);
      if (!desk.ok || desk.data.view?.kind !== "clerk") throw new Error("no clerk desk");
      expect(desk.data.view.classmates.map((f) => f.index)).toContain(own.caseIndex);
    }
    const checked = await actInCamp(run.runId, clerks[0]!.cookie, {
      requestId: randomUUID(),
      action: "check",
      file: own.caseIndex,
      thorough: true,
    });
    expect(checked.ok).toBe(true);
    const seat = await getCampSeat(run.runId, prisoners[0]!.cookie);
    if (!seat.ok || seat.data.view?.kind !== "prisoner") throw new Error("no prisoner view");
    expect(seat.data.view.status.state).toBe("awaitingSignature");
    expect(seat.data.view.canSign).toBe(true);
    const signed = await actInCamp(run.runId, prisoners[0]!.cookie, { requestId: randomUUID(), action: "sign" });
    expect(signed.ok).toBe(true);
    const after = await runStore.readEngine(run.runId, (_r, e) => campOf(e).camp.prisoner(own.caseIndex).state);
    expect(after).toBe("onPassportRoster");
    // The clerk's desk counts their own checks; what a hurried check let through is told only at the end.
    const desk = await getCampSeat(run.runId, clerks[0]!.cookie);
    if (!desk.ok || desk.data.view?.kind !== "clerk") throw new Error("no clerk desk");
    expect(desk.data.view.mine).toEqual({ checked: 1, thorough: 1, hurried: 0 });
    // The teacher's list of seats says the same, and where the prisoner is.
    const now = await campSeatsNow(run.runId);
    expect(now.get(clerks[0]!.seatId)).toBe("1 checked (1 thorough, 0 hurried)");
    expect(now.get(clerks[1]!.seatId)).toBe("0 checked (0 thorough, 0 hurried)");
    expect(now.get(prisoners[0]!.seatId)).toBe("On the passport roster");
    expect(desk.data.view.hurriedErrors).toBeNull();
    await control(run.runId, { action: "end" });
    const ended = await getCampSeat(run.runId, clerks[0]!.cookie);
    if (!ended.ok || ended.data.view?.kind !== "clerk") throw new Error("no clerk desk");
    expect(ended.data.view.hurriedErrors).toEqual({ letThrough: 0, returned: 0 });
  });
});
