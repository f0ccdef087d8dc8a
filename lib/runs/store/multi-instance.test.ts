import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { inject } from "vitest";
import type { PrismaClient } from "@/.generated/prisma/client";
import { createClient, db } from "@/lib/db";
import { databaseKind } from "@/lib/config";
import { startLocalPostgres } from "@/lib/database/local-postgres";
import { deploy } from "@/lib/database/migrations";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import type { LiveMessage } from "@/lib/api-types";
import { LiveHub } from "@/lib/runs/live/hub";
import type { NewLogEntry } from "./log-entry";
import { pauseInterruptedRuns, SERVED_WITHIN_MS } from "./pause-interrupted-runs";
import { TICK_MS } from "@/lib/runs/policy";
import { ReplayedRequest, RunStore } from "./store";

// Several app instances against one database (issue 9): each "instance" here
// is a RunStore with its own Prisma client, so its own connections, exactly
// as two processes would have. Several instances need PostgreSQL (SQLite
// serves one process, ADR 0013), so those tests run under
// `npm run test:postgres`; the crash test runs on both databases.

const onPostgres = inject("postgresUrl") !== "";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const clients: PrismaClient[] = [];

function instance(url: string, now: () => number): RunStore {
  const client = createClient(url);
  clients.push(client);
  return new RunStore(client, now);
}

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
});

async function runningRun(client: PrismaClient) {
  return client.run.create({
    data: {
      title: "Two instances",
      scenarioId: "rostov-1954",
      seed: 7,
      procuratorSeats: 0,
      petitionerSeats: 0,
      status: "running",
      speed: 60,
      simDay: 0,
      anchorAt: new Date(T0),
      horizonDays: 540,
    },
  });
}

/** A log entry that changes nothing (the run's own speed again), to count and order commits by. */
function mark(actor: string, requestId: string): NewLogEntry {
  return { type: "run.setSpeed", actor, payload: { speed: 60 }, requestId };
}

async function logOf(client: PrismaClient, runId: string) {
  return client.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
}

describe.runIf(onPostgres)("several instances on one PostgreSQL database", () => {
  test("the lazily advanced clock moves exactly once per instant, whichever instances ask", async () => {
    let now = T0;
    const url = process.env.DATABASE_URL!;
    const a = instance(url, () => now);
    const b = instance(url, () => now);
    const run = await runningRun(db);

    for (const step of [3, 7, 12]) {
      now = T0 + step * TICK_MS + TICK_MS / 2;
      const before = await db.run.findUniqueOrThrow({ where: { id: run.id } });
      // Twelve requests at once, half on each instance, all due to move the clock.
      const days = await Promise.all(
        Array.from({ length: 12 }, (_, k) => (k % 2 ? a : b).read(run.id, (r) => r.simDay)),
      );
      const after = await db.run.findUniqueOrThrow({ where: { id: run.id } });
      const expectedDay = (step * TICK_MS * 60) / 60_000;
      expect(after.simDay).toBeCloseTo(expectedDay, 9);
      expect(new Set(days)).toEqual(new Set([expectedDay]));
      expect(after.version - before.version).toBe(1); // one commit moved it; the others saw it moved
      expect(after.anchorAt!.getTime()).toBe(T0 + step * TICK_MS);
    }
    expect(await logOf(db, run.id)).toEqual([]); // moving the clock writes no log entries
  });

  test("changes from two instances all land, once each, in one order both instances agree on", async () => {
    let now = T0;
    const url = process.env.DATABASE_URL!;
    const a = instance(url, () => now);
    const b = instance(url, () => now);
    const run = await runningRun(db);
    now = T0 + TICK_MS * 2;
    const ids = Array.from({ length: 16 }, () => randomUUID());
    const outcomes = await Promise.allSettled(
      ids.map((requestId, k) =>
        (k % 2 ? a : b).withRun(run.id, (s) => s.commit({ entries: [mark(`seat-${k}`, requestId)] })),
      ),
    );
    expect(outcomes.every((o) => o.status === "fulfilled")).toBe(true);
    const log = await logOf(db, run.id);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
    expect(new Set(log.map((e) => e.requestId))).toEqual(new Set(ids));
    // The same request sent again to the other instance (a retry after a lost answer) is not doubled.
    await expect(b.withRun(run.id, (s) => s.commit({ entries: [mark("seat-0", ids[0]!)] }))).rejects.toBeInstanceOf(
      ReplayedRequest,
    );
    expect(await db.runEvent.count({ where: { runId: run.id } })).toBe(16);
    const seqA = await a.read(run.id, (r) => r.seq);
    const seqB = await b.read(run.id, (r) => r.seq);
    expect([seqA, seqB]).toEqual([16, 16]);
  });
});

describe(`starting an instance on ${databaseKind()}`, () => {
  test("with several instances, a starting one pauses only runs nobody has served lately", async () => {
    const served = await runningRun(db);
    const abandoned = await runningRun(db);
    await db.run.update({
      where: { id: abandoned.id },
      data: { updatedAt: new Date(Date.now() - 2 * SERVED_WITHIN_MS) },
    });
    await pauseInterruptedRuns(db, { servedWithinMs: SERVED_WITHIN_MS });
    const status = async (id: string) => (await db.run.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(served.id)).toBe("running");
    expect(await status(abandoned.id)).toBe("paused");
    // One process alone (SQLite): whatever was running was interrupted by its own restart.
    await pauseInterruptedRuns(db);
    expect(await status(served.id)).toBe("paused");
  });
});

describe(`a crash on ${databaseKind()}`, () => {
  test("a crash in the middle of a clock advance rolls back, and the next request redoes it", async () => {
    let now = T0;
    const url = process.env.DATABASE_URL!;
    const run = await runningRun(db);
    let crash = true;
    // The instance dies after writing the advance inside its transaction, before the commit.
    const faulty = createClient(url).$extends({
      query: {
        run: {
          async update({ args, query }) {
            const result = await query(args);
            if (crash) {
              crash = false;
              throw new Error("the instance crashed mid-advance");
            }
            return result;
          },
        },
      },
    });
    clients.push(faulty as unknown as PrismaClient);
    const dying = new RunStore(faulty as unknown as PrismaClient, () => now);
    now = T0 + 5 * TICK_MS;
    const before = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    await expect(dying.read(run.id, (r) => r.simDay)).rejects.toThrow("crashed mid-advance");
    const untouched = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(untouched).toEqual(before);

    const survivor = instance(url, () => now);
    expect(await survivor.read(run.id, (r) => r.simDay)).toBeCloseTo(5, 9);
    const after = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.version).toBe(before.version + 1);
    expect(after.simDay).toBeCloseTo(5, 9);
  });
});

// A database restart needs a server this test can stop: its own throwaway
// PostgreSQL (lib/database/local-postgres.ts). Runs under `npm run test:postgres`.
describe.runIf(onPostgres)("a PostgreSQL restart in the middle of a run", () => {
  test("requests fail clearly while it is down, streams say they are reconnecting, and nothing is lost or doubled", async () => {
    const server = await startLocalPostgres();
    try {
      const url = await server.createDatabase("fault");
      await deploy({ url });
      let now = T0;
      const store = instance(url, () => now);
      const client = clients.at(-1)!;
      const run = await runningRun(client);
      const hub = new LiveHub(store);
      const messages: LiveMessage[] = [];
      const unsubscribe = hub.subscribe(run.id, { kind: "instructor", send: (m) => messages.push(m), close: () => {} });
      const statuses = () => messages.flatMap((m) => (m.type === "status" ? [m.data.state] : []));
      const commitMark = (requestId: string) =>
        store.withRun(run.id, (s) => s.commit({ entries: [mark("seat-1", requestId)] }));

      const sent = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of sent) await commitMark(id);
      await expect.poll(() => messages.some((m) => m.type === "run")).toBe(true);

      server.halt();
      now += TICK_MS * 3;
      const lost = randomUUID();
      const failure = await commitMark(lost).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).not.toBeNull();
      expect(isDatabaseUnavailable(failure)).toBe(true);
      await expect.poll(() => statuses().at(-1), { timeout: 15_000 }).toBe("reconnecting");

      server.resume();
      await expect.poll(() => statuses().at(-1), { timeout: 15_000 }).toBe("live");
      // The student's browser retries the request that failed, and one whose answer it never saw.
      await commitMark(lost);
      await expect(commitMark(sent[2]!)).rejects.toBeInstanceOf(ReplayedRequest);
      const log = await logOf(client, run.id);
      expect(log.map((e) => e.requestId)).toEqual([...sent, lost]);
      expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(await store.read(run.id, (r) => r.simDay)).toBeCloseTo(3, 9);
      unsubscribe();
    } finally {
      server.stop();
    }
  }, 90_000);
});
