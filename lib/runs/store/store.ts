import "server-only";
import { Prisma, type PrismaClient, type Run as RunRow } from "@/.generated/prisma/client";
import { databaseKind } from "@/lib/config";
import { db } from "@/lib/db";
import { KeyedQueue } from "@/lib/keyed-queue";
import { World } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { applyToCamp, newCamp } from "@/lib/runs/camp/camp-engine";
import { campScenarioOfRun } from "@/lib/runs/camp/camp-scenario";
import { type RunStatus } from "@/lib/runs/run-status";
import { dueClock } from "@/lib/runs/clock";
import { CHECKPOINT_EVERY, CHECKPOINT_MIN_GAP_MS } from "@/lib/runs/policy";
import { applyToWorld } from "./apply-to-world";
import { scenarioOfRun } from "./custom-scenarios";
import {
  checkLogEntry,
  parseLogEntry,
  type LogEntryType,
  type LogVariant,
  type NewLogEntry,
  type StorableLogEntry,
} from "./log-entry";
import { withRunStatus } from "./stored-rows";
import { reviewOf, type RunEngine } from "./run-engine";

export { campOf, reviewOf, WrongKindOfRun, type RunEngine } from "./run-engine";

/**
 * A run row, its status parsed when the row is read (an unknown one is
 * refused). Its checkpoint is a row of its own (RunCheckpoint), read only when
 * a process builds its world.
 */
export type Run = Omit<RunRow, "status"> & { status: RunStatus };

type Transaction = Prisma.TransactionClient;

/** How one attempt reaches the database: its client for single statements, and how it commits. */
type Access = {
  /** the store's client, or (PostgreSQL) the attempt's own transaction */
  client: Transaction | PrismaClient;
  inTransaction: <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>;
  /** Called once the attempt's writes are durable (listeners hear of commits only then). */
  afterCommit: (effect: () => void) => void;
};

export type Change = {
  /** Fields of the run row to change (version and seq are the store's). */
  run?: Omit<Prisma.RunUpdateManyMutationInput, "version" | "seq">;
  entries?: readonly NewLogEntry[];
  /** More writes that must land in the same transaction (seats, their cases). */
  also?: (tx: Transaction, run: Run) => Promise<void>;
};

/** What a caller may do inside `withRun`: read the current world, commit one change. */
export type RunSession = {
  readonly run: Run;
  readonly engine: RunEngine;
  /** the scenario's first day (day 0 of the clock), whatever the run plays */
  readonly startDate: string;
  /** The review's scenario: WrongKindOfRun in a camp run. */
  readonly scenario: Scenario;
  /** The review's world: WrongKindOfRun in a camp run. */
  readonly world: World;
  /** Where to read rows this attempt may have written (on PostgreSQL, the attempt's own transaction). */
  readonly reader: Transaction | PrismaClient;
  /** Commits a change in one transaction, applies it to the world, and returns the new run row. */
  commit(change: Change): Promise<Run>;
};

export class RunNotFound extends Error {
  constructor() {
    super("There is no such run.");
    this.name = "RunNotFound";
  }
}

/** Another request (maybe on another instance) changed the run first: reload and try again. */
class StaleRun extends Error {}

/** Other requests kept winning the race for this run (it only happens under extreme contention). */
export class RunBusy extends Error {
  constructor() {
    super("The class is very busy right now. Try again in a moment.");
    this.name = "RunBusy";
  }
}

/** The same request id was already handled (a replayed request). */
export class ReplayedRequest extends Error {
  constructor() {
    super("This request was already handled.");
    this.name = "ReplayedRequest";
  }
}

/**
 * A run's engine in this process, at log position `seq`; `run` is the row as
 * this process last read or wrote it; `checkpointSeq` the log position of the
 * newest checkpoint this process knows of (another instance may have saved a
 * newer one: then this one saves a little early, never wrongly), and
 * `checkpointAt` when this process last saved one (0: not yet).
 */
type Live = { engine: RunEngine; seq: number; checkpointSeq: number; checkpointAt: number; run?: Run };

/**
 * A run's engine just built in this process at log position `seq`: from the
 * checkpoint saved there, or from the start (0). The newest checkpoint it
 * knows of is that one, and this process has saved none yet.
 */
function builtAt(engine: RunEngine, seq: number): Live {
  return { engine, seq, checkpointSeq: seq, checkpointAt: 0 };
}

/** Log entries after which the world is saved (start, pause, a jump of the clock, the end). */
const CHECKPOINT_AFTER: ReadonlySet<LogEntryType> = new Set(["run.start", "run.pause", "run.advance", "run.end"]);
/** Worlds kept in memory per process; an evicted run is rebuilt from its checkpoint when next asked for. */
const MAX_CACHED_RUNS = 40;

/** Told of every committed change: the new row and the log entries it added (and their types). */
type Listener = (run: Run, entryTypes: readonly LogEntryType[], entries: readonly StorableLogEntry[]) => void;

/**
 * The interactive driver (ADR 0008): runs live in the database as a
 * checkpoint (a saved World) plus an append-only event log, and in each
 * process as a cached World brought up to date from them.
 *
 * Every request goes through `withRun`, which (one at a time per run in this
 * process) reads the run row, replays log entries it has not seen, advances
 * the lazily driven clock by whole ticks, and lets the caller commit one
 * change. Commits are compare-and-set on the row's version, so two processes
 * never both advance the clock or both act on a stale world: the loser
 * reloads and tries again.
 *
 * With several instances on PostgreSQL (ADR 0013) each attempt also holds
 * the run's row lock from its first read to its last write, in one
 * transaction: instances take turns on a run instead of racing (a busy class
 * would otherwise keep one instance's requests losing), and a crash anywhere
 * in between rolls the whole attempt back.
 */
export class RunStore {
  private readonly cache = new Map<string, Live>();
  /** Requests for one run, one at a time in this process. */
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<Listener>();
  private readonly deleteListeners = new Set<(runId: string) => void>();
  /** A queued visit to a run that readCurrent's callers share (see readCurrent). */
  private readonly visits = new Map<string, Promise<void>>();

  constructor(
    private readonly database: PrismaClient = db,
    private now: () => number = Date.now,
    /** Serialise instances with the run's row lock (PostgreSQL; SQLite has one writer anyway). */
    private readonly rowLock: boolean = databaseKind() === "postgresql",
  ) {}

  /** Real time as this store sees it (tests replace the clock with `useClock`). */
  nowMs(): number {
    return this.now();
  }

  useClock(now: () => number): void {
    this.now = now;
  }

  /** Called after every committed change (the live hub pushes it to browsers). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops the cached worlds, as a restarted process would have none. */
  forgetAll(): void {
    this.cache.clear();
  }

  /** Drops one run's cached world (after it was deleted). */
  forget(runId: string): void {
    this.cache.delete(runId);
    for (const listener of this.deleteListeners) listener(runId);
  }

  /** Called when a run is deleted in this process. */
  onDelete(listener: (runId: string) => void): () => void {
    this.deleteListeners.add(listener);
    return () => this.deleteListeners.delete(listener);
  }

  async withRun<T>(runId: string, fn: (session: RunSession) => Promise<T>): Promise<T> {
    return this.queue.run(runId, async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.attempt(runId, fn);
        } catch (error) {
          if (error instanceof RunNotFound) this.cache.delete(runId);
          if (!(error instanceof StaleRun)) throw error;
          // The cached world is still sound (it changes only after a commit): the next attempt catches up from the row.
          if (attempt >= 4) throw new RunBusy();
        }
      }
    });
  }

  /** A review run's world as of now, for reading only (it still advances the clock). WrongKindOfRun for a camp. */
  async read<T>(runId: string, fn: (run: Run, world: World, scenario: Scenario) => T): Promise<T> {
    return this.withRun(runId, async (s) => fn(s.run, s.world, s.scenario));
  }

  /**
   * As `read`, for the hottest read (a student's desk, every few seconds
   * from every seat): when this process is the run's only writer (SQLite,
   * ADR 0013), its cached world is current and no clock tick is due, the
   * world is read at once, without queueing behind the run's writes or
   * reading the row again. Otherwise, or for a run not cached, as `read`.
   * Only for views of the world and the clock: a column written outside the
   * store (the debrief's prompts) may be older here.
   */
  async readCurrent<T>(runId: string, fn: (run: Run, world: World, scenario: Scenario) => T): Promise<T> {
    for (let visit = 0; visit < 2 && !this.rowLock && this.cache.get(runId)?.run; visit++) {
      const live = this.cache.get(runId);
      const run = live?.run;
      if (live && run && live.seq === run.seq && live.engine.kind === "review" && !dueClock(run, this.now())) {
        return fn(run, live.engine.world, live.engine.scenario);
      }
      // A tick is due (or a write is under way): one visit through the queue moves the clock for every
      // read waiting on it, instead of each read queueing behind the run's writes.
      let visiting = this.visits.get(runId);
      if (!visiting) {
        visiting = this.withRun(runId, async () => {}).finally(() => this.visits.delete(runId));
        this.visits.set(runId, visiting);
      }
      await visiting;
    }
    return this.read(runId, fn);
  }

  /**
   * The log position the database holds for this run, when this process
   * knows it without asking: it is the run's only writer (SQLite, ADR 0013)
   * and its cached world has caught up with its last write. Null otherwise
   * (PostgreSQL, a run not cached, a write under way).
   */
  knownSeq(runId: string): number | null {
    if (this.rowLock) return null;
    const live = this.cache.get(runId);
    return live?.run && live.seq === live.run.seq ? live.run.seq : null;
  }

  /** Any run's engine as of now, for reading only (it still advances the clock). */
  async readEngine<T>(runId: string, fn: (run: Run, engine: RunEngine) => T): Promise<T> {
    return this.withRun(runId, async (s) => fn(s.run, s.engine));
  }

  private async attempt<T>(runId: string, fn: (session: RunSession) => Promise<T>): Promise<T> {
    if (!this.rowLock) {
      return this.attemptWith(runId, fn, {
        client: this.database,
        inTransaction: (work) => this.database.$transaction(work),
        afterCommit: (effect) => effect(),
      });
    }
    const effects: (() => void)[] = [];
    let result: T;
    try {
      result = await this.database.$transaction(
        async (tx) => {
          // FOR NO KEY UPDATE: other instances wait here; inserts that merely reference the run do not.
          await tx.$queryRaw`SELECT 1 FROM "Run" WHERE "id" = ${runId} FOR NO KEY UPDATE`;
          return this.attemptWith(runId, fn, {
            client: tx,
            inTransaction: (work) => work(tx),
            afterCommit: (effect) => effects.push(effect),
          });
        },
        { maxWait: 10_000, timeout: 20_000 },
      );
    } catch (error) {
      // Whatever this attempt applied to the cached world was rolled back in the database.
      this.cache.delete(runId);
      throw error;
    }
    for (const effect of effects) effect();
    return result;
  }

  private async attemptWith<T>(runId: string, fn: (session: RunSession) => Promise<T>, access: Access): Promise<T> {
    const row = await access.client.run.findUnique({ where: { id: runId } });
    if (!row) throw new RunNotFound();
    let run: Run = withRunStatus(row);
    const live = await this.sync(run, access.client);
    const due = dueClock(run, this.now());
    if (due) {
      run = await this.commitTo(run, live, access, {
        run: {
          simDay: due.simDay,
          anchorAt: due.ended ? null : due.anchorAt,
          ...(due.ended ? { status: "debrief", endedAt: new Date(this.now()) } : {}),
        },
        entries: due.ended ? [{ type: "run.end", actor: "system", payload: { reason: "horizon" } }] : [],
      });
    }
    live.run = run;
    const { engine } = live;
    const session = {
      run,
      engine,
      startDate: engine.scenario.startDate,
      get scenario() {
        return reviewOf(engine).scenario;
      },
      get world() {
        return reviewOf(engine).world;
      },
      reader: access.client,
      commit: async (change: Change) => {
        session.run = await this.commitTo(session.run, live, access, change);
        return session.run;
      },
    };
    return fn(session);
  }

  /** Brings this process's world for the run up to the row: checkpoint, then the log entries after it. */
  private async sync(run: Run, reader: Transaction | PrismaClient): Promise<Live> {
    let live = this.cache.get(run.id);
    if (live && live.seq > run.seq) live = undefined;
    if (live) {
      // Most recently used last, so the oldest run's world is the one evicted.
      this.cache.delete(run.id);
      this.cache.set(run.id, live);
    }
    if (!live) {
      live = await this.load(run, reader);
      this.cache.set(run.id, live);
      for (const old of this.cache.keys()) {
        if (this.cache.size <= MAX_CACHED_RUNS) break;
        this.cache.delete(old);
      }
    }
    if (live.seq < run.seq) {
      const rows = await reader.runEvent.findMany({
        where: { runId: run.id, seq: { gt: live.seq, lte: run.seq } },
        orderBy: { seq: "asc" },
      });
      for (const entry of rows.map(parseLogEntry)) {
        advance(live.engine, entry.simDay);
        apply(live.engine, entry);
        live.seq = entry.seq;
      }
    }
    advance(live.engine, run.simDay);
    return live;
  }

  /** A run's engine from its row: a review from its checkpoint (or the start), a camp from the start (replayed). */
  private async load(run: Run, reader: Transaction | PrismaClient): Promise<Live> {
    const camp = campScenarioOfRun(run);
    if (camp) return builtAt({ kind: "camp", camp: newCamp(camp, run), scenario: camp }, 0);
    const scenario = scenarioOfRun(run);
    if (!scenario) throw new Error(`This run uses scenario "${run.scenarioId}", which this version of Spravka lacks.`);
    const saved = await reader.runCheckpoint.findUnique({
      where: { runId: run.id },
      select: { seq: true, world: true },
    });
    const resumed = saved ? resumeOrNull(scenario, saved.world) : null;
    return resumed
      ? builtAt({ kind: "review", world: resumed, scenario }, saved!.seq)
      : builtAt({ kind: "review", world: new World(scenario, run.seed), scenario }, 0);
  }

  private async commitTo(run: Run, live: Live, access: Access, change: Change): Promise<Run> {
    // Checked before the transaction: an entry that does not fit its type is a bug, and nothing is written.
    const entries = (change.entries ?? []).map(checkLogEntry);
    const at = new Date(this.now());
    let updated: Run;
    try {
      updated = await access.inTransaction(async (tx) => {
        const written = await writeChange(tx, run, change.run ?? {}, entries, at);
        if (!written) throw new StaleRun();
        const next = withRunStatus(written);
        await change.also?.(tx, next);
        return next;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const target = String(error.meta?.target ?? "") + error.message;
        if (target.includes("requestId") || target.includes("joinRequestId")) throw new ReplayedRequest();
        throw new StaleRun(); // a seat number or log position taken meanwhile by another instance
      }
      throw error;
    }
    for (const e of entries) apply(live.engine, e);
    advance(live.engine, updated.simDay);
    live.seq = updated.seq;
    live.run = updated;
    const milestone = entries.some((e) => CHECKPOINT_AFTER.has(e.type));
    const due =
      updated.seq - live.checkpointSeq >= CHECKPOINT_EVERY && this.now() - live.checkpointAt >= CHECKPOINT_MIN_GAP_MS;
    if (milestone || due) {
      await this.checkpoint(access.client, updated, live);
    }
    const types = entries.map((e) => e.type);
    access.afterCommit(() => {
      for (const listener of this.listeners) listener(updated, types, entries);
    });
    return updated;
  }

  /** Saves the world at (seq, simDay) so a restart replays only what came after. Never moves backwards. */
  private async checkpoint(client: Transaction | PrismaClient, run: Run, live: Live): Promise<void> {
    // A camp is rebuilt by replaying its log (milliseconds for a class's camp): nothing to save.
    if (live.engine.kind !== "review") return;
    const world = JSON.stringify(live.engine.world.save());
    // One statement in SQLite's and PostgreSQL's shared syntax: saved, unless a newer one is already there.
    await client.$executeRaw`
      INSERT INTO "RunCheckpoint" ("runId", "seq", "world") VALUES (${run.id}, ${run.seq}, ${world})
      ON CONFLICT ("runId") DO UPDATE SET "seq" = excluded."seq", "world" = excluded."world"
      WHERE "RunCheckpoint"."seq" < excluded."seq"`;
    live.checkpointSeq = Math.max(live.checkpointSeq, run.seq);
    live.checkpointAt = this.now();
  }
}

/**
 * The write at the heart of every commit: compare-and-set the run row on its
 * version (raising version and seq) and append the entries to the log at the
 * row's simulated day. Returns the row as written (one statement: the
 * update returns it), or null, writing nothing, if the row changed meanwhile.
 * The entries come checked against their schemas (`checkLogEntry`).
 */
export async function writeChange(
  tx: Transaction,
  run: Pick<Run, "id" | "version" | "seq" | "simDay">,
  data: Change["run"] & object,
  entries: readonly StorableLogEntry[],
  at: Date,
): Promise<RunRow | null> {
  let written: RunRow;
  try {
    written = await tx.run.update({
      where: { id: run.id, version: run.version },
      data: { ...data, version: run.version + 1, seq: run.seq + entries.length },
    });
  } catch (error) {
    // P2025: no row has this id and version (another request moved it on, or the run is gone).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") return null;
    throw error;
  }
  if (entries.length > 0) {
    await tx.runEvent.createMany({
      data: entries.map((e, k) => ({
        runId: run.id,
        seq: run.seq + k + 1,
        simDay: run.simDay,
        at,
        actor: e.actor,
        type: e.type,
        caseIndex: e.caseIndex,
        payload: JSON.stringify(e.payload),
        requestId: e.requestId,
      })),
    });
  }
  return written;
}

/** Runs the engine's whole days up to the clock's day. */
function advance(engine: RunEngine, simDay: number): void {
  if (engine.kind === "review") engine.world.advanceTo(simDay);
  else engine.camp.advanceTo(simDay);
}

/** Replays one logged entry on the engine. */
function apply(engine: RunEngine, entry: LogVariant): void {
  if (engine.kind === "review") applyToWorld(engine.world, entry);
  else applyToCamp(engine.camp, entry);
}

const globalForStore = globalThis as unknown as { spravkaRunStore?: RunStore };

/** The process's run store (one per process, like the Prisma client). */
export const runStore: RunStore = globalForStore.spravkaRunStore ?? new RunStore();
globalForStore.spravkaRunStore = runStore;

/**
 * The run as its checkpoint saved it, or null if this version of the engine
 * cannot resume it (saved by an earlier version, or for other settings):
 * the log holds every action, so replaying it from the start rebuilds the
 * run under this version's rules.
 */
function resumeOrNull(scenario: Scenario, checkpoint: string): World | null {
  try {
    return World.resume(scenario, JSON.parse(checkpoint));
  } catch {
    return null;
  }
}
