import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { DESK_COSTS } from "@/lib/desk/work";
import { customScenarioForm } from "@/lib/testing/fixtures";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/config";
import { fail } from "@/lib/failure";
import { RULING_LABELS } from "@/lib/labels";
import { DRIVER_KINDS } from "@/lib/sim/engine";
import { hashString } from "@/lib/sim/rng";
import type { World } from "@/lib/sim/engine";
import { actOnCase } from "@/lib/desk/act-on-case";
import { createRun } from "@/lib/runs/console/create-run";
import { controlRun, controlSoloRun, NOTHING_MORE_COMES, RUN_NOT_FOUND } from "@/lib/runs/console/control-run";
import { getSeatView, seatDesk } from "@/lib/runs/seat-view/get-seat-view";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { loadRunHistory, readRunLog } from "@/lib/runs/history/run-history";
import { consoleData } from "@/lib/runs/console/console";
import { replayRun } from "@/lib/runs/history/history";
import { exportRun, exportSource } from "@/lib/runs/exports/export-run";
import { debriefPrompts, PROMPTS_MAX } from "@/lib/runs/debrief/prompts";
import { saveDebriefPrompts } from "@/lib/runs/debrief/save-prompts";
import { startSoloRun } from "@/lib/runs/console/solo";
import { purgeExpiredRuns } from "@/lib/runs/store/retention";
import { findCustomScenario, saveCustomScenario } from "@/lib/runs/store/custom-scenarios";
import { getRunForOwner } from "@/lib/runs/store/queries";
import {
  completeLogRows,
  LOG_COLUMNS,
  NOTED_LETTER,
  RUN_CASE_ID,
  simTimestamp,
  TEXT_COLUMN,
} from "@/lib/runs/exports/exports";
import Papa from "papaparse";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { findScenario, SCENARIOS } from "@/lib/sim/scenarios";
import { joinRun } from "@/lib/runs/seats/join-run";
import { UNKNOWN_CODE } from "@/lib/runs/seats/run-for-code";
import { pauseInterruptedRuns } from "@/lib/runs/store/pause-interrupted-runs";
import {
  CHECKPOINT_EVERY,
  CHECKPOINT_MIN_GAP_MS,
  FIRST_SOLO_PACE,
  MAX_RUN_CASES,
  SKIP_AHEAD_MAX_DAYS,
  SOLO_PACES,
  TICK_MS,
} from "./policy";
import { clockView } from "@/lib/runs/seat-view/views";
import { planDistrict } from "./district-plan";
import { rejoinSeat } from "@/lib/runs/seats/rejoin-seat";
import { seatCookieValue } from "@/lib/runs/seats/seat-access";
import { RunStore, runStore } from "@/lib/runs/store/store";
import type { SeatAction } from "./validation";
import { seatViewKey, type CaseView } from "@/lib/runs/seat-view/views";
import { arrivals } from "@/lib/runs/seat-view/inbox";
import { seatReveal } from "@/lib/runs/seat-view/reveal";
import { studentReport } from "@/lib/runs/console/student-report";
import { EXTRAJUDICIAL_ORGANS } from "@/machines/vocabulary";

let now = Date.now();
runStore.useClock(() => now);

let owner: SessionUser;
let other: SessionUser;
let address: string;

async function instructor(name: string): Promise<SessionUser> {
  const user = await db.user.create({
    data: { name, email: `${randomUUID()}@school.org`, passwordHash: "x" },
  });
  return { id: user.id, name: user.name, email: user.email, role: "instructor" };
}

beforeEach(async () => {
  owner = await instructor("Ms. Okafor");
  other = await instructor("Dr. Levin");
  address = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
});

afterEach(() => {
  now += 60_000;
});

async function newRun(overrides: Record<string, unknown> = {}) {
  const result = await createRun(owner, {
    title: "Period 3",
    scenarioId: "rostov-1954",
    procuratorSeats: 1,
    petitionerSeats: 3,
    speed: 60,
    ...overrides,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

/** Files on each student procurator's desk: the run's district plan (lib/runs/district-plan.ts). */
async function deskFiles(runId: string): Promise<number> {
  return (await db.run.findUniqueOrThrow({ where: { id: runId }, select: { deskFiles: true } })).deskFiles;
}

type Attr = { "@_key": string; "@_value": string };
const attrOf = (list: Attr[] | undefined, key: string) => list?.find((a) => a["@_key"] === key)?.["@_value"];

async function join(code: string, name = "Sam") {
  const result = await joinRun({ code, name, requestId: randomUUID() }, address);
  if (!result.ok) throw new Error(result.error.message);
  return { ...result, cookie: seatCookieValue(result.seatId, result.token) };
}

async function seatCases(runId: string, cookie: string): Promise<CaseView[]> {
  const view = await getSeatView(runId, cookie);
  if (!view.ok) throw new Error(view.error.message);
  return view.view.cases;
}

async function worldHash(runId: string, store: RunStore = runStore): Promise<number> {
  return store.read(runId, (_run, world) => hashString(JSON.stringify(world.save())));
}

async function control(runId: string, input: Record<string, unknown>, user = owner) {
  const result = await controlRun(user, runId, input);
  if (!result.ok) throw new Error(result.error.message);
}

describe("creating a run", () => {
  test("bad input is refused with a message per field and nothing is stored", async () => {
    const before = await db.run.count();
    const result = await createRun(owner, { title: " ", scenarioId: "atlantis", procuratorSeats: -1, speed: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid");
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual([
      "petitionerSeats",
      "procuratorSeats",
      "scenarioId",
      "speed",
      "title",
    ]);
    expect(await db.run.count()).toBe(before);
  });

  test("a prologue and an epilogue the teacher switched on: the prologue on every seat, the epilogue once the run is over", async () => {
    const framed = await newRun({ prologue: "on", epilogue: "on", seed: 7 });
    const plain = await newRun({ seed: 7 });
    const stored = await db.run.findUniqueOrThrow({ where: { id: framed.runId } });
    expect([stored.prologue, stored.epilogue]).toEqual([true, true]);
    const procurator = await join(framed.joinCode, "Ana");
    const petitioner = await join(framed.joinCode, "Ben");
    const view = async (runId: string, cookie: string) => {
      const v = await getSeatView(runId, cookie);
      if (!v.ok) throw new Error(v.error.message);
      return v.view;
    };
    const lobby = await view(framed.runId, petitioner.cookie);
    expect(lobby.prologue?.title).toBe("Prologue: the amnesty of March 1953");
    expect(lobby.epilogue).toBeUndefined();
    await control(framed.runId, { action: "start" });
    // Once cases are dealt, a petitioner hears about their own case; a procurator about the desk.
    const seats = [await view(framed.runId, petitioner.cookie), await view(framed.runId, procurator.cookie)];
    const asPetitioner = seats.find((v) => v.seat.role === "petitioner")!;
    expect(asPetitioner.prologue!.sections.at(-1)!.lines[0]!.text).toContain(asPetitioner.cases[0]!.label);
    const asProcurator = seats.find((v) => v.seat.role === "procurator")!;
    expect(asProcurator.prologue!.sections.at(-1)!.heading).toBe("Your desk");
    expect(asPetitioner.epilogue).toBeUndefined();
    await control(framed.runId, { action: "end" });
    const ended = [await view(framed.runId, petitioner.cookie), await view(framed.runId, procurator.cookie)];
    const after = ended.find((v) => v.seat.role === "petitioner")!;
    expect(after.epilogue?.title).toBe("Epilogue: February 1956");
    expect(after.epilogue!.sections.at(-1)!.lines[0]!.text).toContain(after.cases[0]!.label);
    // A desk's cases are counted by ending, not repeated one by one.
    const desk = ended.find((v) => v.seat.role === "procurator")!;
    for (const line of desk.epilogue!.sections.at(-1)!.lines) expect(line.text).toMatch(/^\d+ cases?: /);
    // Switched off (the default): neither.
    const other = await join(plain.joinCode, "Cai");
    const none = await view(plain.runId, other.cookie);
    expect([none.prologue, none.epilogue]).toEqual([undefined, undefined]);
  });

  test("more seats than a scenario has cases for is refused", async () => {
    const result = await createRun(owner, {
      title: "Big class",
      scenarioId: "tomsk-1955",
      procuratorSeats: 0,
      petitionerSeats: 36,
      speed: 7,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors?.petitionerSeats).toMatch(/35 cases/);
  });

  test("a JSON body's empty, null, true or [n] is not a number of seats or a speed", async () => {
    const before = await db.run.count();
    for (const bad of ["", " ", null, true, [3], {}]) {
      const base = { title: "Period 3", scenarioId: "tomsk-1955", procuratorSeats: 1, petitionerSeats: 3, speed: 60 };
      for (const field of ["procuratorSeats", "petitionerSeats", "speed"]) {
        const result = await createRun(owner, { ...base, [field]: bad });
        expect(
          result.ok === false && Object.keys(result.error.fieldErrors ?? {}),
          `${field}: ${JSON.stringify(bad)}`,
        ).toContain(field);
      }
    }
    expect(await db.run.count()).toBe(before);
    // A form's text of a number still counts.
    expect((await newRun({ procuratorSeats: "1", petitionerSeats: " 3 ", speed: "60" })).ok).toBe(true);
  });

  test("a join code has six characters from the unambiguous alphabet", async () => {
    const { joinCode } = await newRun();
    expect(joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
  });
});

describe("joining", () => {
  test("bad codes, empty and over-long names each get their message and change nothing", async () => {
    const { joinCode, runId } = await newRun();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ code: "", name: "Sam" }, /Enter the class code/],
      [{ code: "ABC", name: "Sam" }, /6 letters and digits/],
      [{ code: "ZZZZZZ", name: "Sam" }, /not a class code/],
      [{ code: joinCode, name: "   " }, /Enter a name/],
      [{ code: joinCode, name: "x".repeat(41) }, /at most 40/],
      // Bidirectional controls are removed (lib/text.ts); other invisible characters are refused.
      [{ code: joinCode, name: "Sam\u200B" }, /ordinary punctuation/],
      [{ code: joinCode, name: "\u202E\u202C" }, /Enter a name/],
      [{ code: joinCode, name: "Sam\u0000" }, /cannot be saved/],
      [{ code: joinCode, name: "Sam\uD800" }, /cannot be saved/],
      [{ code: joinCode, name: 42 }, /Enter a name/],
      [{ code: joinCode }, /Enter a name/],
    ];
    for (const [input, message] of cases) {
      const result = await joinRun({ requestId: randomUUID(), ...input }, address);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: "invalid", message: expect.stringMatching(message) });
    }
    const unknown = await joinRun(
      { code: joinCode === "AAAAAA" ? "CCCCCC" : "AAAAAA", name: "Sam", requestId: randomUUID() },
      address,
    );
    expect(unknown.ok === false && unknown.error).toEqual({
      code: "notFound",
      message: UNKNOWN_CODE,
      fieldErrors: { code: UNKNOWN_CODE },
    });
    expect(await db.seat.count({ where: { runId } })).toBe(0);
  });

  test("codes are read without regard to case, spaces or dashes", async () => {
    const { joinCode } = await newRun();
    const messy = ` ${joinCode.slice(0, 3).toLowerCase()}-${joinCode.slice(3)} `;
    expect((await joinRun({ code: messy, name: "Ann", requestId: randomUUID() }, address)).ok).toBe(true);
  });

  test("a replayed join request is refused and creates no second seat", async () => {
    const { joinCode, runId } = await newRun();
    const request = { code: joinCode, name: "Sam", requestId: randomUUID() };
    expect((await joinRun(request, address)).ok).toBe(true);
    const again = await joinRun(request, address);
    expect(again.ok === false && again.error.code).toBe("replayed");
    expect(await db.seat.count({ where: { runId } })).toBe(1);
  });

  test("roles are balanced over the seats the teacher set, and a full class says so", async () => {
    const { joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 2 });
    const roles = [];
    for (let k = 0; k < 3; k++) roles.push((await join(joinCode, `S${k}`)).role);
    expect(roles.sort()).toEqual(["petitioner", "petitioner", "procurator"]);
    const full = await joinRun({ code: joinCode, name: "Late", requestId: randomUUID() }, address);
    expect(full.ok === false && full.error.code).toBe("conflict");
    expect(full.ok === false && full.error.message).toMatch(/full: all 3 seats are taken/);
  });

  test("an archived run's code stops working", async () => {
    const { joinCode, runId } = await newRun();
    await control(runId, { action: "start" });
    await control(runId, { action: "end" });
    await control(runId, { action: "archive" });
    const result = await joinRun({ code: joinCode, name: "Sam", requestId: randomUUID() }, address);
    expect(result.ok === false && result.error.message).toBe(UNKNOWN_CODE);
  });
});

describe("seats", () => {
  test("the rejoin code returns the same seat; a second browser is told the seat is in use", async () => {
    const { joinCode, runId } = await newRun();
    const first = await join(joinCode);
    const held = await rejoinSeat({ code: joinCode, rejoinCode: first.rejoinCode }, address);
    expect(held.ok === false && held.error.code).toBe("held");
    expect(held.ok === false && held.error.message).toMatch(/open in another browser/);
    const moved = await rejoinSeat({ code: joinCode, rejoinCode: first.rejoinCode, takeOver: true }, address);
    expect(moved.ok && moved.seatId).toBe(first.seatId);
    // The first browser's cookie no longer works; the second one's does.
    expect((await getSeatView(runId, first.cookie)).ok).toBe(false);
    if (moved.ok) expect((await getSeatView(runId, seatCookieValue(moved.seatId, moved.token))).ok).toBe(true);
  });

  test("a seat cannot open another run, and a forged cookie opens nothing", async () => {
    const a = await newRun();
    const b = await newRun();
    const seat = await join(a.joinCode);
    const other = await getSeatView(b.runId, seat.cookie);
    expect(other.ok === false && other.error.code).toBe("forbidden");
    expect(other.ok === false && other.otherRunId).toBe(a.runId);
    const forged = await getSeatView(a.runId, seatCookieValue(seat.seatId, "not-the-token"));
    expect(forged.ok === false && forged.error.code).toBe("forbidden");
  });

  test("a run that does not exist is not found, whoever asks", async () => {
    const { joinCode } = await newRun();
    const seat = await join(joinCode);
    for (const cookie of [undefined, seat.cookie]) {
      const result = await getSeatView("no-such-run", cookie);
      expect(result.ok === false && result.error.code).toBe("notFound");
    }
  });

  test("starting the run deals each seat its cases, the petitioners' on the procurator's desk", async () => {
    const { joinCode, runId } = await newRun({ procuratorSeats: 1, petitionerSeats: 2 });
    const seats = [await join(joinCode, "A"), await join(joinCode, "B"), await join(joinCode, "C")];
    expect(await seatCases(runId, seats[0]!.cookie)).toEqual([]);
    await control(runId, { action: "start" });
    const dealt = await Promise.all(seats.map((s) => seatCases(runId, s.cookie)));
    const counts = seats.map((s, k) => [s.role, dealt[k]!.length]);
    expect(counts.sort()).toEqual([
      ["petitioner", 1],
      ["petitioner", 1],
      ["procurator", 6],
    ]);
    // The class is the commission: each petitioner's case is on the procurator's desk, nobody else's.
    const byRole = (role: string) =>
      dealt
        .filter((_, k) => seats[k]!.role === role)
        .flat()
        .map((c) => c.index);
    const desk = new Set(byRole("procurator"));
    expect(byRole("petitioner").every((i) => desk.has(i))).toBe(true);
    expect(new Set(byRole("petitioner")).size).toBe(2);
  });
});

/** A complaint action from the seat for case `c`, with its letter. */
const letter = (
  c: CaseView,
  addressee = "provincialProcuracy",
  body: unknown = "I was sentenced for a joke.",
  more: Record<string, string> = {},
) => ({
  requestId: randomUUID(),
  caseIndex: c.index,
  expectedVersion: c.version,
  action: { type: "complaint.file", addressee, grounds: "innocence", carrier: "self", ask: "release", ...more },
  letter: body,
});

describe("acting on cases", () => {
  async function runningWithPetitioner(overrides: Record<string, unknown> = {}) {
    const run = await newRun(overrides);
    const seat = await join(run.joinCode);
    const petitioner = seat.role === "petitioner" ? seat : await join(run.joinCode, "P2");
    await control(run.runId, { action: "start" });
    const [theCase] = await seatCases(run.runId, petitioner.cookie);
    return { ...run, petitioner, theCase: theCase! };
  }

  test("a desk read from the cached world without queueing sees what a queued read sees, and the clock still moves", async () => {
    const { runId, petitioner } = await runningWithPetitioner();
    // The clock, the row, and every case's version (the world's whole state would be slow to compare).
    const state = (run: { simDay: number; version: number; seq: number }, world: World) =>
      `${run.simDay}|${run.version}|${run.seq}|${world.now}|` +
      Array.from({ length: world.caseCount }, (_, i) => world.caseVersion(i)).join(",");
    const queued = vi.spyOn(runStore, "read");
    let straight = 0;
    // Ticks due and not, letters written and not: the cached read never lags the queued one.
    for (const step of [0, 1, 0, 3, 2, 0, 1, 0, 0, 2]) {
      now += (step * TICK_MS) / 2;
      if (step === 2) {
        const [c] = await seatCases(runId, petitioner.cookie);
        await actOnCase(runId, petitioner.cookie, letter(c!));
      }
      const before = queued.mock.calls.length;
      const cached = await runStore.readCurrent(runId, state);
      if (queued.mock.calls.length === before) straight++;
      expect(cached).toBe(await runStore.read(runId, state));
    }
    // With one writer (SQLite) some reads go straight to the cache; on PostgreSQL, where other instances
    // may write the run too, every read goes through the run's queue and row.
    if (databaseKind() === "postgresql") expect(straight).toBe(0);
    else expect(straight).toBeGreaterThan(0);
    queued.mockRestore();
  });

  test("a desk read (seat, cases and letters fetched in one call) equals the desk built query by query", async () => {
    const { runId, joinCode } = await newRun({ seed: 3, procuratorSeats: 2, petitionerSeats: 3 });
    const cookies = [];
    for (const name of ["A", "B", "C", "D", "E"]) cookies.push((await join(joinCode, name)).cookie);
    await control(runId, { action: "start" });
    const seats = (await db.seat.findMany({ where: { runId } })).map((seat) => withSeatRole(seat, runId));
    const cookieOf = new Map(cookies.map((cookie) => [cookie.slice(0, cookie.indexOf(".")), cookie]));
    let written = 0;
    // Letters to several addressees, so each desk holds several of its own and procurators' inboxes fill.
    for (const addressee of ["provincialProcuracy", "kgb", "generalProcurator", "presidium"]) {
      for (const seat of seats.filter((s) => s.role === "petitioner")) {
        const [c] = await seatCases(runId, cookieOf.get(seat.id)!);
        if ((await actOnCase(runId, cookieOf.get(seat.id)!, letter(c!, addressee, `${addressee} ${seat.number}`))).ok) {
          written++;
        }
      }
      now += 40 * TICK_MS; // forty simulated days: letters travel, arrive, are answered
      for (const seat of seats) {
        const read = await getSeatView(runId, cookieOf.get(seat.id)!);
        expect(read.ok && { view: read.view, letters: read.letters, protocols: read.protocols }).toEqual(
          await seatDesk(runId, seat),
        );
      }
    }
    expect(written).toBeGreaterThan(3);
  });

  test("a petitioner's desk never shows where the case sits inside the machine", async () => {
    const { runId, petitioner, theCase } = await runningWithPetitioner();
    expect((await actOnCase(runId, petitioner.cookie, letter(theCase))).ok).toBe(true);
    for (let k = 0; k < 12; k++) {
      now += 20 * TICK_MS; // twenty simulated days at a time
      const view = await getSeatView(runId, petitioner.cookie);
      if (!view.ok) throw new Error(view.error.message);
      const seen = view.view.cases[0]!;
      expect(seen.stage).toBeNull();
      expect(seen.state).not.toMatch(/camp chief|never arrived|clerk|procurator's desk|list/i);
    }
  });

  test("a petitioner's desk changes only when something they can know changes, and never names a hidden state", async () => {
    // A pinned seed whose case moves through several hidden states in the window; no student procurator,
    // so the computer's desks decide (a classmate's desk would hold it until they act).
    const { runId, petitioner, theCase, joinCode } = await runningWithPetitioner({
      seed: 2,
      procuratorSeats: 0,
      petitionerSeats: 2,
    });
    const other = await join(joinCode, "Other");
    const secret = "My private letter: the interrogator beat me.";
    const friend = letter(theCase, "provincialProcuracy", secret, { carrier: "friend", grounds: "noEvidence" });
    expect((await actOnCase(runId, petitioner.cookie, friend)).ok).toBe(true);
    const hidden = new Set<string>();
    let previous: { version: number; visible: string; key: string } | null = null;
    let versions = 0;
    for (let day = 0; day < 230; day++) {
      now += TICK_MS; // one simulated day
      const view = await getSeatView(runId, petitioner.cookie);
      if (!view.ok) throw new Error(view.error.message);
      const seen = view.view.cases[0]!;
      hidden.add(await runStore.read(runId, (_, world) => world.caseState(theCase.index).path));
      const json = JSON.stringify(view);
      // No machine path, stage or inner description ever reaches the petitioner (the general
      // "why is nothing happening?" is built from the addressee and the days waited alone).
      for (const path of DRIVER_KINDS) expect(json).not.toContain(path);
      expect(JSON.stringify({ ...view, view: { ...view.view, cases: [{ ...seen, why: [] }] } })).not.toMatch(
        /camp chief|never arrived|clerk|procurator's desk|"stage":"|forwarded|registered/i,
      );
      expect(seen.stage).toBeNull();
      // Same version ⇔ the same things known (what came back, the headline, what can be done): a hidden
      // move inside the machine must not show, not even as a new version.
      const visible = JSON.stringify([seen.received?.map((r) => r.title), seen.stageLabel, seen.petition]);
      // The live stream's key for this desk (minus its status, role and day) follows the same rule.
      const key = await runStore.read(runId, (run, world) =>
        seatViewKey(world, run.status, "petitioner", [theCase.index], 0).split("|").slice(3).join("|"),
      );
      if (previous) {
        expect(visible === previous.visible).toBe(previous.version === seen.version);
        expect(key === previous.key).toBe(previous.version === seen.version);
        if (previous.version !== seen.version) versions++;
      }
      previous = { version: seen.version, visible, key };
      // Another seat of the same class never sees the letter.
      const theirs = await getSeatView(runId, other.cookie);
      expect(JSON.stringify(theirs)).not.toContain(secret);
    }
    // The case did move inside the machine meanwhile (registered, then on through the review),
    // and something did come back to the petitioner at least once.
    expect(hidden.size).toBeGreaterThan(3);
    expect(versions).toBeGreaterThan(0);
  });

  test("a petitioner's letter moves their case on, with its grounds and carrier in the log", async () => {
    const { runId, petitioner, theCase } = await runningWithPetitioner();
    expect(theCase.petition?.canWrite).toBe(true);
    const result = await actOnCase(
      runId,
      petitioner.cookie,
      letter(theCase, "presidium", "Mercy.", { grounds: "mercy", carrier: "relative", ask: "liveWithFamily" }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.case.stageLabel).toBe("You wrote to the Presidium of the Supreme Soviet (Voroshilov)");
    if (result.ok) expect(result.letter).toMatchObject({ askLabel: "The right to live with my family" });
    const entry = await db.runEvent.findFirstOrThrow({ where: { runId, type: "case.act" } });
    expect(JSON.parse(entry.payload)).toMatchObject({ petition: { grounds: "mercy", carrier: "relative" } });
    expect(await runStore.read(runId, (_, world) => world.caseState(theCase.index).path)).toBe("complaint.inTransit");
  });

  test("a petitioner may always write; a letter the machine cannot take joins the pile and looks the same", async () => {
    const { runId, petitioner, theCase } = await runningWithPetitioner();
    const first = await actOnCase(runId, petitioner.cookie, letter(theCase, "kgb"));
    const withoutStories = () =>
      runStore.read(runId, (_, world) => JSON.stringify({ ...world.save(), history: undefined }));
    const before = await withoutStories();
    // The first is still on its way: the second changes nothing in the machine, but is kept and shown.
    const second = await actOnCase(runId, petitioner.cookie, letter(theCase, "presidium"));
    expect(first.ok && second.ok).toBe(true);
    expect(await db.runEvent.count({ where: { runId, type: "letter.write" } })).toBe(1);
    expect(await runStore.read(runId, (_, world) => world.caseState(theCase.index).path)).toBe("complaint.inTransit");
    if (first.ok && second.ok) {
      expect(second.case.stageLabel).toBe("You wrote to the Presidium of the Supreme Soviet (Voroshilov)");
      // The same answer either way: same shape, same kind of message, the letter kept. (Only the
      // week's pace differs: two letters in seven days, and the desk says when the next may go.)
      const shape = (r: typeof first) =>
        JSON.stringify(r, (k, v) => (k === "letterBar" ? "pace" : typeof v === "object" ? v : typeof v));
      expect(shape(second)).toBe(shape(first));
      expect(first.case.petition?.letterBar).toBeNull();
      expect(second.case.petition?.letterBar).toMatch(/2 letters in the last seven days/);
      expect(second.case.version).toBe(first.case.version + 1);
    }
    expect(await db.letter.count({ where: { runId } })).toBe(2);
    // Nothing in the world changed but the seat's own story, and a rebuilt world replays both letters.
    expect(await withoutStories()).toBe(before);
    const rebuilt = new RunStore(db, () => now);
    expect(await worldHash(runId, rebuilt)).toBe(await worldHash(runId));
  });

  test("two letters a week at most, whatever the case's state", async () => {
    const { runId, petitioner, theCase } = await runningWithPetitioner();
    expect((await actOnCase(runId, petitioner.cookie, letter(theCase, "kgb"))).ok).toBe(true);
    expect((await actOnCase(runId, petitioner.cookie, letter(theCase, "presidium"))).ok).toBe(true);
    const third = await actOnCase(runId, petitioner.cookie, letter(theCase, "generalProcurator"));
    expect(third.ok === false && third.error.message).toMatch(
      /2 letters in the last seven days.*You can write again on \d+ \w+ 195\d/,
    );
    expect(await db.letter.count({ where: { runId } })).toBe(2);
    now += 8 * TICK_MS; // eight simulated days at this speed
    expect((await actOnCase(runId, petitioner.cookie, letter(theCase, "generalProcurator"))).ok).toBe(true);
  });

  test("the spravka is asked for from the seat, office by office, only once it is due and only by the petitioner", async () => {
    // Chita, seed 30111: the route e2e/petitioner.spec.ts follows (checked in lib/sim/petitions.test.ts).
    const { runId, petitioner, theCase } = await runningWithPetitioner({
      scenarioId: "chita-1954",
      seed: 30111,
      procuratorSeats: 0,
      petitionerSeats: 1,
    });
    const ask = {
      requestId: randomUUID(),
      caseIndex: theCase.index,
      expectedVersion: 0,
      action: { type: "spravka.request" },
    };
    const early = await actOnCase(runId, petitioner.cookie, ask);
    expect(early.ok === false && early.error.code).toBe("refused");
    expect(theCase.petition?.spravkaFrom).toBeNull();
    expect((await actOnCase(runId, petitioner.cookie, letter(theCase, "presidium"))).ok).toBe(true);
    await control(runId, { action: "jump", toDate: "1954-09-08" });
    const friend = letter(theCase, "provincialProcuracy", "No evidence.", { carrier: "friend", grounds: "noEvidence" });
    expect((await actOnCase(runId, petitioner.cookie, friend)).ok).toBe(true);
    await control(runId, { action: "jump", toDate: "1955-09-01" });
    const [due] = await seatCases(runId, petitioner.cookie);
    expect(due!.petition?.spravkaFrom).toBe("the local MVD office");
    expect(due!.stageLabel).toMatch(/no spravka has come/);
    const asked = await actOnCase(runId, petitioner.cookie, { ...ask, requestId: randomUUID() });
    expect(asked.ok).toBe(true);
    if (asked.ok) {
      expect(asked.case.stageLabel).toBe("You asked the local MVD office for your spravka");
      // The next office only once this one has had time to answer.
      expect(asked.case.petition?.spravkaFrom).toBeNull();
      expect(asked.case.petition?.spravkaLater).toMatchObject({ office: "the provincial procuracy" });
      expect(asked.case.received?.at(-1)?.kind).toBe("asked");
    }
    const rushed = await actOnCase(runId, petitioner.cookie, { ...ask, requestId: randomUUID() });
    expect(rushed.ok === false && rushed.error.message).toMatch(
      /Give that office time to answer: you can ask the next one from/,
    );
    const logged = await db.runEvent.findFirstOrThrow({
      where: { runId, type: "case.act", actor: "seat:1" },
      orderBy: { seq: "desc" },
    });
    expect(JSON.parse(logged.payload)).toEqual({ event: { type: "spravka.request" } });
  });

  test("the friend in Moscow carries one letter only", async () => {
    const { runId, petitioner, theCase } = await runningWithPetitioner();
    const friend = { carrier: "friend" };
    expect((await actOnCase(runId, petitioner.cookie, letter(theCase, "generalProcurator", "x", friend))).ok).toBe(
      true,
    );
    const again = await actOnCase(runId, petitioner.cookie, letter(theCase, "generalProcurator", "y", friend));
    expect(again.ok === false && again.error.message).toMatch(/asked once/);
    expect(await db.letter.count({ where: { runId } })).toBe(1);
  });

  test("a letter must be written, not too long; HTML in it is kept as plain text and only its writer sees it", async () => {
    const { runId, petitioner, theCase, joinCode } = await runningWithPetitioner();
    for (const [body, message] of [
      ["", /Write your letter/],
      ["   \n  ", /Write your letter/],
      [null, /Write your letter/],
      [42, /Write your letter/],
      ["x".repeat(2001), /2,000 characters/],
    ] as const) {
      const result = await actOnCase(runId, petitioner.cookie, letter(theCase, "kgb", body));
      expect(result.ok === false && result.error.message, String(body).slice(0, 10)).toMatch(message);
    }
    expect(await db.letter.count({ where: { runId } })).toBe(0);
    expect(await db.runEvent.count({ where: { runId, type: "case.act" } })).toBe(0);

    const html = '<script>alert("x")</script><b>Free me</b>\r\nSecond line';
    const sent = await actOnCase(runId, petitioner.cookie, letter(theCase, "kgb", html));
    expect(sent.ok && sent.letter?.body).toBe('<script>alert("x")</script><b>Free me</b>\nSecond line');
    const own = await getSeatView(runId, petitioner.cookie);
    expect(own.ok && own.letters.map((l) => l.addresseeLabel)).toEqual(["the KGB"]);
    const other = await join(joinCode, "Other");
    const theirs = await getSeatView(runId, other.cookie);
    expect(theirs.ok && theirs.letters).toEqual([]);
  });

  test("a procurator's decision on a case that changed since they looked is refused and shows the new state", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 0 });
    const procurator = await join(joinCode, "Proc");
    await control(runId, { action: "start" });
    let ready: CaseView | undefined;
    for (let k = 0; k < 60 && !ready; k++) {
      now += 5 * TICK_MS;
      ready = (await seatCases(runId, procurator.cookie)).find((c) => (c.file?.work.length ?? 0) > 0);
    }
    expect(ready).toBeDefined();
    const before = await db.runEvent.count({ where: { runId } });
    const stale = await actOnCase(runId, procurator.cookie, {
      requestId: randomUUID(),
      caseIndex: ready!.index,
      expectedVersion: ready!.version - 1,
      action: { type: ready!.file!.work[0]!.type },
    });
    expect(stale.ok === false && stale.error.code).toBe("conflict");
    expect(stale.ok === false && stale.error.message).toMatch(/changed since you looked/);
    expect(stale.ok === false && stale.case?.version).toBe(ready!.version);
    expect(await db.runEvent.count({ where: { runId } })).toBe(before);
  });

  test("a replayed action is refused and logged once", async () => {
    const { runId, petitioner, theCase } = await runningWithPetitioner();
    const request = letter(theCase);
    expect((await actOnCase(runId, petitioner.cookie, request)).ok).toBe(true);
    const hash = await worldHash(runId);
    const again = await actOnCase(runId, petitioner.cookie, request);
    expect(again.ok === false && again.error.code).toBe("replayed");
    expect(await worldHash(runId)).toBe(hash);
    expect(await db.runEvent.count({ where: { runId, requestId: request.requestId } })).toBe(1);
  });

  test("a student cannot act on a case that is not theirs, for another role, or in another run", async () => {
    const { runId, petitioner, theCase, joinCode } = await runningWithPetitioner({ procuratorSeats: 3 });
    const stranger = await join(joinCode, "Stranger");
    const notMine = await actOnCase(runId, stranger.cookie, letter(theCase));
    expect(notMine.ok === false && notMine.error.code).toBe("forbidden");
    const decide = await actOnCase(runId, petitioner.cookie, {
      ...letter(theCase),
      action: { type: "review.decide", decision: "fullRehabilitation", justification: "No evidence in the file." },
    });
    expect(decide.ok === false && decide.error.code).toBe("forbidden");
    for (const type of [
      "desk.read",
      "desk.deputy",
      "file.requestOriginals",
      "file.crossCheck",
      "lists.proceedWithout",
    ]) {
      const work = await actOnCase(runId, petitioner.cookie, { ...letter(theCase), action: { type } });
      expect(work.ok === false && work.error.code, type).toBe("forbidden");
    }
    // A procurator neither writes letters nor asks for a spravka, even on a case of their own desk.
    let procurator = await join(joinCode, "Proc");
    while (procurator.role !== "procurator") procurator = await join(joinCode, "Proc");
    const [theirs] = await seatCases(runId, procurator.cookie);
    for (const action of [
      { type: "spravka.request" },
      { type: "complaint.file", addressee: "kgb", grounds: "innocence", carrier: "self", ask: "release" },
    ]) {
      const result = await actOnCase(runId, procurator.cookie, { ...letter(theirs!), action });
      expect(result.ok === false && result.error.code, action.type).toBe("forbidden");
    }
    // Forged letter fields are refused before anything is read or written.
    for (const forged of [{ grounds: "bribe" }, { carrier: "pigeon" }, { ask: "everything" }, { extra: 1 }]) {
      const result = await actOnCase(
        runId,
        petitioner.cookie,
        letter(theCase, "kgb", "x", forged as unknown as Record<string, string>),
      );
      expect(result.ok === false && result.error.code, JSON.stringify(forged)).toBe("invalid");
    }
    const elsewhere = await newRun();
    const wrongRun = await actOnCase(elsewhere.runId, petitioner.cookie, letter(theCase));
    expect(wrongRun.ok === false && wrongRun.error.message).toMatch(/another class/);
    const garbage = await actOnCase(runId, petitioner.cookie, { caseIndex: "0; DROP TABLE", action: {} });
    expect(garbage.ok === false && garbage.error.code).toBe("invalid");
  });

  test("a request without a seat is refused before it can take the run's lock or move its clock", async () => {
    const { runId, theCase } = await runningWithPetitioner();
    const before = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { version: true } });
    now += 5 * TICK_MS; // a tick is due: any request that enters the run would commit it
    const result = await actOnCase(runId, undefined, letter(theCase));
    expect(result.ok === false && result.error.code).toBe("forbidden");
    const after = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { version: true } });
    expect(after.version).toBe(before.version);
  });

  test("nothing can be done while the clock is paused", async () => {
    const { runId, petitioner, theCase } = await runningWithPetitioner();
    await control(runId, { action: "pause" });
    const result = await actOnCase(runId, petitioner.cookie, letter(theCase));
    expect(result.ok === false && result.error.message).toMatch(/paused/);
  });
});

describe("the clock", () => {
  test("it advances lazily in whole ticks, only while running", async () => {
    const { runId } = await newRun({ speed: 60 }); // one simulated day per real second
    const day = () => runStore.read(runId, (run) => run.simDay);
    now += 10 * TICK_MS;
    expect(await day()).toBe(0); // lobby: the clock has not started
    await control(runId, { action: "start" });
    now += 2.5 * TICK_MS;
    expect(await day()).toBe(2);
    now += 0.6 * TICK_MS;
    expect(await day()).toBe(3);
    await control(runId, { action: "pause" });
    now += 100 * TICK_MS;
    expect(await day()).toBe(3);
    await control(runId, { action: "resume" });
    now += TICK_MS;
    expect(await day()).toBe(4);
  });

  test("jump, speed and end follow the run machine; another instructor cannot touch the run", async () => {
    const { runId } = await newRun();
    expect(await controlRun(other, runId, { action: "start" })).toEqual(fail("notFound", RUN_NOT_FOUND));
    expect((await controlRun(owner, runId, { action: "pause" })).ok).toBe(false);
    expect(await controlRun(owner, runId, { action: "end" })).toEqual(
      fail("conflict", "Only a started run can be ended."),
    );
    await control(runId, { action: "start" });
    await control(runId, { action: "jump", toDate: "1954-09-01" });
    expect(await runStore.read(runId, (run) => run.simDay)).toBe(92);
    const back = await controlRun(owner, runId, { action: "jump", toDate: "1954-07-01" });
    expect(back.ok === false && back.error.message).toMatch(/only moves forward/);
    // A date that is no day is refused, not rolled over into a later one (1955-13-45 would be 1956-02-14).
    for (const toDate of ["1955-13-45", "1955-02-30", "1955-00-10"]) {
      expect(await controlRun(owner, runId, { action: "jump", toDate })).toEqual(fail("invalid", "Pick a date."));
    }
    expect(await runStore.read(runId, (run) => run.simDay)).toBe(92);
    await control(runId, { action: "setSpeed", speed: 14 });
    expect((await controlRun(owner, runId, { action: "setSpeed", speed: 1000 })).ok).toBe(false);
    await control(runId, { action: "end" });
    expect(await runStore.read(runId, (run) => run.status)).toBe("debrief");
    expect((await controlRun(owner, runId, { action: "resume" })).ok).toBe(false);
    expect(await controlRun(other, runId, { action: "delete" })).toEqual(fail("notFound", RUN_NOT_FOUND));
    await control(runId, { action: "delete" });
    expect(await db.run.count({ where: { id: runId } })).toBe(0);
  });

  test("reaching the horizon ends the run into the debrief", async () => {
    const { runId } = await newRun({ speed: 120 });
    await control(runId, { action: "start" });
    now += 200 * TICK_MS;
    expect(await runStore.read(runId, (run) => [run.status, run.simDay])).toEqual(["debrief", 240]);
  });

  test("two app instances advance the clock exactly once per instant and see the same world", async () => {
    const { runId, joinCode } = await newRun();
    const seat = await join(joinCode);
    await control(runId, { action: "start" });
    const second = new RunStore(db, () => now);
    for (let k = 0; k < 5; k++) {
      now += 1.5 * TICK_MS;
      // Both instances serve requests for the same instant at once.
      await Promise.all([worldHash(runId), worldHash(runId, second)]);
    }
    const [cases] = await Promise.all([seatCases(runId, seat.cookie)]);
    expect(cases.length).toBeGreaterThan(0);
    expect(await worldHash(runId, second)).toBe(await worldHash(runId));
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    // Start at day 0, then one tick (one day at 60 days/min) per 1.5 s... rounded to whole ticks.
    expect(run.simDay).toBe(7);
  });
});

describe("two app instances", () => {
  test("an action prepared while another instance moved the clock is redone at the new time, never logged at the old one", async () => {
    const { runId, joinCode } = await newRun();
    let seat = await join(joinCode);
    if (seat.role !== "petitioner") seat = await join(joinCode, "P2");
    await control(runId, { action: "start" });
    const [c] = await seatCases(runId, seat.cookie);
    // Without the row lock (SQLite's way; on PostgreSQL the lock makes the other instance wait instead,
    // see store/multi-instance.test.ts), compare-and-set alone must keep the log right.
    const first = new RunStore(db, () => now, false);
    const second = new RunStore(db, () => now, false);
    let attempts = 0;
    await second.withRun(runId, async (s) => {
      attempts++;
      if (attempts === 1) {
        // Meanwhile the first instance serves a request three ticks later.
        now += 3 * TICK_MS;
        await worldHash(runId, first);
      }
      await s.commit({
        entries: [
          {
            type: "case.act",
            actor: "test",
            caseIndex: c!.index,
            payload: { event: { type: "complaint.file", addressee: "kgb" } },
          },
        ],
      });
    });
    expect(attempts).toBe(2);
    const entry = await db.runEvent.findFirstOrThrow({ where: { runId, type: "case.act" } });
    expect(entry.simDay).toBe(3);
    const rebuilt = new RunStore(db, () => now);
    expect(await worldHash(runId, rebuilt)).toBe(await worldHash(runId, second));
    expect(await worldHash(runId)).toBe(await worldHash(runId, second));
  });
});

describe("durability", () => {
  test("after a restart the run is paused where it was, with the same world", async () => {
    const { runId, joinCode } = await newRun();
    const seats = [await join(joinCode, "A"), await join(joinCode, "B"), await join(joinCode, "C")];
    await control(runId, { action: "start" });
    for (const seat of seats) {
      now += 3 * TICK_MS;
      const [c] = await seatCases(runId, seat.cookie);
      const work = c?.file?.work[0];
      const action: SeatAction | undefined = c?.petition?.canWrite
        ? { type: "complaint.file", addressee: "kgb", grounds: "noEvidence", carrier: "relative", ask: "release" }
        : work
          ? { type: work.type }
          : undefined;
      if (c && action) {
        const result = await actOnCase(runId, seat.cookie, {
          requestId: randomUUID(),
          caseIndex: c.index,
          expectedVersion: c.version,
          action,
          ...(action.type === "complaint.file" ? { letter: "Please review my case." } : {}),
        });
        expect(result.ok).toBe(true);
      }
    }
    now += 2 * TICK_MS;
    const before = await worldHash(runId);
    const day = await runStore.read(runId, (run) => run.simDay);

    // The process dies: its cached worlds are gone; the next one starts and pauses interrupted runs.
    runStore.forgetAll();
    now += 600 * TICK_MS;
    expect(await pauseInterruptedRuns()).toBeGreaterThanOrEqual(1);

    const after = await runStore.read(runId, (run, world) => ({
      status: run.status,
      simDay: run.simDay,
      hash: hashString(JSON.stringify(world.save())),
    }));
    expect(after).toEqual({ status: "paused", simDay: day, hash: before });
    const log = await db.runEvent.findFirst({ where: { runId }, orderBy: { seq: "desc" } });
    expect(log?.type).toBe("run.pause");
    expect(JSON.parse(log!.payload)).toEqual({ reason: "restart" });
    // Every screen calls it a restart pause, not the teacher's; the teacher's own pause afterwards is theirs.
    const pausedBy = () => runStore.read(runId, (run, _w, scenario) => clockView(run, scenario).pausedBy);
    expect(await pausedBy()).toBe("restart");
    await control(runId, { action: "resume" });
    expect(await pausedBy()).toBeNull();
    await control(runId, { action: "pause" });
    expect(await pausedBy()).toBe("teacher");
  });

  test("a world rebuilt from the checkpoint and the log equals the live one", async () => {
    const { runId, joinCode } = await newRun();
    await join(joinCode);
    await control(runId, { action: "start" });
    now += 30 * TICK_MS;
    await control(runId, { action: "jump", toDate: "1954-10-01" });
    // A jump is a milestone: the world is saved there, so a rebuild replays little.
    const { seq } = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { seq: true } });
    expect((await db.runCheckpoint.findUniqueOrThrow({ where: { runId } })).seq).toBe(seq);
    now += 7 * TICK_MS;
    const live = await worldHash(runId);
    const fresh = new RunStore(db, () => now);
    expect(await worldHash(runId, fresh)).toBe(live);
  });

  test("a checkpoint taken every CHECKPOINT_EVERY entries resumes, with the entries after it, into the live world", async () => {
    const { runId, joinCode } = await newRun();
    const seats = [await join(joinCode, "A"), await join(joinCode, "B"), await join(joinCode, "C")];
    await control(runId, { action: "start" });
    const seqNow = async () => (await db.run.findUniqueOrThrow({ where: { id: runId }, select: { seq: true } })).seq;
    const savedSeq = async () => (await db.runCheckpoint.findUnique({ where: { runId } }))?.seq;
    const started = await seqNow();
    expect(await savedSeq()).toBe(started);
    // Messages are logged but are no milestone: only their number brings a checkpoint; the clock moves meanwhile.
    for (let k = 0; k < CHECKPOINT_EVERY + 3; k++) {
      now += TICK_MS;
      await control(runId, { action: "message", text: `Note ${k}` });
    }
    const saved = await savedSeq();
    expect(saved).toBeGreaterThanOrEqual(started + CHECKPOINT_EVERY);
    // Students act after it: a restart must replay their entries on top of the saved world.
    for (const seat of seats) {
      const [c] = await seatCases(runId, seat.cookie);
      if (seat.role === "petitioner" && c) expect((await actOnCase(runId, seat.cookie, letter(c))).ok).toBe(true);
    }
    now += 2 * TICK_MS;
    const live = await worldHash(runId);
    expect(await seqNow()).toBeGreaterThan(saved!);
    expect(await savedSeq()).toBe(saved);
    // A process killed without warning keeps nothing in memory: a fresh one reads the checkpoint and the log.
    const fresh = new RunStore(db, () => now);
    expect(await worldHash(runId, fresh)).toBe(live);
  });

  test("a busy class's checkpoints wait CHECKPOINT_MIN_GAP_MS, and a restart meanwhile replays the whole log since", async () => {
    const { runId, joinCode } = await newRun();
    const seats = [await join(joinCode, "A"), await join(joinCode, "B"), await join(joinCode, "C")];
    await control(runId, { action: "start" });
    const savedSeq = async () => (await db.runCheckpoint.findUniqueOrThrow({ where: { runId } })).seq;
    const started = await savedSeq();
    const entries = async (n: number) => {
      for (let k = 0; k < n; k++) await control(runId, { action: "message", text: `Note ${k}` });
      for (const seat of seats) {
        const [c] = await seatCases(runId, seat.cookie);
        if (seat.role === "petitioner" && c) await actOnCase(runId, seat.cookie, letter(c));
      }
    };
    // Twice CHECKPOINT_EVERY entries within a few seconds: no save yet.
    now += 3 * TICK_MS;
    await entries(2 * CHECKPOINT_EVERY);
    expect(await savedSeq()).toBe(started);
    const live = await worldHash(runId);
    expect(await worldHash(runId, new RunStore(db, () => now))).toBe(live);
    // Once the gap has passed, the next commit (the clock's tick, or the message) saves the world where it stands.
    const seqNow = async () => (await db.run.findUniqueOrThrow({ where: { id: runId }, select: { seq: true } })).seq;
    const before = await seqNow();
    now += CHECKPOINT_MIN_GAP_MS;
    await control(runId, { action: "message", text: "After the gap" });
    expect(await savedSeq()).toBeGreaterThanOrEqual(before);
    await entries(1);
    expect(await worldHash(runId, new RunStore(db, () => now))).toBe(await worldHash(runId));
  });
});

describe("the procurator's desk", () => {
  const act = (runId: string, cookie: string, c: CaseView, action: Record<string, unknown>) =>
    actOnCase(runId, cookie, { requestId: randomUUID(), caseIndex: c.index, expectedVersion: c.version, action });

  test("a working day of hours: file work, reading before deciding, barred decisions, the protest to a court", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 1, seed: 1 });
    const procurator = await join(joinCode, "Proc");
    const petitioner = await join(joinCode, "Pet");
    const [proc, pet] = procurator.role === "procurator" ? [procurator, petitioner] : [petitioner, procurator];
    await control(runId, { action: "start" });
    const secret = "A petitioner's own words, for nobody else.";
    const [theirCase] = await seatCases(runId, pet!.cookie);
    await actOnCase(runId, pet!.cookie, {
      requestId: randomUUID(),
      caseIndex: theirCase!.index,
      expectedVersion: theirCase!.version,
      action: { type: "complaint.file", addressee: "kgb", grounds: "innocence", carrier: "self", ask: "release" },
      letter: secret,
    });

    // Day by day, do whatever file work the desk offers, until a file reaches review.
    let atReview: CaseView | undefined;
    for (let day = 0; day < 200 && !atReview; day++) {
      now += TICK_MS; // one simulated day at this speed
      for (const c of await seatCases(runId, proc!.cookie)) {
        if (c.file?.menu) atReview = c;
        for (const w of c.file?.work.filter((w) => w.type !== "desk.read" && w.type !== "desk.deputy") ?? []) {
          const result = await act(runId, proc!.cookie, c, { type: w.type });
          if (!result.ok) {
            expect(result.error).toMatch(/hours for today are spent|cannot be done/);
          }
          break; // the case changed: read it again next day
        }
      }
    }
    expect(atReview).toBeDefined();
    const file = atReview!.file!;
    expect(file.reviewHours).toBeGreaterThan(0);
    const view = await getSeatView(runId, proc!.cookie);
    expect(view.ok && view.view.hours?.perDay).toBe(6);
    // The petitioner's case is on this desk: their letter is in its inbox exactly if it reached the commission.
    const arrived = await runStore.read(runId, (_, world) => arrivals(world.caseHistory(theirCase!.index))[0]);
    expect(JSON.stringify(view).includes(secret)).toBe(arrived !== null && arrived !== undefined);

    // Deciding before reading is refused, as are decisions the May 19 menu bars for this case.
    const early = await act(runId, proc!.cookie, atReview!, {
      type: "review.decide",
      decision: "confirmRefusal",
      justification: "The file has not been read.",
    });
    expect(early.ok === false && early.error.message).toMatch(/Read the whole file before you decide/);
    const barred = file.menu!.find((m) => m.bar);
    if (barred) {
      const result = await act(runId, proc!.cookie, atReview!, {
        type: "review.decide",
        decision: barred.decision,
        justification: "Trying what the menu bars.",
      });
      expect(result.ok === false && result.error.message).toBe(barred.bar);
    }

    // Reading takes the day's hours; when they are spent, the file waits for tomorrow.
    let current = atReview!;
    for (let k = 0; k < 30 && current.actions.length === 0; k++) {
      const read = await act(runId, proc!.cookie, current, { type: "desk.read" });
      if (read.ok) {
        current = read.case;
        expect(read.hoursLeft).toBeGreaterThanOrEqual(0);
        if (read.hoursLeft === 0) {
          const more = await act(runId, proc!.cookie, current, { type: "desk.read" });
          if (current.actions.length === 0) {
            expect(more.ok === false && more.error.message).toMatch(/hours for today are spent/);
          }
        }
      }
      now += TICK_MS;
      current = (await seatCases(runId, proc!.cookie)).find((c) => c.index === current.index)!;
    }
    expect(current.file!.readHours).toBeGreaterThanOrEqual(current.file!.reviewHours);

    // Grounds must be written; then the decision goes into the protocol.
    const allowed = current.actions.find((a) => a.decision !== "confirmRefusal") ?? current.actions[0]!;
    const noGrounds = await act(runId, proc!.cookie, current, { ...allowed, justification: "ok" });
    expect(noGrounds.ok === false && noGrounds.error.code).toBe("invalid");
    now += TICK_MS; // a fresh day's hours
    current = (await seatCases(runId, proc!.cookie)).find((c) => c.index === current.index)!;
    const decided = await act(runId, proc!.cookie, current, {
      ...allowed,
      justification: "The only evidence is a confession; no witness confirms it.",
    });
    expect(decided.ok).toBe(true);
    // The decision becomes the desk's protocol, seen by that procurator only.
    expect(decided.ok && decided.protocol).toMatchObject({ justification: expect.stringMatching(/confession/) });
    const withProtocol = await getSeatView(runId, proc!.cookie);
    expect(withProtocol.ok && withProtocol.protocols).toHaveLength(1);
    const theirs = await getSeatView(runId, pet!.cookie);
    expect(theirs.ok && theirs.protocols).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain("no witness confirms it");
    const path = await runStore.read(runId, (_, world) => world.caseState(current.index).path);
    // Final for an out-of-court sentence; a protest that a court must rule on otherwise (RULES.extrajudicialFinal).
    const court = ["Regular court", "Military tribunal", "Military Collegium of the Supreme Court"].includes(
      current.organ,
    );
    if (court) expect(path).toMatch(/^court\./);
    else expect(path).not.toMatch(/^(court|commission)\./);
    const logged = await db.runEvent.findFirstOrThrow({
      where: { runId, type: "case.act", caseIndex: current.index },
      orderBy: { seq: "desc" },
    });
    expect(JSON.parse(logged.payload)).toMatchObject({ hours: 1, justification: expect.stringMatching(/confession/) });

    // A day's hours spent (here on another file): nothing more until tomorrow.
    const hoursLeft = (await getSeatView(runId, proc!.cookie)) as { ok: true; view: { hours: { left: number } } };
    if (hoursLeft.view.hours.left > 0) {
      await runStore.withRun(runId, (session) =>
        session.commit({
          entries: [
            {
              type: "desk.work",
              actor: `seat:${proc!.number}`,
              caseIndex: current.index,
              payload: { hours: hoursLeft.view.hours.left },
            },
          ],
        }),
      );
    }
    const spent = await getSeatView(runId, proc!.cookie);
    expect(spent.ok && spent.view.hours?.left).toBe(0);
    for (const c of spent.ok ? spent.view.cases : []) {
      for (const w of c.file?.work ?? []) {
        expect(w.bar).toMatch(/hours for today are spent/);
        const tired = await act(runId, proc!.cookie, c, { type: w.type });
        expect(tired.ok === false && tired.error.message).toMatch(/hours for today are spent/);
      }
    }

    // Every hour and decision replays from the log into the same world.
    const rebuilt = new RunStore(db, () => now);
    expect(await worldHash(runId, rebuilt)).toBe(await worldHash(runId));
  });

  /** Works the desk's files day by day (file work, then reading) until one `want` accepts is read and ready to decide. */
  async function readyToDecide(runId: string, cookie: string, want: (c: CaseView) => boolean): Promise<CaseView> {
    for (let day = 0; day < 230; day++) {
      for (const c of await seatCases(runId, cookie)) {
        const file = c.file;
        if (!file) continue;
        if (file.menu && file.readHours >= file.reviewHours && want(c)) return c;
        const work = file.work.find((w) => w.type !== "desk.deputy" && w.bar === null);
        if (work) await act(runId, cookie, c, { type: work.type });
      }
      now += TICK_MS;
    }
    throw new Error("No file reached a decision in time.");
  }

  async function procuratorRun(seed: number) {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 0, seed });
    const proc = await join(joinCode, "Proc");
    await control(runId, { action: "start" });
    return { runId, proc };
  }

  const decide = (decision: string, extra: Record<string, unknown> = {}) => ({
    type: "review.decide",
    decision,
    justification: "The charge rests on a confession alone; nothing else supports it.",
    ...extra,
  });

  test("a reclassification names an article and a term the amnesty covers; a reduction a shorter term; forged details change nothing", async () => {
    const { runId, proc } = await procuratorRun(3);
    // A 58-7/11 file after the Sep 1954 ruling: the only kind a reclassification may name details for.
    const reclassifiable = (c: CaseView) => c.file?.menu?.find((m) => m.decision === "reclassification")?.bar === null;
    const c = await readyToDecide(runId, proc.cookie, (c) => c.termYears > 5 && c.termYears < 25 && reclassifiable(c));
    const before = await worldHash(runId);
    const acts = () => db.runEvent.count({ where: { runId, type: "case.act" } });
    const logged = await acts();
    const refusals: [Record<string, unknown>, RegExp][] = [
      [decide("reclassification"), /Choose the article/],
      [decide("reclassification", { toArticle: "109" }), /Give the term/],
      [decide("reclassification", { toArticle: "109", newTermYears: c.termYears + 1 }), /cannot lengthen/],
      [decide("reclassification", { toArticle: "109", newTermYears: 6 }), /five years or fewer/],
      [decide("confirmRefusal", { toArticle: "109" }), /Only a reclassification names a new article/],
      [decide("confirmRefusal", { newTermYears: 3 }), /Only a reclassification or a reduction names a new term/],
      [decide("sentenceReduction"), /Give the reduced term/],
      [decide("sentenceReduction", { newTermYears: c.termYears }), /shorter than the sentence/],
    ];
    for (const [action, reason] of refusals) {
      const result = await act(runId, proc.cookie, c, action);
      expect(result.ok === false && result.error.message, JSON.stringify(action)).toMatch(reason);
    }
    // Forged shapes never reach the desk's rules.
    for (const extra of [{ toArticle: "58-10" }, { newTermYears: 2.5 }, { newTermYears: 0 }, { newTermYears: "5" }]) {
      const result = await act(runId, proc.cookie, c, decide("reclassification", { toArticle: "109", ...extra }));
      expect(result.ok === false && result.error.code, JSON.stringify(extra)).toBe("invalid");
    }
    expect(await worldHash(runId)).toBe(before);
    expect(await acts()).toBe(logged);

    const reclassified = await act(
      runId,
      proc.cookie,
      c,
      decide("reclassification", { toArticle: "109", newTermYears: 5 }),
    );
    expect(reclassified.ok && reclassified.protocol?.detail).toBe(
      `Reclassified to Art. 109 — abuse of office, 5 years (was ${c.termYears} years): the March 1953 amnesty now applies.`,
    );
    const entry = await db.runEvent.findFirstOrThrow({ where: { runId, type: "case.act" }, orderBy: { seq: "desc" } });
    expect(JSON.parse(entry.payload)).toMatchObject({ toArticle: "109", newTermYears: 5 });

    // A reduction on another file that is still served in a camp.
    const next = await readyToDecide(
      runId,
      proc.cookie,
      (d) => d.index !== c.index && d.file?.menu?.find((m) => m.decision === "sentenceReduction")?.bar === null,
    );
    const reduced = await act(runId, proc.cookie, next, decide("sentenceReduction", { newTermYears: 2 }));
    expect(reduced.ok && reduced.protocol?.detail).toBe(`Reduced from ${next.termYears} years to 2 years.`);
    const view = await getSeatView(runId, proc.cookie);
    expect(view.ok && view.protocols.map((p) => p.detail)).toEqual([
      reclassified.ok && reclassified.protocol?.detail,
      reduced.ok && reduced.protocol?.detail,
    ]);
    expect(await worldHash(runId, new RunStore(db, () => now))).toBe(await worldHash(runId));
  });

  test("a protest goes to the court, and the court's ruling comes back to the procurator as a notice", async () => {
    // A pinned seed whose court rules before the run's last day.
    const { runId, proc } = await procuratorRun(12);
    const courtOrgans = ["Regular court", "Military tribunal", "Military Collegium of the Supreme Court"];
    const c = await readyToDecide(runId, proc.cookie, (c) => courtOrgans.includes(c.organ));
    const decided = await act(runId, proc.cookie, c, decide("fullRehabilitation"));
    expect(decided.ok && decided.protocol?.final).toBe(false);
    expect(decided.ok && decided.case.stage).toBe("court");
    const noticesOf = (v: Awaited<ReturnType<typeof getSeatView>>) =>
      v.ok ? (v.view.memos ?? []).filter((m) => m.title === `From the court: ${c.label}`) : [];
    expect(noticesOf(await getSeatView(runId, proc.cookie))).toEqual([]);
    let ruled: CaseView | undefined;
    for (let day = 0; day < 200 && !ruled; day++) {
      now += TICK_MS;
      ruled = (await seatCases(runId, proc.cookie)).find((d) => d.index === c.index && d.file!.rulings.length > 0);
    }
    expect(ruled).toBeDefined();
    const ruling = ruled!.file!.rulings[0]!;
    expect(Object.values(RULING_LABELS)).toContain(ruling.text);
    const notices = noticesOf(await getSeatView(runId, proc.cookie));
    expect(notices[0]).toMatchObject({ text: ruling.text, date: ruling.date, source: "adler-ch3" });
  });

  test("the camp's list can be asked for once; the answer, if any, comes by the scenario's delays and replays the same", async () => {
    let asked = 0;
    for (const seed of [11, 12, 13]) {
      const { runId, proc } = await procuratorRun(seed);
      const before = asked;
      for (let day = 0; day < 150 && asked === before; day++) {
        for (const c of await seatCases(runId, proc.cookie)) {
          const ask = c.file?.work.find((w) => w.type === "lists.request");
          if (!ask) continue;
          expect(ask).toMatchObject({ hours: 0.5, source: "adler-ch3" });
          const result = await act(runId, proc.cookie, c, { type: "lists.request" });
          expect(result.ok).toBe(true);
          if (!result.ok) continue;
          asked++;
          expect(result.case.file!.known.join(" ")).toMatch(/written to the camp/);
          expect(result.case.file!.work.map((w) => w.type)).not.toContain("lists.request");
          const again = await act(runId, proc.cookie, result.case, { type: "lists.request" });
          expect(again.ok === false && again.error.message).toMatch(/already written to the camp/);
        }
        now += TICK_MS;
      }
      // A case not waiting for a list cannot be asked about. (Every desk file starts with a registered
      // complaint waiting for its camp's list, so wait until one has moved on.)
      let other: CaseView | undefined;
      for (let day = 0; day < 400 && !other; day++) {
        other = (await seatCases(runId, proc.cookie)).find((c) => c.stage !== "lists");
        if (!other) now += TICK_MS;
      }
      expect(other).toBeDefined();
      const result = await act(runId, proc.cookie, other!, { type: "lists.request" });
      expect(result.ok === false && result.error.message).toMatch(/not waiting for a camp's list/);
      expect(await worldHash(runId, new RunStore(db, () => now))).toBe(await worldHash(runId));
    }
    expect(asked).toBeGreaterThan(0);
  });
});

describe("the run's history (console, debrief, exports)", () => {
  test("a replay from the first entry ends in the live world, counts every case each day and names who acted", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 2, seed: 21 });
    const seats = [await join(joinCode, "A"), await join(joinCode, "B"), await join(joinCode, "C")];
    await control(runId, { action: "start" });
    const petitioner = seats.find((s) => s.role === "petitioner")!;
    const [theCase] = await seatCases(runId, petitioner.cookie);
    now += 3 * TICK_MS;
    expect((await actOnCase(runId, petitioner.cookie, letter(theCase!))).ok).toBe(true);
    now += 40 * TICK_MS + 500; // and part of a day
    const history = await loadRunHistory(runId);
    const live = await runStore.read(runId, (run, world) => ({
      run,
      tally: world.tally(),
      hash: hashString(JSON.stringify(world.save())),
    }));
    expect(history.simDay).toBe(live.run.simDay);
    expect(hashString(JSON.stringify(history.world.save()))).toBe(live.hash);
    const last = history.series.at(-1)!;
    const { stages, unpursued, decided } = live.tally;
    expect({ stages: last.stages, unpursued: last.unpursued, decided: last.decided }).toEqual({
      stages,
      unpursued,
      decided,
    });
    // Every case is counted once on every day.
    const cases = history.world.caseCount;
    for (const day of history.series) {
      const waiting = Object.values(day.stages).reduce((a, b) => a + b, 0);
      expect(waiting + day.unpursued + day.decided).toBe(cases);
      expect(Object.values(day.outcomes).reduce((a, b) => a + b, 0)).toBe(cases);
    }
    expect(history.series.map((d) => d.day).slice(0, 3)).toEqual([0, 1, 2]);
    // The student's letter is theirs; the machine's moves are the system's.
    const letters = history.events.filter((e) => e.caseIndex === theCase!.index && e.event.type === "complaint.file");
    expect(letters[0]).toMatchObject({ actor: `seat:${petitioner.number}` });
    expect(history.events.some((e) => e.actor === "system" && e.event.type === "complaint.file")).toBe(true);
    // The console's map counts what the database holds: a fresh instance rebuilt from checkpoint and log agrees.
    const consoleView = await consoleData(runId);
    const fresh = await new RunStore(db, () => now).read(runId, (_, world) => world.tally());
    expect(Object.fromEntries(consoleView.pipeline.stages.map((s) => [s.stage, s.count]))).toEqual(fresh.stages);
    expect([consoleView.pipeline.unpursued, consoleView.pipeline.decided]).toEqual([fresh.unpursued, fresh.decided]);
    expect(consoleView.seats.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(consoleView.seats.find((s) => s.number === petitioner.number)!.summary).toMatch(/^1 letter sent · /);
    // The two petitioners' cases are among the procurator's: the class holds one desk's files in all.
    expect(consoleView.botCases).toBe(consoleView.pipeline.total - (await deskFiles(runId)));
    // Carried on as the run goes on: the same as a replay from the start.
    expect(await loadRunHistory(runId)).toBe(history);
    const days = history.series.length;
    now += 2 * TICK_MS;
    const later = await loadRunHistory(runId);
    const whole = replayRun(findScenario("rostov-1954")!, 21, await readRunLog(runId), later.simDay);
    expect(later.series.length).toBeGreaterThan(days - 1);
    expect(later.series).toEqual(whole.series);
    expect(later.events).toEqual(whole.events);
  });
});

describe("exports", () => {
  async function playedRun() {
    const { runId, joinCode } = await newRun({ procuratorSeats: 0, petitionerSeats: 3, seed: 31 });
    const names = ['Anna <b>&"', "=SUM(A1)", "Boris"];
    const seats = [];
    for (const name of names) seats.push(await join(joinCode, name));
    await control(runId, { action: "start" });
    for (const seat of seats.filter((s) => s.role === "petitioner")) {
      const [c] = await seatCases(runId, seat.cookie);
      expect((await actOnCase(runId, seat.cookie, letter(c!))).ok).toBe(true);
    }
    now += 60 * TICK_MS;
    const named = await db.seat.findMany({ where: { runId }, orderBy: { number: "asc" } });
    return { runId, seats: named };
  }

  test("the CSV parses back to the same events, one row per event, with display names or seat labels only", async () => {
    const { runId, seats } = await playedRun();
    const history = await loadRunHistory(runId);
    const csv = await exportRun(owner, runId, { format: "csv" });
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.filename).toBe("spravka-period-3.csv");
    const parsed = Papa.parse<Record<string, string>>(csv.body, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // With display names, the students' own words come as a last column.
    expect(parsed.meta.fields).toEqual([...LOG_COLUMNS, TEXT_COLUMN]);
    const rows = completeLogRows(await exportSource(runId, findScenario("rostov-1954")!.startDate, seats), {
      texts: true,
    });
    // Every event every case took is a row, and more (the desk's notes, injected events).
    expect(rows.length).toBeGreaterThanOrEqual(history.events.length);
    // Round trip: every field back as written, except a cell a spreadsheet would run as a formula (defused with ').
    expect(parsed.data.map((r) => ({ ...r, resource: r.resource!.replace(/^'=/, "=") }))).toEqual(rows);
    expect(parsed.data.some((r) => r.resource === "'=SUM(A1)")).toBe(true);
    for (const seat of seats.filter((s) => s.role === "petitioner")) {
      expect(rows.some((r) => r.resource === seat.displayName && r.role === "petitioner")).toBe(true);
    }
    expect(rows[0]!.timestamp).toMatch(/^1954-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Seat labels instead of names: no display name is left anywhere.
    const labelled = await exportRun(owner, runId, { format: "csv", names: "seats" });
    if (!labelled.ok) throw new Error(labelled.error.message);
    for (const seat of seats) {
      expect(labelled.body).not.toContain(seat.displayName.slice(0, 5));
      expect(labelled.body).not.toContain(seat.rejoinCode);
    }
    expect(labelled.body).toMatch(/Seat \d/);
    // Seat labels leave the students' words out unless asked for.
    expect(Papa.parse(labelled.body, { header: true }).meta.fields).toEqual([...LOG_COLUMNS]);
    const asked = await exportRun(owner, runId, { format: "csv", names: "seats", texts: "yes" });
    expect(asked.ok && Papa.parse(asked.body, { header: true }).meta.fields).toEqual([...LOG_COLUMNS, TEXT_COLUMN]);
  });

  test("the XES is well-formed IEEE 1849: log, extensions, traces per case, events with name, timestamp and resource", async () => {
    const { runId, seats } = await playedRun();
    const history = await loadRunHistory(runId);
    const xes = await exportRun(owner, runId, { format: "xes" });
    if (!xes.ok) throw new Error(xes.error.message);
    expect(XMLValidator.validate(xes.body)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["trace", "event", "string", "date", "extension", "global"].includes(name),
    }).parse(xes.body) as { log: Record<string, unknown> };
    const log = doc.log as {
      "@_xes.version": string;
      extension: { "@_prefix": string }[];
      trace: {
        string: { "@_key": string; "@_value": string }[];
        event: Record<string, { "@_key": string; "@_value": string }[]>[];
      }[];
    };
    expect(log["@_xes.version"]).toBe("1849-2016");
    expect(log.extension.map((e) => e["@_prefix"]).sort()).toEqual(["concept", "org", "time"]);
    const attr = (list: { "@_key": string; "@_value": string }[] | undefined, key: string) =>
      list?.find((a) => a["@_key"] === key)?.["@_value"];
    const back = log.trace.flatMap((t) =>
      t.event.map((e) => ({
        case_id: attr(t.string, "concept:name"),
        activity: attr(e.string, "concept:name"),
        timestamp: attr(e.date, "time:timestamp"),
        resource: attr(e.string, "org:resource"),
        role: attr(e.string, "org:role"),
        outcome: attr(t.string, "outcome"),
        detail: attr(e.string, "detail") ?? "",
        text: attr(e.string, "text") ?? "",
      })),
    );
    expect(back.length).toBeGreaterThanOrEqual(history.events.length);
    const rows = completeLogRows(await exportSource(runId, findScenario("rostov-1954")!.startDate, seats), {
      texts: true,
    });
    // Same events, grouped by case (cases in the order they first appear); markup in a name stays text.
    const grouped = new Map<string, typeof rows>();
    for (const row of rows) grouped.set(row.case_id, [...(grouped.get(row.case_id) ?? []), row]);
    expect(back).toEqual([...grouped.values()].flat());
    expect(xes.body).not.toContain("<b>");
    expect(back.some((r) => r.resource === 'Anna <b>&"')).toBe(true);
  });

  test("every letter, follow-up and late, every desk action and decision, and every injection is in CSV and XES", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 2, seed: 12 });
    const seats = [await join(joinCode, "Olga"), await join(joinCode, "Ivan"), await join(joinCode, "Vera")];
    await control(runId, { action: "start" });
    const procurator = seats.find((s) => s.role === "procurator")!;
    const [first, late] = seats.filter((s) => s.role === "petitioner") as [(typeof seats)[0], (typeof seats)[0]];
    const words = {
      first: "Export check: my first letter, about a joke.",
      followUp: "Export check: I write again, as nobody answered.",
      late: "Export check: I write only now, months later.",
      grounds: "Export check: the file holds a confession and nothing else.",
    };
    const [firstCase] = await seatCases(runId, first.cookie);
    expect((await actOnCase(runId, first.cookie, letter(firstCase!, "provincialProcuracy", words.first))).ok).toBe(
      true,
    );
    now += 8 * TICK_MS;
    const [again] = await seatCases(runId, first.cookie);
    expect((await actOnCase(runId, first.cookie, letter(again!, "provincialProcuracy", words.followUp))).ok).toBe(true);
    await control(runId, { action: "inject", eventId: "staff-cut" });
    // Two months on, the other petitioner writes for the first time.
    now += 60 * TICK_MS;
    const [lateCase] = await seatCases(runId, late.cookie);
    expect((await actOnCase(runId, late.cookie, letter(lateCase!, "kgb", words.late))).ok).toBe(true);
    // The procurator works the desk until a decision can be written.
    let decided = false;
    for (let day = 0; day < 200 && !decided; day++) {
      now += TICK_MS;
      for (const c of await seatCases(runId, procurator.cookie)) {
        const decision = c.actions.find((a) => a.decision === "confirmRefusal" || a.decision === "fullRehabilitation");
        if (c.file?.menu && c.file.readHours >= c.file.reviewHours && decision) {
          const done = await actOnCase(runId, procurator.cookie, {
            requestId: randomUUID(),
            caseIndex: c.index,
            expectedVersion: c.version,
            action: { ...decision, justification: words.grounds },
          });
          decided = done.ok;
          break;
        }
        const work = c.file?.work.find((w) => w.bar === null);
        if (work) {
          await actOnCase(runId, procurator.cookie, {
            requestId: randomUUID(),
            caseIndex: c.index,
            expectedVersion: c.version,
            action: { type: work.type },
          });
          break;
        }
      }
    }
    expect(decided).toBe(true);
    await control(runId, { action: "end" });

    const log = await readRunLog(runId);
    const named = await db.seat.findMany({ where: { runId } });
    const nameOf = new Map(named.map((s) => [`seat:${s.number}`, s.displayName]));
    const startDate = findScenario("rostov-1954")!.startDate;
    // What must be there: every logged action of a seat, at its time and under its name; every injection.
    const expected = log
      .filter((e) => ["case.act", "letter.write", "desk.work"].includes(e.type) && nameOf.has(e.actor))
      .map((e) => `${nameOf.get(e.actor)}@${simTimestamp(startDate, e.simDay)}`)
      .sort();
    expect(log.some((e) => e.type === "letter.write")).toBe(true); // the follow-up was only noted
    expect(log.some((e) => e.type === "desk.work")).toBe(true);
    const injections = log.filter((e) => e.type === "run.inject").length;
    expect(injections).toBe(1);
    const students = new Set(nameOf.values());

    const csv = await exportRun(owner, runId, { format: "csv" });
    if (!csv.ok) throw new Error(csv.error.message);
    const rows = Papa.parse<Record<string, string>>(csv.body, { header: true, skipEmptyLines: true }).data;
    const xes = await exportRun(owner, runId, { format: "xes" });
    if (!xes.ok) throw new Error(xes.error.message);
    const traces = (
      new XMLParser({
        ignoreAttributes: false,
        isArray: (name) => ["trace", "event", "string", "date"].includes(name),
      }).parse(xes.body) as {
        log: { trace: { string: Attr[]; event: { string: Attr[]; date: Attr[] }[] }[] };
      }
    ).log.trace;
    const xesRows = traces.flatMap((t) =>
      t.event.map((e) => ({
        case_id: attrOf(t.string, "concept:name"),
        resource: attrOf(e.string, "org:resource")!,
        timestamp: attrOf(e.date, "time:timestamp")!,
        activity: attrOf(e.string, "concept:name")!,
        detail: attrOf(e.string, "detail") ?? "",
        text: attrOf(e.string, "text") ?? "",
      })),
    );
    for (const found of [rows, xesRows] as { [k: string]: string | undefined }[][]) {
      const bySeats = found
        .filter((r) => students.has(r.resource!))
        .map((r) => `${r.resource}@${r.timestamp}`)
        .sort();
      expect(bySeats).toEqual(expected);
      expect(found.filter((r) => r.case_id === RUN_CASE_ID && /^Event injected: /.test(r.activity!))).toHaveLength(
        injections,
      );
      for (const text of Object.values(words)) expect(found.filter((r) => r.text === text)).toHaveLength(1);
      expect(found.find((r) => r.text === words.followUp)!.detail).toBe(NOTED_LETTER);
      expect(found.some((r) => r.activity === "File read" && r.resource === "Ivan")).toBe(true);
    }
  }, 60_000);

  test("only the run's owner can export; a bad format changes nothing and says why", async () => {
    const { runId } = await playedRun();
    expect(await exportRun(other, runId, { format: "csv" })).toEqual(fail("notFound", RUN_NOT_FOUND));
    expect(await exportRun(owner, "no-such-run", { format: "xes" })).toMatchObject({ error: { code: "notFound" } });
    expect(await exportRun(owner, runId, { format: "pdf" })).toEqual(fail("invalid", "Choose CSV or XES."));
    expect(await exportRun(owner, runId, { format: "csv", extra: "1" })).toMatchObject({ error: { code: "invalid" } });
  });
});

describe("injected events", () => {
  test("the owner injects a sourced event once while the run is live; every seat is told; the log replays it", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 1, seed: 41 });
    const seats = [await join(joinCode, "A"), await join(joinCode, "B")];
    const lobby = await controlRun(owner, runId, { action: "inject", eventId: "staff-cut" });
    expect(lobby).toEqual(fail("conflict", "Events can be injected only while the run is under way."));
    await control(runId, { action: "start" });
    now += 10 * TICK_MS;
    expect(await controlRun(other, runId, { action: "inject", eventId: "staff-cut" })).toEqual(
      fail("notFound", RUN_NOT_FOUND),
    );
    expect(await controlRun(owner, runId, { action: "inject", eventId: "free-everyone" })).toEqual(
      fail("invalid", "Choose an event from the list."),
    );
    const before = await worldHash(runId);
    expect(await runStore.read(runId, (_, world) => world.parameters.desks.procurators)).toBe(8);
    await control(runId, { action: "inject", eventId: "staff-cut" });
    expect(await runStore.read(runId, (_, world) => world.parameters.desks.procurators)).toBe(3);
    expect(await worldHash(runId)).not.toBe(before);
    const again = await controlRun(owner, runId, { action: "inject", eventId: "staff-cut" });
    expect(again.ok === false && again.error.message).toBe("You injected that event already, on 11 June 1954.");
    // Lists arrive from every camp: no case is left waiting for one.
    await control(runId, { action: "inject", eventId: "lists-arrive" });
    expect(await runStore.read(runId, (_, world) => world.tally().stages.lists)).toBe(0);
    for (const seat of seats) {
      const view = await getSeatView(runId, seat.cookie);
      expect(view.ok && view.view.news.map((n) => [n.id, n.dateLabel, n.source])).toEqual([
        ["injected-staff-cut", "11 June 1954", "adler-ch3"],
        ["injected-lists-arrive", "11 June 1954", "adler-ch3"],
      ]);
    }
    const logged = await db.runEvent.findFirstOrThrow({
      where: { runId, type: "run.inject" },
      orderBy: { seq: "asc" },
    });
    expect(JSON.parse(logged.payload)).toEqual({ id: "staff-cut", effects: [{ set: "desks.procurators", value: 3 }] });
    // The scenario has the April 1954 exile order already: injecting it again would compound it.
    const scheduled = await controlRun(owner, runId, { action: "inject", eventId: "exile-order" });
    expect(scheduled.ok === false && scheduled.error.message).toMatch(/already in force/);
    // An event whose date has not come: only as a what-if, and every seat is told it is one.
    const early = await controlRun(owner, runId, { action: "inject", eventId: "twentieth-congress" });
    expect(early.ok === false && early.error.message).toMatch(/came on 24–25 February 1956, after the run's date/);
    await control(runId, { action: "inject", eventId: "twentieth-congress", counterfactual: "on" });
    const told = await getSeatView(runId, seats[0]!.cookie);
    expect(told.ok && told.view.news.at(-1)?.text).toMatch(/A what-if: historically this came on 24–25 February 1956/);
    const whatIf = await db.runEvent.findFirstOrThrow({
      where: { runId, type: "run.inject" },
      orderBy: { seq: "desc" },
    });
    expect(JSON.parse(whatIf.payload)).toMatchObject({ id: "twentieth-congress", counterfactual: true });
    // The console says which events the scenario has already, and which one was a what-if.
    const menu = (await consoleData(runId)).injections;
    expect(menu.find((i) => i.id === "exile-order")).toMatchObject({ scheduled: true, injectedOn: null });
    expect(menu.find((i) => i.id === "twentieth-congress")).toMatchObject({ whatIf: true, injectedOn: "11 June 1954" });
    expect(menu.find((i) => i.id === "collaborators-amnesty")).toMatchObject({ scheduled: false, early: true });
    now += 5 * TICK_MS;
    const history = await loadRunHistory(runId);
    expect(hashString(JSON.stringify(history.world.save()))).toBe(await worldHash(runId));
    expect(await worldHash(runId, new RunStore(db, () => now))).toBe(await worldHash(runId));
    await control(runId, { action: "end" });
    const over = await controlRun(owner, runId, { action: "inject", eventId: "moscow-inspection" });
    expect(over).toEqual(fail("conflict", "Events can be injected only while the run is under way."));
  });
});

describe("debrief prompts", () => {
  test("the owner rewrites them, one per line; others cannot; too long is refused; empty brings the defaults back", async () => {
    const { runId } = await newRun();
    const prompts = async () => {
      const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
      return debriefPrompts(run.scenarioId, run.debriefPrompts);
    };
    const defaults = await prompts();
    expect(defaults[0]).toMatch(/Rostov/);
    expect(await saveDebriefPrompts(other, runId, "Mine")).toEqual(fail("notFound", RUN_NOT_FOUND));
    expect(await saveDebriefPrompts(owner, runId, "x".repeat(PROMPTS_MAX + 1))).toMatchObject({ ok: false });
    expect(await saveDebriefPrompts(owner, runId, 42)).toMatchObject({ ok: false });
    expect(await prompts()).toEqual(defaults);
    expect(await saveDebriefPrompts(owner, runId, "  First?\r\n\r\nSecond?  ")).toEqual({ ok: true });
    expect(await prompts()).toEqual(["First?", "Second?"]);
    expect(await saveDebriefPrompts(owner, runId, "   ")).toEqual({ ok: true });
    expect(await prompts()).toEqual(defaults);
  });
});

describe("self-guided runs", () => {
  test("a visitor's run has no owner, one seat that steers only its own clock, and a personal debrief at the end", async () => {
    const bad = await startSoloRun({ scenarioId: "chita-1954", role: "judge" }, address);
    expect(bad.ok === false && bad.error.fieldErrors?.role).toBe("Choose to play a petitioner or a procurator.");
    const tooBig = await startSoloRun({ scenarioId: "national-1954", role: "petitioner" }, address);
    expect(tooBig.ok === false && tooBig.error.message).toMatch(/too large to play/);
    const solo = await startSoloRun({ scenarioId: "chita-1954", role: "procurator", seed: "5" }, address);
    if (!solo.ok) throw new Error(solo.error.message);
    const cookie = seatCookieValue(solo.seatId, solo.token);
    const run = await db.run.findUniqueOrThrow({ where: { id: solo.runId } });
    expect(run).toMatchObject({ ownerId: null, status: "running", seed: 5, procuratorSeats: 1, petitionerSeats: 0 });
    // No instructor sees or steers it.
    expect(await getRunForOwner(owner, solo.runId)).toBeNull();
    expect(await controlRun(owner, solo.runId, { action: "pause" })).toEqual(fail("notFound", RUN_NOT_FOUND));
    // Its seat steers the clock, and nothing else.
    expect(await controlSoloRun(solo.runId, cookie, { action: "pause" })).toEqual({ ok: true });
    expect(await controlSoloRun(solo.runId, cookie, { action: "resume" })).toEqual({ ok: true });
    expect(await controlSoloRun(solo.runId, cookie, { action: "jump", toDate: "1954-08-01" })).toEqual({ ok: true });
    for (const action of [{ action: "delete" }, { action: "archive" }, { action: "inject", eventId: "staff-cut" }]) {
      expect(await controlSoloRun(solo.runId, cookie, action)).toEqual(fail("forbidden", "That control is not yours."));
    }
    expect((await controlSoloRun(solo.runId, undefined, { action: "pause" })).ok).toBe(false);
    // A class seat cannot steer its class's clock.
    const { runId, joinCode } = await newRun();
    const student = await join(joinCode);
    await control(runId, { action: "start" });
    expect(await controlSoloRun(runId, student.cookie, { action: "pause" })).toEqual(
      fail("forbidden", "Only your teacher can steer this class's clock."),
    );
    // Nor another run's seat this one.
    expect((await controlSoloRun(solo.runId, student.cookie, { action: "pause" })).ok).toBe(false);
    const live = await getSeatView(solo.runId, cookie);
    expect(live.ok && [live.view.solo, live.view.debrief]).toEqual([true, undefined]);
    expect(await controlSoloRun(solo.runId, cookie, { action: "end" })).toEqual({ ok: true });
    const ended = await getSeatView(solo.runId, cookie);
    if (!ended.ok) throw new Error(ended.error.message);
    expect(ended.view.debrief!.find((r) => r.metric === "upheldShare")!.history[0]).toMatchObject({
      here: true,
      value: "37%",
    });
  });
});

describe("a run played alone serves its player", () => {
  test("the pace is chosen at the start: a first run reads at a week a minute, and only the offered paces are taken", async () => {
    const first = await startSoloRun({ scenarioId: "chita-1954", role: "petitioner" }, address);
    if (!first.ok) throw new Error(first.error.message);
    expect((await db.run.findUniqueOrThrow({ where: { id: first.runId } })).speed).toBe(FIRST_SOLO_PACE);
    for (const { daysPerMinute } of SOLO_PACES) {
      const solo = await startSoloRun(
        { scenarioId: "chita-1954", role: "petitioner", speed: String(daysPerMinute) },
        address,
      );
      if (!solo.ok) throw new Error(solo.error.message);
      expect((await db.run.findUniqueOrThrow({ where: { id: solo.runId } })).speed).toBe(daysPerMinute);
    }
    const runs = await db.run.count();
    for (const speed of ["0", "29", "fast", 1e9]) {
      const refused = await startSoloRun({ scenarioId: "chita-1954", role: "petitioner", speed }, address);
      expect(refused.ok === false && refused.error.fieldErrors?.speed).toBe("Choose one of the paces.");
    }
    expect(await db.run.count()).toBe(runs);
  });

  test("a paused run alone still takes a letter, dated on the paused day; a class's paused clock refuses it", async () => {
    const solo = await startSoloRun({ scenarioId: "chita-1954", role: "petitioner", seed: "266" }, address);
    if (!solo.ok) throw new Error(solo.error.message);
    const cookie = seatCookieValue(solo.seatId, solo.token);
    now += 10 * TICK_MS;
    expect(await controlSoloRun(solo.runId, cookie, { action: "pause" })).toEqual({ ok: true });
    const paused = await getSeatView(solo.runId, cookie);
    if (!paused.ok) throw new Error(paused.error.message);
    expect(paused.view.clock).toMatchObject({ status: "paused", pausedBy: "player" });
    expect(paused.view.cases[0]!.petition!.canWrite).toBe(true);
    now += 50 * TICK_MS; // a long think: the clock stands still
    const sent = await actOnCase(solo.runId, cookie, letter(paused.view.cases[0]!));
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.clock.simDay).toBe(paused.view.clock.simDay);
    expect(sent.letter!.date).toBe(paused.view.clock.date);

    // A class's paused clock stops every desk.
    const { runId, joinCode } = await newRun();
    const seat = await join(joinCode);
    const petitioner = seat.role === "petitioner" ? seat : await join(joinCode, "P2");
    await control(runId, { action: "start" });
    await control(runId, { action: "pause" });
    const [theCase] = await seatCases(runId, petitioner.cookie);
    const refused = await actOnCase(runId, petitioner.cookie, letter(theCase!));
    expect(refused.ok === false && refused.error.code).toBe("notLive");
  });

  test("skipping ahead stops at the first news or after three months, logged as an ordinary jump; never past the end", async () => {
    let news = 0;
    for (const seed of [266, 7, 31, 5]) {
      const solo = await startSoloRun({ scenarioId: "chita-1954", role: "petitioner", seed: String(seed) }, address);
      if (!solo.ok) throw new Error(solo.error.message);
      const cookie = seatCookieValue(solo.seatId, solo.token);
      const seen = async () => {
        const view = await getSeatView(solo.runId, cookie);
        if (!view.ok) throw new Error(view.error.message);
        return view.view;
      };
      expect((await actOnCase(solo.runId, cookie, letter((await seen()).cases[0]!))).ok).toBe(true);
      /** What the petitioner can see: replies and decisions, and whether the spravka can be asked for. */
      const known = (v: Awaited<ReturnType<typeof seen>>) =>
        (v.cases[0]!.received?.length ?? 0) + (v.cases[0]!.petition?.spravkaFrom ? 1 : 0);
      for (let step = 0; step < 12; step++) {
        const before = await seen();
        const result = await controlSoloRun(solo.runId, cookie, { action: "skipAhead" });
        const after = await seen();
        if (before.clock.simDay >= before.clock.horizonDays) {
          // At the last day there is nowhere to skip to: said so, and the clock stays.
          expect(result).toEqual(fail("conflict", NOTHING_MORE_COMES));
          expect(after.clock.simDay).toBe(before.clock.simDay);
          break;
        }
        expect(result, `seed ${seed}`).toEqual({ ok: true });
        const moved = after.clock.simDay - Math.floor(before.clock.simDay);
        expect(moved, `seed ${seed}`).toBeGreaterThan(0);
        expect(moved, `seed ${seed}`).toBeLessThanOrEqual(SKIP_AHEAD_MAX_DAYS);
        // Either news came, or the clock went the whole three months (or to the last day) in silence.
        if (known(after) > known(before)) news++;
        else
          expect(after.clock.simDay).toBe(
            Math.min(before.clock.horizonDays, Math.floor(before.clock.simDay) + SKIP_AHEAD_MAX_DAYS),
          );
        const log = await readRunLog(solo.runId);
        expect(log.at(-1)).toMatchObject({ type: "run.advance", payload: { toDay: after.clock.simDay } });
      }
    }
    expect(news).toBeGreaterThan(0);
  });

  test("someone alone whose seat is open elsewhere is not told to ask a teacher", async () => {
    const solo = await startSoloRun({ scenarioId: "chita-1954", role: "petitioner" }, address);
    if (!solo.ok) throw new Error(solo.error.message);
    const run = await db.run.findUniqueOrThrow({ where: { id: solo.runId } });
    const seat = await db.seat.findUniqueOrThrow({ where: { id: solo.seatId } });
    await getSeatView(solo.runId, seatCookieValue(solo.seatId, solo.token)); // the seat is active now
    const held = await rejoinSeat({ code: run.joinCode, rejoinCode: seat.rejoinCode }, address);
    expect(held.ok).toBe(false);
    expect(!held.ok && held.error.message).toMatch(/someone else has your resume link/);
    expect(!held.ok && held.error.message).not.toMatch(/teacher/i);
  });
});

describe("custom scenarios", () => {
  const form = customScenarioForm;

  test("bad values are named by field and nothing is saved; a good one is saved, private, and plays a class run", async () => {
    const bad = await saveCustomScenario(
      owner,
      form({
        title: " ",
        "caseload.cases": "0",
        "desks.procurators": "many",
        "institutions.listsWithheldShare": "2",
        horizonDays: "99999",
      }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.error.fieldErrors ?? {}).sort()).toEqual(["desks.procurators", "title"]);
    const ranges = await saveCustomScenario(
      owner,
      form({ "caseload.cases": "0", "institutions.listsWithheldShare": "2", horizonDays: "99999" }),
    );
    expect(ranges.ok === false && Object.keys(ranges.error.fieldErrors ?? {}).sort()).toEqual([
      "caseload.cases",
      "horizonDays",
      "institutions.listsWithheldShare",
    ]);
    const huge = await saveCustomScenario(owner, form({ "caseload.cases": "20000" }));
    expect(huge.ok === false && huge.error.fieldErrors?.["caseload.cases"]).toMatch(/what-if lab/);
    expect(await db.customScenario.count({ where: { ownerId: owner.id } })).toBe(0);

    const saved = await saveCustomScenario(owner, form());
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await findCustomScenario(other, `custom-${saved.id}`)).toBeNull();
    expect(await saveCustomScenario(other, { ...form(), id: saved.id })).toMatchObject({ ok: false });
    const mine = await findCustomScenario(owner, `custom-${saved.id}`);
    expect(mine).toMatchObject({
      title: "Chita with more staff",
      caseload: { cases: 500 },
      desks: { procurators: 12 },
    });

    // Another teacher cannot run it; its owner can, and the run keeps it even if it is edited later.
    const theirs = await createRun(other, {
      title: "x",
      scenarioId: `custom-${saved.id}`,
      procuratorSeats: 1,
      petitionerSeats: 1,
      speed: 60,
    });
    expect(theirs.ok === false && theirs.error.fieldErrors?.scenarioId).toBe("Choose one of the scenarios.");
    const run = await newRun({ scenarioId: `custom-${saved.id}`, procuratorSeats: 0, petitionerSeats: 1 });
    const seat = await join(run.joinCode);
    await control(run.runId, { action: "start" });
    expect((await saveCustomScenario(owner, { ...form({ "caseload.cases": "50" }), id: saved.id })).ok).toBe(true);
    now += 5 * TICK_MS;
    expect(await runStore.read(run.runId, (_, world) => world.caseCount)).toBe(500);
    expect((await seatCases(run.runId, seat.cookie)).length).toBe(1);
    expect(await worldHash(run.runId, new RunStore(db, () => now))).toBe(await worldHash(run.runId));
  });
});

describe("retention", () => {
  test("archived class runs and long-idle self-guided runs are deleted with everything in them; others stay", async () => {
    const day = 86_400_000;
    const old = await newRun();
    const recent = await newRun();
    const live = await newRun();
    const seat = await join(old.joinCode);
    await control(old.runId, { action: "start" });
    const [c] = await seatCases(old.runId, seat.cookie);
    if (seat.role === "petitioner") expect((await actOnCase(old.runId, seat.cookie, letter(c!))).ok).toBe(true);
    await db.run.update({
      where: { id: old.runId },
      data: { status: "archived", archivedAt: new Date(now - 400 * day) },
    });
    await db.run.update({
      where: { id: recent.runId },
      data: { status: "archived", archivedAt: new Date(now - 10 * day) },
    });
    const solo = await startSoloRun({ scenarioId: "tomsk-1955", role: "petitioner" }, address);
    if (!solo.ok) throw new Error(solo.error.message);
    await db.run.update({ where: { id: solo.runId }, data: { updatedAt: new Date(now - 100 * day) } });
    const fresh = await startSoloRun({ scenarioId: "tomsk-1955", role: "petitioner" }, address);
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect(await purgeExpiredRuns(now, { archivedDays: 365, soloDays: 90 })).toBe(2);
    const left = new Set((await db.run.findMany({ select: { id: true } })).map((r) => r.id));
    expect([old.runId, solo.runId].filter((id) => left.has(id))).toEqual([]);
    expect([recent.runId, live.runId, fresh.runId].every((id) => left.has(id))).toBe(true);
    for (const table of [db.seat, db.runEvent, db.letter, db.seatCase, db.runCheckpoint] as unknown as {
      count: (a: object) => Promise<number>;
    }[]) {
      expect(await table.count({ where: { runId: old.runId } })).toBe(0);
    }
  });
});

describe("the class is the commission", () => {
  test("a petitioner's letter that reaches the commission lands in the classmate procurator's inbox in their words, and nowhere else", async () => {
    let reached = 0;
    let astray = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { runId, joinCode } = await newRun({ seed, procuratorSeats: 2, petitionerSeats: 2 });
      const seats = [];
      for (const name of ["A", "B", "C", "D"]) seats.push(await join(joinCode, name));
      await control(runId, { action: "start" });
      const [writer, bystander] = seats.filter((s) => s.role === "petitioner") as [
        (typeof seats)[0],
        (typeof seats)[0],
      ];
      const [theCase] = await seatCases(runId, writer.cookie);
      // The procurator holding the case, and the one who does not.
      const procurators = seats.filter((s) => s.role === "procurator");
      const holds = await Promise.all(
        procurators.map(async (p) => (await seatCases(runId, p.cookie)).some((c) => c.index === theCase!.index)),
      );
      expect(holds.filter(Boolean)).toHaveLength(1);
      const procurator = procurators[holds.indexOf(true)]!;
      const otherProcurator = procurators[holds.indexOf(false)]!;
      const words = `Seed ${seed}: I was sentenced for a joke about the harvest.`;
      expect((await actOnCase(runId, writer.cookie, letter(theCase!, "provincialProcuracy", words))).ok).toBe(true);
      now += 150 * TICK_MS; // 150 simulated days
      const desk = await getSeatView(runId, procurator.cookie);
      if (!desk.ok) throw new Error(desk.error.message);
      const arrived = await runStore.read(runId, (_, world) => arrivals(world.caseHistory(theCase!.index))[0]);
      if (arrived !== null && arrived !== undefined) {
        reached++;
        const arrival = { caseIndex: theCase!.index, fromSeat: writer.number, arrivedDay: arrived };
        // Arrived but not read: the words are not sent to the desk until it spends the time on them.
        expect(desk.view.inbox).toContainEqual(expect.objectContaining({ ...arrival, body: null }));
        expect(JSON.stringify(desk)).not.toContain(words);
        const onDesk = desk.view.cases.find((c) => c.index === theCase!.index)!;
        const before = desk.view.hours!.left;
        const read = await actOnCase(runId, procurator.cookie, {
          requestId: randomUUID(),
          caseIndex: onDesk.index,
          expectedVersion: onDesk.version,
          action: { type: "letter.read" },
        });
        expect(read.ok, read.ok ? "" : read.error.message).toBe(true);
        const after = await getSeatView(runId, procurator.cookie);
        if (!after.ok) throw new Error(after.error.message);
        expect(after.view.inbox).toContainEqual(expect.objectContaining({ ...arrival, body: words }));
        expect(after.view.hours!.left).toBe(before - DESK_COSTS["letter.read"].hours);
        // Read once: there is nothing more to read on that case.
        const again = after.view.cases.find((c) => c.index === theCase!.index)!;
        expect(again.file?.work.map((w) => w.type) ?? []).not.toContain("letter.read");
        // Replayed from its log by a fresh instance, the desk has read the same letters.
        expect(await worldHash(runId, new RunStore(db, () => now))).toBe(await worldHash(runId));
      } else {
        // Forwarded to the accused, lost or answered with a form: the desk could not have known of it.
        astray++;
        expect(JSON.stringify(desk)).not.toContain(words);
      }
      // Another petitioner of the class never reads it, nor a procurator whose desk does not hold the case,
      // who cannot spend time reading it either.
      expect(JSON.stringify(await getSeatView(runId, bystander.cookie))).not.toContain(words);
      expect(JSON.stringify(await getSeatView(runId, otherProcurator.cookie))).not.toContain(words);
      const notTheirs = await actOnCase(runId, otherProcurator.cookie, {
        requestId: randomUUID(),
        caseIndex: theCase!.index,
        expectedVersion: 0,
        action: { type: "letter.read" },
      });
      expect(notTheirs.ok).toBe(false);
      expect(JSON.stringify(notTheirs)).not.toContain(words);
    }
    // Both fates occur among these seeds, so both branches above were checked.
    expect(reached).toBeGreaterThan(0);
    expect(astray).toBeGreaterThan(0);
  });
});

describe("the district is sized from the lesson", () => {
  test("the run keeps the form's plan; the computer helps only when asked, and only with procurator seats", async () => {
    const seats = { scenarioId: "rostov-1954", procuratorSeats: 5, petitionerSeats: 25, speed: 7 };
    const plain = await newRun(seats);
    const plan = planDistrict({ scenario: findScenario("rostov-1954")!, speed: 7, procurators: 5, petitioners: 25 })!;
    expect(await db.run.findUniqueOrThrow({ where: { id: plain.runId } })).toMatchObject({
      deskFiles: plan.filesPerDesk,
      computerHelps: false,
    });
    const helped = await newRun({ ...seats, computerHelps: "on" });
    expect((await db.run.findUniqueOrThrow({ where: { id: helped.runId } })).computerHelps).toBe(true);
    const noDesks = await newRun({ ...seats, procuratorSeats: 0, computerHelps: "on" });
    expect((await db.run.findUniqueOrThrow({ where: { id: noDesks.runId } })).computerHelps).toBe(false);
    // Started, each procurator's desk holds the plan's files; the help is in the log, so replays have it too.
    for (const [run, logged] of [
      [plain, false],
      [helped, true],
    ] as const) {
      const procurator = await join(run.joinCode, "P");
      await control(run.runId, { action: "start" });
      if (procurator.role === "procurator") {
        expect((await seatCases(run.runId, procurator.cookie)).length).toBe(plan.filesPerDesk);
      }
      const log = await readRunLog(run.runId);
      expect(log.some((e) => e.type === "district.help")).toBe(logged);
      expect(await worldHash(run.runId, new RunStore(db, () => now))).toBe(await worldHash(run.runId));
    }
  });

  test("a class too big for the scenario is refused with what it needs, and nothing is stored", async () => {
    const before = await db.run.count();
    const result = await createRun(owner, {
      title: "Too many",
      scenarioId: "tomsk-1955",
      procuratorSeats: 10,
      petitionerSeats: 0,
      speed: 7,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { fieldErrors: { petitionerSeats: expect.stringMatching(/35 cases: .* each procurator's desk \d+/) } },
    });
    expect(await db.run.count()).toBe(before);
  });
});

describe("a procurator's desk has work from the first day", () => {
  test("the desk's files not petitioned by a classmate start with a complaint registered before the commission sat; a classmate's case waits for their letter", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 1, seed: 5 });
    const seats = [await join(joinCode, "A"), await join(joinCode, "B")];
    await control(runId, { action: "start" });
    const procurator = seats.find((s) => s.role === "procurator")!;
    const petitioner = seats.find((s) => s.role === "petitioner")!;
    const [theirs] = await seatCases(runId, petitioner.cookie);
    const desk = await seatCases(runId, procurator.cookie);
    expect(desk.map((c) => c.index)).toContain(theirs!.index);
    const paths = await runStore.read(runId, (_, world) => desk.map((c) => [c.index, world.caseState(c.index).path]));
    for (const [i, path] of paths) {
      if (i === theirs!.index) expect(path).toBe("complaint.unwritten");
      else expect(path).not.toMatch(/^complaint\./);
    }
    // Each file says how it came to the desk, with its source.
    for (const c of desk) {
      expect(c.file?.origin).toMatchObject({
        text: expect.stringMatching(
          c.index === theirs!.index ? /classmate petitions/ : /registered before the commission first sat/,
        ),
        source: "adler-ch3",
      });
    }
    // Logged like every change, so a fresh instance replays the same world.
    const log = await readRunLog(runId);
    expect(log.some((e) => e.type === "district.backlog")).toBe(true);
    expect(await worldHash(runId, new RunStore(db, () => now))).toBe(await worldHash(runId));
  });
});

describe("a procurator playing alone has a file to read at once", () => {
  test("in every scenario a visitor may play, one file on the desk is at review on the first day and says why; a fresh instance replays the same world", async () => {
    const playable = SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES);
    for (const [k, scenario] of playable.entries()) {
      const solo = await startSoloRun({ scenarioId: scenario.id, role: "procurator", seed: String(k + 2) }, address);
      if (!solo.ok) throw new Error(solo.error.message);
      const desk = await seatCases(solo.runId, seatCookieValue(solo.seatId, solo.token));
      const atReview = await runStore.read(solo.runId, (_, world) =>
        desk.filter((c) => world.caseState(c.index).path === "commission.review"),
      );
      expect({ scenario: scenario.id, ready: atReview.length }).toEqual({ scenario: scenario.id, ready: 1 });
      expect(atReview[0]!.file?.origin).toEqual({
        text: expect.stringMatching(/ready before the commission first sat.*the game's choice/),
        source: "adler-ch3",
      });
      const log = await readRunLog(solo.runId);
      expect(log.filter((e) => e.type === "district.prepared")).toHaveLength(1);
      expect(await worldHash(solo.runId, new RunStore(db, () => now))).toBe(await worldHash(solo.runId));
    }
  });
});

describe("the reveal at the end", () => {
  test("once the run has ended, a petitioner sees every step their case took, with who took it; never before", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 1, seed: 35 });
    const seats = [await join(joinCode, "Olga"), await join(joinCode, "Ivan")];
    await control(runId, { action: "start" });
    const olga = seats.find((s) => s.role === "petitioner")!;
    const [theCase] = await seatCases(runId, olga.cookie);
    expect((await actOnCase(runId, olga.cookie, letter(theCase!))).ok).toBe(true);
    now += 60 * TICK_MS;
    expect(await seatReveal(runId, { number: olga.number, role: "petitioner" }, [theCase!.index])).toBeNull();
    await control(runId, { action: "end" });
    const reveal = await seatReveal(runId, { number: olga.number, role: "petitioner" }, [theCase!.index]);
    const steps = reveal!.cases[0]!.steps;
    expect(steps[0]).toMatchObject({ what: expect.stringMatching(/^Complaint sent to/), who: "Olga" });
    // What the petitioner could not see: what the office did with the letter, by the computer.
    expect(
      steps.some((s) => /registered|forwarded|lost|Form reply|Camp list/.test(s.what) && /computer/.test(s.who)),
    ).toBe(true);
  });
});

describe("the teacher's per-student report", () => {
  test("holds each seat's letters in their words and each letter's fate; names or seat labels; the owner's alone", async () => {
    const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 1, seed: 1 });
    const seats = [await join(joinCode, "Olga"), await join(joinCode, "Ivan")];
    await control(runId, { action: "start" });
    const olga = seats.find((s) => s.role === "petitioner")!;
    const [theCase] = await seatCases(runId, olga.cookie);
    const words = "I ask you to review my case: the only evidence is my own confession.";
    expect((await actOnCase(runId, olga.cookie, letter(theCase!, "provincialProcuracy", words))).ok).toBe(true);
    now += 60 * TICK_MS;
    // The console shows the district apart: the class's desks, and the letter waiting in the inbox.
    const consoleView = await consoleData(runId);
    expect(consoleView.district).toMatchObject({ desks: 1, files: await deskFiles(runId), waiting: 1 });
    expect(consoleView.seats.find((s) => s.role === "procurator")!.summary).toMatch(
      /inbox: 1 waiting, the oldest \d+ days/,
    );
    const report = await studentReport(owner, runId);
    const student = report!.students.find((s) => s.number === olga.number)!;
    expect(student).toMatchObject({ name: "Olga", role: "petitioner" });
    expect(student.letters.map((l) => l.body)).toEqual([words]);
    expect(student.cases[0]!.fates[0]).toMatch(/^The letter of .* (reached the commission|never reached)/);
    const procurator = report!.students.find((s) => s.role === "procurator")!;
    expect(procurator.cases.length).toBeGreaterThanOrEqual(await deskFiles(runId));
    // Printed with seat labels, nobody is named.
    const labelled = await studentReport(owner, runId, { seatLabels: true });
    expect(JSON.stringify(labelled)).not.toMatch(/Olga|Ivan/);
    expect(labelled!.students.map((s) => s.name)).toEqual(labelled!.students.map((s) => `Seat ${s.number}`));
    // Another instructor gets nothing.
    expect(await studentReport(other, runId)).toBeNull();
  });
});

describe("the loop closes in class", () => {
  const act = (runId: string, cookie: string, c: CaseView, action: Record<string, unknown>) =>
    actOnCase(runId, cookie, { requestId: randomUUID(), caseIndex: c.index, expectedVersion: c.version, action });

  test("a classmate procurator decides a petitioner's case, and the decision comes back to the petitioner's desk", async () => {
    // The first seed (searched in order, so always the same) whose petitioner's case was sentenced out of
    // court: there the commission's decision is final and comes back as "The commission's decision".
    let found: {
      runId: string;
      olga: Awaited<ReturnType<typeof join>>;
      ivan: Awaited<ReturnType<typeof join>>;
    } | null = null;
    let theCase: CaseView | undefined;
    for (let seed = 40; seed < 80 && !found; seed++) {
      const { runId, joinCode } = await newRun({ procuratorSeats: 1, petitionerSeats: 1, seed });
      const seats = [await join(joinCode, "Olga"), await join(joinCode, "Ivan")];
      await control(runId, { action: "start" });
      const olga = seats.find((s) => s.role === "petitioner")!;
      [theCase] = await seatCases(runId, olga.cookie);
      const organ = await runStore.read(runId, (_, world) => world.caseFacts(theCase!.index).organ);
      if (EXTRAJUDICIAL_ORGANS.includes(organ))
        found = { runId, olga, ivan: seats.find((s) => s.role === "procurator")! };
    }
    expect(found).not.toBeNull();
    const { runId, olga, ivan } = found!;
    const words = "I was sentenced by the Special Conference for a joke. There is no evidence.";
    expect(
      (await actOnCase(runId, olga.cookie, letter(theCase!, "provincialProcuracy", words, { carrier: "friend" }))).ok,
    ).toBe(true);
    // Ivan works the file day by day until he can decide it; then rehabilitates.
    let decided = false;
    for (let day = 0; day < 220 && !decided; day++) {
      now += TICK_MS;
      const c = (await seatCases(runId, ivan.cookie)).find((d) => d.index === theCase!.index)!;
      if (
        c.file?.menu &&
        c.file.readHours >= c.file.reviewHours &&
        c.actions.some((a) => a.decision === "fullRehabilitation")
      ) {
        const result = await act(runId, ivan.cookie, c, {
          ...c.actions.find((a) => a.decision === "fullRehabilitation")!,
          justification: "The only evidence is a report of a joke; nothing supports the charge.",
        });
        expect(result.ok).toBe(true);
        decided = true;
        break;
      }
      const work = c.file?.work.find((w) => w.type !== "desk.deputy" && w.bar === null);
      if (work) await act(runId, ivan.cookie, c, { type: work.type });
    }
    expect(decided).toBe(true);
    const back = await seatCases(runId, olga.cookie);
    expect(back[0]!.received?.map((r) => r.title)).toContain("The commission's decision");
    // The release order is carried out only when the camp lets the person go (RULES.heldAfterRelease).
    const path = () => runStore.read(runId, (_, world) => world.caseState(theCase!.index).path);
    expect(await path()).toBe("heldAfterRelease");
    for (let tick = 0; tick < 2000 && (await path()) === "heldAfterRelease"; tick++) now += TICK_MS;
    expect(await path()).not.toBe("heldAfterRelease");
    // At the end, Ivan's reveal: his decision, his hours by kind, how long Olga's letter waited on his desk.
    await control(runId, { action: "end" });
    const desks = await seatCases(runId, ivan.cookie);
    const reveal = await seatReveal(
      runId,
      { number: ivan.number, role: "procurator" },
      desks.map((c) => c.index),
    );
    expect(reveal!.desk!.decisions).toEqual([{ label: expect.stringMatching(/rehabilitation/i), count: 1 }]);
    expect(reveal!.desk!.hours.find((h) => h.label === "Reading files")!.hours).toBeGreaterThan(0);
    expect(reveal!.desk!.inbox.letters).toBe(1);
    expect(reveal!.desk!.medianDaysToDecision.yours).toMatch(/^(more than )?\d+ days$/);
    // Olga's reveal: her person was rehabilitated and freed, so her case has a return card.
    const hers = await seatReveal(runId, { number: olga.number, role: "petitioner" }, [theCase!.index]);
    const card = hers!.cases[0]!.returnCard;
    expect(card).toMatchObject({ heading: "Coming home", record: expect.stringMatching(/^(cleared|noticeOnly)$/) });
    expect(card!.rows.map((r) => r.topic)).toContain("spravka");
    // A procurator's reveal of the same case carries none.
    expect(reveal!.cases.every((c) => c.returnCard === undefined)).toBe(true);
  });
});
