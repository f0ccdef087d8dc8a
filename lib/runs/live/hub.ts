import "server-only";
import type { ClassmateLetter } from "@/lib/runs/seat-view/inbox";
import { lettersAboutCases, lettersToDesk } from "@/lib/runs/store/queries";
import type { InstructorUpdate, LiveMessage } from "@/lib/api-types";
import type { Run, RunEngine } from "@/lib/runs/store/store";
import { db } from "@/lib/db";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db-errors";
import type { SeatRole } from "@/lib/runs/deal-cases";
import type { LogEntryType } from "@/lib/runs/store/log-entry";
import { POLL_MS, SEEN_EVERY_MS } from "@/lib/runs/policy";
import { SEAT_ACCESS_MESSAGES } from "@/lib/runs/seats/seat-access";
import { RunNotFound, runStore, type RunStore } from "@/lib/runs/store/store";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { clockView, seatView, seatViewKey, type SeatLetter } from "@/lib/runs/seat-view/views";

const RUN_DELETED = "This run was deleted by its teacher.";

/** Who a stream is for: the run's owner, or the browser holding a seat (with the holder hash it presented). */
export type StreamAudience = { kind: "instructor" } | { kind: "seat"; seatId: string; holderHash: string };

/** Log entries after which the seats (holders, roles, cases) must be read again. */
const SEAT_CHANGES: ReadonlySet<LogEntryType> = new Set([
  "seat.join",
  "seat.rejoin",
  "seat.reassign",
  "seat.remove",
  "seat.rename",
  "seats.deal",
  "run.start",
]);
/**
 * Entries that may carry a petitioner's letter: its pace is part of what that
 * seat's desk allows, and it may land in a classmate procurator's inbox.
 */
const LETTER_CHANGES: ReadonlySet<LogEntryType> = new Set(["case.act", "letter.write"]);

type Subscriber = StreamAudience & {
  send: (message: LiveMessage) => void;
  close: () => void;
  lastClock?: string;
  lastSeat?: string;
  lastVersion?: number;
};

type Channel = {
  subscribers: Set<Subscriber>;
  timer: ReturnType<typeof setTimeout> | null;
  polling: boolean;
  again: boolean;
  /** the log position the seats are known to be current at (another instance's entries move the row past it) */
  seenSeq: number;
  seatsStale: boolean;
  /** the seats asked for at the last load (a seat missing from `seats` but asked for is gone or moved) */
  loaded: Set<string>;
  seats: Map<
    string,
    {
      number: number;
      role: SeatRole;
      displayName: string;
      rejoinCode: string;
      holderHash: string;
      /** set once the teacher removed the seat: its stream is closed with REMOVED_SEAT */
      removedAt: Date | null;
      cases: number[];
      letters: SeatLetter[];
      /** a procurator's: classmates' letters about the desk's cases (its inbox shows those that arrived) */
      classmates: ClassmateLetter[];
    }
  >;
  lastSeenWrite: number;
  /** the last poll failed because the database did not answer: subscribers were told */
  unreachable: boolean;
};

/**
 * Live updates (ADR 0008): one channel per run in this process, however many
 * browsers watch it. The channel polls the run every POLL_MS (which also
 * moves the lazily advanced clock) and is poked at once after any change
 * made in this process; it sends each subscriber only what changed for it:
 * the clock, its own desk, or (to the instructor) the run's figures.
 */

export class LiveHub {
  private readonly channels = new Map<string, Channel>();

  constructor(private readonly store: RunStore) {
    store.onChange((run, types) => {
      const channel = this.channels.get(run.id);
      if (!channel) return;
      // Most changes (clock ticks, procurators' work) leave the seats as they were: no need to reload
      // them. A case action may be a letter, which students' desks show (a petitioner's pace, a
      // procurator's inbox), so it matters only while one is open.
      const letters = types.some((t) => LETTER_CHANGES.has(t)) && channel.seats.size > 0;
      if (letters || types.some((t) => SEAT_CHANGES.has(t))) channel.seatsStale = true;
      else if (channel.seenSeq === run.seq - types.length) channel.seenSeq = run.seq;
      this.poke(run.id);
    });
    store.onDelete((runId) => this.closeAll(runId, "deleted", RUN_DELETED));
  }

  subscribe(runId: string, subscriber: Subscriber): () => void {
    let channel = this.channels.get(runId);
    if (!channel) {
      channel = {
        subscribers: new Set(),
        timer: null,
        polling: false,
        again: false,
        seenSeq: -1,
        seatsStale: true,
        seats: new Map(),
        loaded: new Set(),
        lastSeenWrite: 0,
        unreachable: false,
      };
      this.channels.set(runId, channel);
    }
    channel.subscribers.add(subscriber);
    channel.seatsStale = true; // load the new subscriber's seat
    this.poke(runId);
    return () => {
      const c = this.channels.get(runId);
      if (!c) return;
      c.subscribers.delete(subscriber);
      if (c.subscribers.size === 0) {
        if (c.timer) clearTimeout(c.timer);
        this.channels.delete(runId);
      }
    };
  }

  private poke(runId: string): void {
    const channel = this.channels.get(runId);
    if (!channel) return;
    if (channel.polling) {
      channel.again = true;
      return;
    }
    if (channel.timer) clearTimeout(channel.timer);
    channel.timer = setTimeout(() => void this.poll(runId, channel), 0);
  }

  /** One poll of one channel; a channel replaced meanwhile (all left, someone came back) stops its own loop. */
  private async poll(runId: string, channel: Channel): Promise<void> {
    if (this.channels.get(runId) !== channel) return;
    channel.polling = true;
    channel.timer = null;
    try {
      await this.store.withRun(runId, async (s) => {
        if (channel.seatsStale || s.run.seq !== channel.seenSeq) {
          channel.seatsStale = false;
          await this.loadSeats(runId, channel);
        }
        channel.seenSeq = s.run.seq;
        if (channel.unreachable) {
          channel.unreachable = false;
          for (const sub of channel.subscribers) sub.send({ type: "status", data: { state: "live" } });
        }
        this.deliver(channel, s.run, s.engine);
      });
      await this.markSeen(channel);
    } catch (error) {
      if (error instanceof RunNotFound) {
        this.closeAll(runId, "deleted", RUN_DELETED);
        return;
      }
      if (isDatabaseUnavailable(error)) {
        // Keep the streams open and keep polling: the database is restarting or failing over.
        if (!channel.unreachable) {
          channel.unreachable = true;
          console.warn(`live updates for run ${runId}: the database is not answering; retrying`);
          for (const sub of channel.subscribers) {
            sub.send({ type: "status", data: { state: "reconnecting", message: DATABASE_UNAVAILABLE } });
          }
        }
      } else {
        console.error("live update failed", error);
      }
    } finally {
      channel.polling = false;
    }
    if (this.channels.get(runId) !== channel) return;
    const delay = channel.again ? 0 : POLL_MS;
    channel.again = false;
    channel.timer = setTimeout(() => void this.poll(runId, channel), delay);
  }

  private async loadSeats(runId: string, channel: Channel): Promise<void> {
    const ids = [...channel.subscribers].flatMap((s) => (s.kind === "seat" ? [s.seatId] : []));
    const seats =
      ids.length === 0
        ? []
        : await db.seat.findMany({
            where: { runId, id: { in: ids } },
            include: {
              cases: { select: { caseIndex: true } },
              letters: { select: { caseIndex: true, simDay: true, carrier: true } },
            },
          });
    // Procurators' inboxes: classmates' letters about the cases on their desks (one query for all of them).
    const deskCases = seats.flatMap((seat) => (seat.role === "procurator" ? seat.cases.map((c) => c.caseIndex) : []));
    const aboutDesks = await lettersAboutCases(runId, deskCases);
    channel.loaded = new Set(ids);
    channel.seats.clear();
    for (const seat of seats) {
      const cases = seat.cases.map((c) => c.caseIndex);
      const classmates =
        seat.role === "procurator" ? lettersToDesk(aboutDesks, { seatNumber: seat.number, cases }) : [];
      channel.seats.set(seat.id, { ...withSeatRole(seat, runId), cases, classmates });
    }
  }

  private deliver(channel: Channel, run: Run, engine: RunEngine): void {
    const clock = clockView(run, engine.scenario);
    const { room } = clock;
    const clockKey = `${clock.status}|${clock.simDay}|${clock.speed}|${clock.pausedBy}|${room.notice?.at}|${room.eyesUp}|${room.lessonEndsAt}`;
    let figures: InstructorUpdate | null = null;
    for (const sub of channel.subscribers) {
      if (sub.lastClock !== clockKey) {
        sub.lastClock = clockKey;
        sub.send({ type: "clock", data: clock });
      }
      if (sub.kind === "instructor") {
        if (sub.lastVersion !== run.version) {
          sub.lastVersion = run.version;
          figures ??= {
            version: run.version,
            at: run.updatedAt.getTime(),
          };
          sub.send({ type: "run", data: figures });
        }
        continue;
      }
      const seat = channel.seats.get(sub.seatId);
      if (!seat && !channel.loaded.has(sub.seatId)) {
        // Subscribed while the seats were loading: load it on the next poll, never mistake it for a moved seat.
        channel.seatsStale = true;
        channel.again = true;
        continue;
      }
      if (!seat || seat.removedAt || seat.holderHash !== sub.holderHash) {
        sub.send({
          type: "closed",
          data: seat?.removedAt
            ? { reason: "removed", message: SEAT_ACCESS_MESSAGES.removed }
            : { reason: "movedAway", message: SEAT_ACCESS_MESSAGES.movedAway },
        });
        sub.close();
        continue;
      }
      // A camp seat's page reads its camp when the clock's day moves (the clock message above): no desk to push.
      if (engine.kind !== "review") continue;
      const s = engine;
      const letterCount = seat.letters.length + seat.classmates.length;
      // A rename changes what the desk says ("Playing as …") without changing the world.
      const key = `${seatViewKey(s.world, run.status, seat.role, seat.cases, letterCount)}|${seat.displayName}`;
      if (sub.lastSeat !== key) {
        sub.lastSeat = key;
        const view = seatView(run, s.scenario, s.world, seat, seat.cases, seat.letters, clock, seat.classmates);
        sub.send({ type: "seat", data: { ...view, at: run.updatedAt.getTime() } });
      }
    }
  }

  /** Tells the database which seats have a browser open (see rejoinSeat), at most every SEEN_EVERY_MS. */
  private async markSeen(channel: Channel): Promise<void> {
    const now = Date.now();
    if (now - channel.lastSeenWrite < SEEN_EVERY_MS) return;
    channel.lastSeenWrite = now;
    const ids = [...channel.subscribers].flatMap((s) => (s.kind === "seat" ? [s.seatId] : []));
    if (ids.length > 0) await db.seat.updateMany({ where: { id: { in: ids } }, data: { lastSeenAt: new Date(now) } });
  }

  private closeAll(runId: string, reason: "deleted", message: string): void {
    const channel = this.channels.get(runId);
    if (!channel) return;
    for (const sub of channel.subscribers) {
      sub.send({ type: "closed", data: { reason, message } });
      sub.close();
    }
    if (channel.timer) clearTimeout(channel.timer);
    this.channels.delete(runId);
  }
}

const globalForHub = globalThis as unknown as { spravkaLiveHub?: LiveHub };

export const liveHub: LiveHub = globalForHub.spravkaLiveHub ?? new LiveHub(runStore);
globalForHub.spravkaLiveHub = liveHub;
