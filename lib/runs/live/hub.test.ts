import { randomUUID } from "node:crypto";
import { describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db";
import { hashSeatToken } from "@/lib/runs/codes";
import { controlRun } from "@/lib/runs/console/control-run";
import { createRun } from "@/lib/runs/console/create-run";
import type { LiveMessage } from "@/lib/api-types";
import { liveFrame, liveHub, type StreamAudience } from "./hub";
import { joinRun } from "@/lib/runs/seats/join-run";
import { rejoinSeat } from "@/lib/runs/seats/rejoin-seat";
import { writeLetterAs } from "@/lib/testing/fixtures";
import { seatDesk } from "@/lib/runs/seat-view/get-seat-view";
import { findScenario } from "@/lib/sim/scenarios";
import { MAX_SEATS } from "@/lib/runs/policy";

async function setUp(petitionerSeats = 2, procuratorSeats = 0) {
  const user = await db.user.create({ data: { name: "T", email: `${randomUUID()}@school.org`, passwordHash: "x" } });
  const owner = { id: user.id, name: "T", email: user.email, role: "instructor" };
  const run = await createRun(owner, {
    title: "Live",
    scenarioId: "rostov-1954",
    procuratorSeats,
    petitionerSeats,
    speed: 60,
    // A pinned seed: with a random one, now and then no letter reached the commission in the days a test waits.
    seed: 1,
  });
  if (!run.ok) throw new Error(run.error.message);
  const seat = await joinRun({ code: run.joinCode, name: "Sam", requestId: randomUUID() }, `addr-${randomUUID()}`);
  if (!seat.ok) throw new Error(seat.error.message);
  return { owner, run, seat };
}

/** The seat's student writes a letter about `theCase` (a change to their desk the hub must carry). */
async function writeALetter(
  runId: string,
  seat: { seatId: string; token: string },
  theCase: { index: number; version: number },
) {
  expect((await writeLetterAs(runId, seat, theCase, { addressee: "kgb" })).ok).toBe(true);
}

function listen(runId: string, who: StreamAudience) {
  const messages: LiveMessage[] = [];
  /** what the stream writes to the browser, message by message */
  const frames: string[] = [];
  const close = vi.fn();
  const unsubscribe = liveHub.subscribe(runId, {
    ...who,
    send: (m, frame) => {
      messages.push(m);
      frames.push(frame);
    },
    close,
  });
  const of = <T extends LiveMessage["type"]>(type: T) =>
    messages.filter((m): m is Extract<LiveMessage, { type: T }> => m.type === type);
  const framesOf = (type: LiveMessage["type"]) => frames.filter((_, k) => messages[k]!.type === type);
  return { messages, frames, close, unsubscribe, of, framesOf };
}

describe("the live hub", () => {
  test("a seat's stream gets the clock, its own desk, and news of its own case", async () => {
    const { owner, run, seat } = await setUp();
    const student = listen(run.runId, { kind: "seat", seatId: seat.seatId, holderHash: hashSeatToken(seat.token) });
    const teacher = listen(run.runId, { kind: "instructor" });
    await expect.poll(() => student.of("seat").length).toBeGreaterThan(0);
    expect(student.of("seat")[0]!.data.cases).toEqual([]); // lobby: no cases yet
    expect(teacher.of("seat")).toEqual([]); // the teacher's stream never carries a seat's desk

    await controlRun(owner, run.runId, { action: "start" });
    await expect.poll(() => student.of("seat").at(-1)?.data.cases.length).toBe(1);
    await expect.poll(() => teacher.of("run").length).toBeGreaterThan(0);
    expect(student.of("clock").at(-1)?.data.status).toBe("running");

    const theCase = student.of("seat").at(-1)!.data.cases[0]!;
    const before = student.of("seat").length;
    await writeALetter(run.runId, seat, theCase);
    await expect.poll(() => student.of("seat").length).toBeGreaterThan(before);
    const latest = student.of("seat").at(-1)!.data;
    expect(latest.cases[0]!.version).not.toBe(theCase.version);
    expect(latest.at).toBeLessThanOrEqual(Date.now());
    student.unsubscribe();
    teacher.unsubscribe();
  });

  test("a message is written as its own frame; streams share frames only when they hold the same seat", async () => {
    const { owner, run, seat } = await setUp(3);
    const other = await joinRun({ code: run.joinCode, name: "Kim", requestId: randomUUID() }, `addr-${randomUUID()}`);
    if (!other.ok) throw new Error(other.error.message);
    const sam = { kind: "seat", seatId: seat.seatId, holderHash: hashSeatToken(seat.token) } as const;
    // Sam has the desk open in two tabs; Kim in one; the teacher watches.
    const tabs = [listen(run.runId, sam), listen(run.runId, sam)];
    const kim = listen(run.runId, { kind: "seat", seatId: other.seatId, holderHash: hashSeatToken(other.token) });
    const teacher = listen(run.runId, { kind: "instructor" });
    const all = [...tabs, kim, teacher];
    await controlRun(owner, run.runId, { action: "start" });
    for (const stream of [...tabs, kim]) {
      await expect.poll(() => stream.of("seat").at(-1)?.data.cases.length).toBe(1);
    }
    const theCase = tabs[0]!.of("seat").at(-1)!.data.cases[0]!;
    const desks = tabs[0]!.of("seat").length;
    await writeALetter(run.runId, seat, theCase);
    await expect.poll(() => tabs.every((tab) => tab.of("seat").length > desks)).toBe(true);
    for (const stream of all) stream.unsubscribe();

    for (const stream of all) {
      expect(stream.frames).toEqual(stream.messages.map(liveFrame));
      for (const frame of stream.frames) expect(frame).toMatch(/^event: \w+\ndata: .*\n\n$/s);
    }
    // The same seat in two tabs: the same bytes, message for message.
    expect(tabs[1]!.frames).toEqual(tabs[0]!.frames);
    // Another seat's desk is built from that seat alone, and the clock is the class's.
    expect(kim.of("seat").every((m) => m.data.seat.number !== seat.number)).toBe(true);
    expect(tabs[0]!.of("seat").every((m) => m.data.seat.number === seat.number)).toBe(true);
    expect(kim.framesOf("seat").some((frame) => tabs[0]!.frames.includes(frame))).toBe(false);
    expect(teacher.framesOf("seat")).toEqual([]);
    expect(kim.framesOf("clock").at(-1)).toBe(tabs[0]!.framesOf("clock").at(-1));
  });

  test("seats whose streams open while the seats are loading are never mistaken for moved ones", async () => {
    const { run } = await setUp(10);
    // A slower database (as under load) widens the window in which streams open mid-load.
    const findMany = db.seat.findMany.bind(db.seat);
    const slow = vi
      .spyOn(db.seat, "findMany")
      .mockImplementation(((args: Parameters<typeof findMany>[0]) =>
        new Promise((resolve) => setTimeout(resolve, 15)).then(() => findMany(args))) as typeof db.seat.findMany);
    const seats = [];
    for (let k = 0; k < 8; k++) {
      const seat = await joinRun(
        { code: run.joinCode, name: `S${k}`, requestId: randomUUID() },
        `addr-${randomUUID()}`,
      );
      if (!seat.ok) throw new Error(seat.error.message);
      seats.push(seat);
    }
    const streams = [];
    for (const seat of seats) {
      streams.push(listen(run.runId, { kind: "seat", seatId: seat.seatId, holderHash: hashSeatToken(seat.token) }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(streams).toHaveLength(8);
    for (const stream of streams) await expect.poll(() => stream.of("seat").length).toBeGreaterThan(0);
    expect(streams.flatMap((s) => s.of("closed"))).toEqual([]);
    for (const stream of streams) stream.unsubscribe();
    slow.mockRestore();
  });

  test("a seat moved to another browser closes the old stream with the reason", async () => {
    const { run, seat } = await setUp();
    const old = listen(run.runId, { kind: "seat", seatId: seat.seatId, holderHash: hashSeatToken(seat.token) });
    await expect.poll(() => old.of("seat").length).toBeGreaterThan(0);
    const moved = await rejoinSeat(
      { code: run.joinCode, rejoinCode: seat.rejoinCode, takeOver: true },
      `addr-${randomUUID()}`,
    );
    expect(moved.ok).toBe(true);
    await expect.poll(() => old.of("closed").at(0)?.data.reason).toBe("movedAway");
    expect(old.close).toHaveBeenCalled();
    old.unsubscribe();
  });

  test("a seat the teacher removes has its stream closed with the reason; classmates' streams go on", async () => {
    const { owner, run, seat } = await setUp();
    const other = await joinRun({ code: run.joinCode, name: "Kim", requestId: randomUUID() }, `addr-${randomUUID()}`);
    if (!other.ok) throw new Error(other.error.message);
    await controlRun(owner, run.runId, { action: "start" });
    const gone = listen(run.runId, { kind: "seat", seatId: seat.seatId, holderHash: hashSeatToken(seat.token) });
    const stays = listen(run.runId, { kind: "seat", seatId: other.seatId, holderHash: hashSeatToken(other.token) });
    await expect.poll(() => gone.of("seat").length).toBeGreaterThan(0);
    expect(await controlRun(owner, run.runId, { action: "removeSeat", seatId: seat.seatId })).toEqual({ ok: true });
    await expect.poll(() => gone.of("closed").at(0)?.data.reason).toBe("removed");
    expect(gone.of("closed")[0]!.data.message).toMatch(/removed this seat/);
    expect(stays.of("closed")).toEqual([]);
    gone.unsubscribe();
    stays.unsubscribe();
  });

  test("a procurator's streamed desk shows classmates' letters as a read of the desk does", async () => {
    const { owner, run, seat } = await setUp(3, 1);
    const others = [];
    for (const name of ["Kim", "Ola", "Raj"]) {
      const other = await joinRun({ code: run.joinCode, name, requestId: randomUUID() }, `addr-${randomUUID()}`);
      if (!other.ok) throw new Error(other.error.message);
      others.push(other);
    }
    const joined = [seat, ...others];
    const procurator = joined.find((s) => s.role === "procurator")!;
    const petitioners = joined.filter((s) => s.role === "petitioner");
    await controlRun(owner, run.runId, { action: "start" });
    const desk = listen(run.runId, {
      kind: "seat",
      seatId: procurator.seatId,
      holderHash: hashSeatToken(procurator.token),
    });
    await expect.poll(() => desk.of("seat").at(-1)?.data.cases.length ?? 0).toBeGreaterThan(0);
    // Each petitioner writes about their own case, which sits on the procurator's desk.
    for (const petitioner of petitioners) {
      const own = await seatDesk(run.runId, { ...petitioner, id: petitioner.seatId });
      const theCase = own.view.cases[0]!;
      const acted = await writeLetterAs(run.runId, petitioner, theCase, {
        letter: `${petitioner.displayName} asks for a review.`,
      });
      expect(acted.ok).toBe(true);
    }
    // Long enough for the letters to reach the commission and its inbox.
    await controlRun(owner, run.runId, { action: "pause" });
    const start = findScenario("rostov-1954")!.startDate;
    const later = new Date(Date.parse(start) + 120 * 86_400_000).toISOString().slice(0, 10);
    expect(await controlRun(owner, run.runId, { action: "jump", toDate: later })).toEqual({ ok: true });
    const read = async () => (await seatDesk(run.runId, { ...procurator, id: procurator.seatId })).view;
    const streamed = () => desk.of("seat").at(-1)!.data.inbox;
    await expect.poll(async () => JSON.stringify(streamed()) === JSON.stringify((await read()).inbox)).toBe(true);
    expect(streamed()!.length).toBeGreaterThan(0);
    desk.unsubscribe();
  });

  test(`a full hall of ${MAX_SEATS} streams each gets its own desk (more seats than SQLite takes parameters)`, async () => {
    const { run } = await setUp(MAX_SEATS - 1);
    // The seats as rows, written at once: joining a hall one by one would make this suite slow.
    await db.seat.createMany({
      data: Array.from({ length: MAX_SEATS - 1 }, (_, k) => ({
        runId: run.runId,
        number: k + 2,
        role: "petitioner",
        displayName: `Student ${k + 2}`,
        rejoinCode: `HALL${String(k).padStart(4, "0")}`,
        holderHash: `hall-${k}`,
      })),
    });
    const seats = await db.seat.findMany({ where: { runId: run.runId }, select: { id: true, holderHash: true } });
    expect(seats).toHaveLength(MAX_SEATS);
    const streams = seats.map((seat) =>
      listen(run.runId, { kind: "seat", seatId: seat.id, holderHash: seat.holderHash }),
    );
    await expect.poll(() => streams.filter((s) => s.of("seat").length > 0).length, { timeout: 15_000 }).toBe(MAX_SEATS);
    expect(streams.flatMap((s) => s.of("closed"))).toEqual([]);
    for (const stream of streams) stream.unsubscribe();
  });

  test("deleting a run closes every stream of it", async () => {
    const { owner, run } = await setUp();
    const teacher = listen(run.runId, { kind: "instructor" });
    await expect.poll(() => teacher.of("clock").length).toBeGreaterThan(0);
    await controlRun(owner, run.runId, { action: "delete" });
    await expect.poll(() => teacher.of("closed").at(0)?.data.reason).toBe("deleted");
  });
});
