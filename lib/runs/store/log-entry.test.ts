import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { checkLogEntry, LOG_ENTRY_TYPES, parseLogEntry, type LogEntryType, type NewLogEntry } from "./log-entry";
import { RunStore, writeChange } from "./store";
import { StoredDataError } from "./stored-rows";

/** One entry of every type, as its writer logs it (the mapped type makes a missing type a compile error). */
const EXAMPLES: { [T in LogEntryType]: Extract<NewLogEntry, { type: T }> } = {
  "run.start": { type: "run.start", actor: "instructor", payload: {} },
  "run.pause": { type: "run.pause", actor: "system", payload: { reason: "restart" } },
  "run.resume": { type: "run.resume", actor: "instructor", payload: {} },
  "run.setSpeed": { type: "run.setSpeed", actor: "instructor", payload: { speed: 30 } },
  "run.advance": { type: "run.advance", actor: "instructor", payload: { fromDay: 3.25, toDay: 40 } },
  "run.inject": {
    type: "run.inject",
    actor: "instructor",
    payload: {
      id: "staff-cut",
      effects: [{ set: "desks.procurators", value: 2 }, { scale: "policy.bias", by: 0.8 }, { action: "sendAllLists" }],
    },
  },
  "run.end": { type: "run.end", actor: "system", payload: { reason: "horizon" } },
  "run.archive": { type: "run.archive", actor: "instructor", payload: {} },
  "seat.join": { type: "seat.join", actor: "seat:3", payload: { number: 3, role: "petitioner" } },
  "seat.rejoin": { type: "seat.rejoin", actor: "seat:3", payload: { takeOver: true } },
  "seat.reassign": { type: "seat.reassign", actor: "instructor", payload: { number: 2, role: "procurator" } },
  "seats.deal": {
    type: "seats.deal",
    actor: "system",
    payload: {
      cases: [
        [4, "procurator"],
        [9, "petitioner"],
      ],
    },
  },
  "district.backlog": { type: "district.backlog", actor: "system", payload: { cases: [4] } },
  "district.prepared": { type: "district.prepared", actor: "system", payload: { cases: [4] } },
  "district.help": { type: "district.help", actor: "system", payload: { afterDays: 60 } },
  "seat.remove": { type: "seat.remove", actor: "instructor", payload: { number: 2, cases: [[4, "procurator"]] } },
  "seat.rename": { type: "seat.rename", actor: "instructor", payload: { number: 2, from: "Alex", to: "Alex B." } },
  "run.joining": { type: "run.joining", actor: "instructor", payload: { locked: true } },
  "run.message": { type: "run.message", actor: "instructor", payload: { text: "Five minutes left." } },
  "run.eyesUp": { type: "run.eyesUp", actor: "instructor", payload: { on: true } },
  "run.lessonTimer": {
    type: "run.lessonTimer",
    actor: "instructor",
    payload: { endsAt: "2026-12-07T10:45:00.000Z" },
  },
  "case.act": {
    type: "case.act",
    actor: "seat:2",
    caseIndex: 4,
    payload: {
      event: { type: "review.decide", decision: "reclassification" },
      hours: 1,
      justification: "The confession was the only evidence.",
      toArticle: "109",
      newTermYears: 5,
    },
    requestId: "decide-0001",
  },
  "letter.write": {
    type: "letter.write",
    actor: "seat:3",
    caseIndex: 9,
    payload: { addressee: "presidium", grounds: "mercy", carrier: "friend" },
    requestId: "letter-0001",
  },
  "desk.work": {
    type: "desk.work",
    actor: "seat:2",
    caseIndex: 4,
    payload: { hours: 2.5, read: true },
    requestId: "read-0001",
  },
  "amnesty.check": {
    type: "amnesty.check",
    actor: "seat:1",
    caseIndex: 212,
    payload: { seat: 1, thorough: false },
    requestId: "check-0001",
  },
  "amnesty.sign": {
    type: "amnesty.sign",
    actor: "seat:2",
    caseIndex: 212,
    payload: { seat: 2 },
    requestId: "sign-0001",
  },
};

/** Other shapes writers log today, beyond one per type. */
const MORE: NewLogEntry[] = [
  { type: "run.pause", actor: "instructor", payload: {} },
  { type: "run.end", actor: "instructor", payload: {} },
  { type: "run.inject", actor: "instructor", payload: { id: "lists-arrive", effects: [] } },
  {
    type: "case.act",
    actor: "seat:3",
    caseIndex: 9,
    payload: {
      event: { type: "complaint.file", addressee: "kgb" },
      petition: { grounds: "noEvidence", carrier: "relative" },
      letter: true,
    },
    requestId: "letter-0002",
  },
  { type: "case.act", actor: "seat:3", caseIndex: 9, payload: { event: { type: "spravka.request" } } },
  { type: "case.act", actor: "seat:2", caseIndex: 4, payload: { event: { type: "file.crossCheck" }, hours: 2 } },
  { type: "desk.work", actor: "seat:2", caseIndex: 4, payload: { hours: 1, deputy: true } },
  { type: "desk.work", actor: "seat:2", caseIndex: 5, payload: { hours: 0.5, list: true } },
];

async function newRun(overrides: { status?: string; seq?: number } = {}) {
  return db.run.create({
    data: {
      title: "Log entries",
      scenarioId: "rostov-1954",
      seed: 3,
      procuratorSeats: 1,
      petitionerSeats: 1,
      speed: 60,
      horizonDays: 540,
      ...overrides,
    },
  });
}

/** Stores a row as it stands, bypassing the writers' checks (as an older version or a hand edit might have). */
async function storeRaw(runId: string, row: { type: string; caseIndex?: number | null; payload: string }) {
  await db.run.update({ where: { id: runId }, data: { seq: 1 } });
  return db.runEvent.create({ data: { runId, seq: 1, simDay: 0, actor: "system", caseIndex: null, ...row } });
}

describe("the run's log", () => {
  test("has an example of every entry type", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...LOG_ENTRY_TYPES].sort());
  });

  test.each([...Object.values(EXAMPLES), ...MORE].map((e) => [`${e.type} ${JSON.stringify(e.payload)}`, e] as const))(
    "a %s entry reads back as the same entry",
    async (_, entry) => {
      const run = await newRun();
      const at = new Date(Date.UTC(2026, 0, 5, 9));
      const wrote = await db.$transaction((tx) => writeChange(tx, run, {}, [checkLogEntry(entry)], at));
      expect(wrote?.seq).toBe(run.seq + 1);
      const row = await db.runEvent.findFirstOrThrow({ where: { runId: run.id } });
      expect(parseLogEntry(row)).toEqual({
        id: row.id,
        runId: run.id,
        seq: 1,
        simDay: 0,
        at,
        caseIndex: null,
        requestId: null,
        ...entry,
      });
    },
  );

  test("a write from a row another request moved on writes nothing; the row as written carries the new version", async () => {
    const run = await newRun();
    const entry = checkLogEntry({ type: "run.resume", actor: "instructor", payload: {} });
    const first = await db.$transaction((tx) => writeChange(tx, run, { simDay: 2 }, [entry], new Date()));
    expect(first).toEqual(await db.run.findUniqueOrThrow({ where: { id: run.id } }));
    expect(first).toMatchObject({ version: run.version + 1, seq: run.seq + 1, simDay: 2 });
    const stale = await db.$transaction((tx) => writeChange(tx, run, { simDay: 5 }, [entry], new Date()));
    expect(stale).toBeNull();
    expect(await db.run.findUniqueOrThrow({ where: { id: run.id } })).toEqual(first);
    expect(await db.runEvent.count({ where: { runId: run.id } })).toBe(1);
  });

  test.each<[string, { type: string; caseIndex?: number | null; payload: string }, RegExp]>([
    [
      "a payload of the wrong shape",
      { type: "desk.work", caseIndex: 4, payload: '{"hours":"two"}' },
      /does not fit its type: payload\.hours: .*expected number/,
    ],
    [
      "a case event the machines do not know",
      { type: "case.act", caseIndex: 4, payload: '{"event":{"type":"review.decide","decision":"shoot"}}' },
      /payload\.event\.decision/,
    ],
    [
      "a case entry without its case",
      { type: "letter.write", payload: "{}" },
      /caseIndex: .*expected number, received null/,
    ],
    ["a field its type does not carry", { type: "run.start", payload: '{"speed":3}' }, /Unrecognized key: "speed"/],
    ["a type no writer logs", { type: "run.rewind", payload: "{}" }, /a type this version of Spravka does not know/],
    ["a payload that is not JSON", { type: "run.start", payload: "{oops" }, /not JSON/],
  ])("%s is refused, naming the entry", async (_, stored, detail) => {
    const run = await newRun();
    const row = await storeRaw(run.id, stored);
    const read = () => parseLogEntry(row);
    expect(read).toThrow(StoredDataError);
    expect(read).toThrow(`Log entry ${row.id} ("${stored.type}") of run ${run.id}`);
    expect(read).toThrow(detail);
  });

  test("a run whose log holds an entry that does not fit is not rebuilt from it", async () => {
    const run = await newRun({ status: "paused" });
    const row = await storeRaw(run.id, { type: "seats.deal", payload: '{"cases":[[4,"judge"]]}' });
    const store = new RunStore(db, () => Date.now(), false);
    await expect(store.read(run.id, (r) => r.seq)).rejects.toThrow(
      new RegExp(`Log entry ${row.id} \\("seats\\.deal"\\) of run ${run.id} does not fit its type: payload\\.cases`),
    );
  });

  test("an entry whose payload does not go with its type is refused before anything is written", async () => {
    const run = await newRun({ status: "paused" });
    // A writer that slips past the types (a cast, a spread of a union): commit checks every entry anyway.
    const mismatched = {
      type: "desk.work",
      payload: { event: { type: "review.start" } },
      actor: "seat:1",
      caseIndex: 0,
      requestId: randomUUID(),
    } as unknown as NewLogEntry;
    const store = new RunStore(db, () => Date.now(), false);
    await expect(store.withRun(run.id, (s) => s.commit({ entries: [mismatched] }))).rejects.toThrow(
      /Refusing to log a "desk.work" entry that does not fit its type: payload/,
    );
    expect(await db.runEvent.count({ where: { runId: run.id } })).toBe(0);
    expect(await db.run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ seq: 0, version: 0 });
  });
});
