import "server-only";
import type { ClassmateLetter } from "@/lib/runs/seat-view/inbox";
import type { LiveMessage } from "@/lib/api-types";
import type { Run, RunEngine } from "@/lib/runs/store/store";
import { db } from "@/lib/db";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db-errors";
import type { SeatRole } from "@/lib/runs/deal-cases";
import type { LogEntryType } from "@/lib/runs/store/log-entry";
import { POLL_MS, SEEN_EVERY_MS } from "@/lib/runs/policy";
import { DESK_SEAT_FIELDS, SEAT_ACCESS_MESSAGES, type DeskSeatRow } from "@/lib/runs/seats/seat-access";
import { RunNotFound, runStore, type RunStore } from "@/lib/runs/store/store";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { clockView, LETTER_FIELDS, seatView, seatViewKey, type LetterRow } from "@/lib/runs/seat-view/views";

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

/** The seat number of a seat's log entry (`seat:12`), or null for the system's and the teacher's. */
function seatNumberOf(actor: string): number | null {
  const match = /^seat:(\d+)$/.exec(actor);
  return match ? Number(match[1]) : null;
}

/** A message as one Server-Sent Events frame: `event:` its type, `data:` its data as JSON. */
export function liveFrame(message: LiveMessage): string {
  return `event: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`;
}

/**
 * A message with its frame, serialised at most once however many streams it
 * goes to: the clock to the whole class, a desk to each browser open on that
 * one seat. Only streams entitled to exactly the same bytes share it.
 */
class Outgoing {
  private text: string | null = null;
  constructor(readonly message: LiveMessage) {}
  get frame(): string {
    return (this.text ??= liveFrame(this.message));
  }
}

type Subscriber = StreamAudience & {
  /** `frame` is `message` as liveFrame writes it, shared with other streams that get the same message */
  send: (message: LiveMessage, frame: string) => void;
  close: () => void;
  lastClock?: string;
  lastSeat?: string;
  lastVersion?: number;
};

/** A watched seat as the channel keeps it between polls. */
type LiveSeat = {
  /** the seat's row as a desk read checks it (its cases and letters are the fields below) */
  row: Omit<DeskSeatRow, "cases" | "letters">;
  number: number;
  role: SeatRole;
  displayName: string;
  rejoinCode: string;
  holderHash: string;
  /** set once the teacher removed the seat: its stream is closed with REMOVED_SEAT */
  removedAt: Date | null;
  cases: number[];
  /** the seat's own letters in the run, oldest first */
  letters: LetterRow[];
  /** a procurator's: classmates' letters about the desk's cases (its inbox shows those that arrived) */
  classmates: ClassmateLetter[];
  /** the letters above by id, so one read twice (the letter feed overlaps itself) counts once */
  letterIds: Set<string>;
};

type Channel = {
  subscribers: Set<Subscriber>;
  timer: ReturnType<typeof setTimeout> | null;
  polling: boolean;
  again: boolean;
  /** the log position the seats are known to be current at (another instance's entries move the row past it) */
  seenSeq: number;
  /** every watched seat must be read again (holders, roles or cases may have changed) */
  seatsStale: boolean;
  /** new letters may have been written: read those since `lettersFrom` */
  lettersStale: boolean;
  /**
   * Watched seats whose letters (their own, or a procurator's classmates')
   * may have changed since they were read: the ones the letter feed will
   * bring up to date, or "every" when a change did not say whose.
   */
  lettersPending: Set<string> | "every";
  /** watched seats not read yet (their streams just opened): read only these */
  missing: Set<string>;
  /** the seats asked for so far (a seat asked for but missing from `seats` is gone or moved) */
  loaded: Set<string>;
  seats: Map<string, LiveSeat>;
  /** the procurator seats (ids) holding each case, for delivering a classmate's letter to their inboxes */
  desksByCase: Map<number, string[]>;
  /** letters written from this instant on (less LETTER_FEED_OVERLAP_MS) are read by the next letter feed */
  lettersFrom: number;
  lastSeenWrite: number;
  /** the last poll failed because the database did not answer: subscribers were told */
  unreachable: boolean;
};

/**
 * A poll that finds changes made meanwhile polls again after this long, not
 * at once: under a busy class (a change every few milliseconds) the channel
 * would otherwise poll back to back, holding the run's queue from the
 * students' own requests. Changes in between go out together, well within
 * the live-update target of a second.
 */
const POLL_AGAIN_AFTER_MS = 100;
/**
 * The letter feed reads again letters stamped this long before the newest
 * it has seen: a letter committed by another instance may carry a slightly
 * earlier stamp (clocks differ between machines). Ids keep each letter once.
 */
const LETTER_FEED_OVERLAP_MS = 5000;

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
    store.onChange((run, types, entries) => {
      const channel = this.channels.get(run.id);
      if (!channel) return;
      // Most changes (clock ticks, procurators' work) leave the seats as they were: no need to reload
      // them. A case action may be a letter, which students' desks show (a petitioner's pace, a
      // procurator's inbox), so it matters only while one is open.
      // A student joining changes no watched seat (theirs is read when their stream opens), unless the run is
      // live and a classmate's case went onto a procurator's desk (a seats.deal entry comes with it then).
      if (types.some((t) => SEAT_CHANGES.has(t) && t !== "seat.join")) channel.seatsStale = true;
      else {
        if (types.some((t) => LETTER_CHANGES.has(t)) && channel.seats.size > 0) {
          channel.lettersStale = true;
          for (const entry of entries) if (LETTER_CHANGES.has(entry.type)) this.lettersMayChange(channel, entry);
        }
        if (channel.seenSeq === run.seq - types.length) channel.seenSeq = run.seq;
      }
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
        lettersStale: false,
        lettersPending: new Set(),
        missing: new Set(),
        seats: new Map(),
        desksByCase: new Map(),
        loaded: new Set(),
        lettersFrom: 0,
        lastSeenWrite: 0,
        unreachable: false,
      };
      this.channels.set(runId, channel);
    }
    channel.subscribers.add(subscriber);
    // Read the new subscriber's seat (only that one: a class opening its streams would otherwise read every seat each time).
    if (subscriber.kind === "seat") channel.missing.add(subscriber.seatId);
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

  /**
   * A watched seat as the database holds it at this moment: its row, cases
   * and own letters (as getDeskAccess reads them) and, for a procurator,
   * classmates' letters about its desk (as lettersToDesk chooses them). Null
   * unless the copy is known current: the seats need no reload, no letter
   * this desk shows awaits the letter feed, the hub has read up to the log
   * position the store knows the database holds (RunStore.knownSeq: never
   * with several writers), and the seat is watched and read. Every change
   * to a seat, its cases or its letters is a logged entry the store tells
   * the hub of as it commits (see the constructor); a poll that reloads the
   * seats empties `seats` until they are read, and the letter feed clears a
   * seat's pending letters only once it has read them.
   */
  currentSeat(runId: string, seatId: string): { row: DeskSeatRow; classmates: ClassmateLetter[] } | null {
    const channel = this.channels.get(runId);
    if (!channel || channel.seatsStale || channel.lettersPending === "every" || channel.lettersPending.has(seatId)) {
      return null;
    }
    if (channel.missing.has(seatId) || channel.seenSeq !== this.store.knownSeq(runId)) return null;
    const seat = channel.seats.get(seatId);
    if (!seat) return null;
    return {
      row: { ...seat.row, cases: seat.cases.map((caseIndex) => ({ caseIndex })), letters: [...seat.letters] },
      classmates: [...seat.classmates],
    };
  }

  /**
   * A letter may have been written with `entry`: its writer's seat and the
   * procurator desks holding its case are not current until the letter feed
   * has read it (the other seats' copies stay current meanwhile).
   */
  private lettersMayChange(channel: Channel, entry: { actor: string; caseIndex: number | null }): void {
    if (channel.lettersPending === "every") return;
    const writer = seatNumberOf(entry.actor);
    if (writer === null || entry.caseIndex === null) {
      channel.lettersPending = "every";
      return;
    }
    for (const [id, seat] of channel.seats) if (seat.number === writer) channel.lettersPending.add(id);
    for (const id of channel.desksByCase.get(entry.caseIndex) ?? []) channel.lettersPending.add(id);
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
          await this.loadSeats(runId, channel, "all");
        } else {
          if (channel.lettersStale) await this.readNewLetters(runId, channel);
          if (channel.missing.size > 0) await this.loadSeats(runId, channel, "missing");
        }
        channel.seenSeq = s.run.seq;
        if (channel.unreachable) {
          channel.unreachable = false;
          const live = new Outgoing({ type: "status", data: { state: "live" } });
          for (const sub of channel.subscribers) send(sub, live);
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
          const reconnecting = new Outgoing({
            type: "status",
            data: { state: "reconnecting", message: DATABASE_UNAVAILABLE },
          });
          for (const sub of channel.subscribers) send(sub, reconnecting);
        }
      } else {
        console.error("live update failed", error);
      }
    } finally {
      channel.polling = false;
    }
    if (this.channels.get(runId) !== channel) return;
    const delay = channel.again ? POLL_AGAIN_AFTER_MS : POLL_MS;
    channel.again = false;
    channel.timer = setTimeout(() => void this.poll(runId, channel), delay);
  }

  /**
   * Reads watched seats: every subscriber's ("all", which also starts the
   * letter feed afresh), or only those whose streams opened since the last
   * read ("missing"). Each seat comes with its cases, its own letters and, for
   * a procurator, classmates' letters about its desk's cases.
   */
  private async loadSeats(runId: string, channel: Channel, which: "all" | "missing"): Promise<void> {
    const startedAt = Date.now();
    const ids =
      which === "all"
        ? [...new Set([...channel.subscribers].flatMap((s) => (s.kind === "seat" ? [s.seatId] : [])))]
        : [...channel.missing];
    if (which === "all") {
      channel.seatsStale = false;
      channel.lettersStale = false;
      // Every seat is read afresh below (none is held until then: `seats` is empty meanwhile).
      channel.lettersPending = new Set();
      channel.seats.clear();
      channel.desksByCase.clear();
      channel.loaded.clear();
      channel.lettersFrom = startedAt;
    }
    channel.missing.clear();
    if (ids.length === 0) return;
    const seats = await db.seat.findMany({
      where: { runId, id: { in: ids } },
      select: {
        ...DESK_SEAT_FIELDS,
        cases: { select: { caseIndex: true } },
        // Not ordered here: Prisma cannot split a long list of seats for a nested orderBy (SQLite's 999 parameters).
        letters: { where: { runId }, select: { ...LETTER_FIELDS, createdAt: true } },
      },
    });
    // Procurators' inboxes: classmates' letters about the cases on their desks (one query for all of them).
    const deskCases = seats.flatMap((seat) => (seat.role === "procurator" ? seat.cases.map((c) => c.caseIndex) : []));
    const aboutDesks = deskCases.length === 0 ? [] : await lettersAbout(runId, deskCases);
    const aboutCase = groupBy(aboutDesks, (l) => l.caseIndex);
    for (const id of ids) channel.loaded.add(id);
    for (const stored of seats) {
      const seat = withSeatRole(stored, runId);
      const cases = seat.cases.map((c) => c.caseIndex);
      const letterIds = new Set(seat.letters.map((l) => l.id));
      const about: LetterAbout[] = [];
      if (seat.role === "procurator") {
        for (const i of cases) {
          // About the desk's cases, written by someone else (a classmate): as lettersToDesk chooses them.
          for (const l of aboutCase.get(i) ?? []) if (l.seatNumber !== seat.number) about.push(l);
          const desks = channel.desksByCase.get(i);
          if (!desks) channel.desksByCase.set(i, [seat.id]);
          else if (!desks.includes(seat.id)) desks.push(seat.id);
        }
        about.sort((a, b) => a.rank - b.rank); // in the order they were written
        for (const l of about) letterIds.add(l.id);
      }
      const classmates = about.map((l) => l.letter);
      channel.seats.set(seat.id, {
        row: fieldsOf(stored, DESK_SEAT_FIELDS),
        number: seat.number,
        role: seat.role,
        displayName: seat.displayName,
        rejoinCode: seat.rejoinCode,
        holderHash: seat.holderHash,
        removedAt: seat.removedAt,
        cases,
        letters: seat.letters
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
          .map((letter) => fieldsOf(letter, LETTER_FIELDS)),
        classmates,
        letterIds,
      });
    }
  }

  /**
   * The letter feed: letters written since the last read, added to their
   * writers' seats and to the inboxes of the procurators whose desks hold
   * their cases. Cheaper than reading every seat again, which a busy class
   * would otherwise cost on every poll.
   */
  private async readNewLetters(runId: string, channel: Channel): Promise<void> {
    channel.lettersStale = false;
    const rows = await db.letter.findMany({
      where: { runId, createdAt: { gte: new Date(channel.lettersFrom - LETTER_FEED_OVERLAP_MS) } },
      orderBy: { createdAt: "asc" },
      select: LETTER_FEED_FIELDS,
    });
    for (const row of rows) {
      channel.lettersFrom = Math.max(channel.lettersFrom, row.createdAt.getTime());
      const own = channel.seats.get(row.seatId);
      if (own && !own.letterIds.has(row.id)) {
        own.letterIds.add(row.id);
        own.letters.push(fieldsOf(row, LETTER_FIELDS));
      }
      for (const deskId of channel.desksByCase.get(row.caseIndex) ?? []) {
        const desk = channel.seats.get(deskId);
        if (!desk || desk.number === row.seat.number || desk.letterIds.has(row.id)) continue;
        desk.letterIds.add(row.id);
        desk.classmates.push({
          caseIndex: row.caseIndex,
          body: row.body,
          simDay: row.simDay,
          seatNumber: row.seat.number,
        });
      }
    }
    // Polls hold the run (RunStore.withRun): no letter was committed in this process while the feed was read.
    channel.lettersPending = new Set();
  }

  private deliver(channel: Channel, run: Run, engine: RunEngine): void {
    const clock = clockView(run, engine.scenario);
    const { room } = clock;
    const clockKey = `${clock.status}|${clock.simDay}|${clock.speed}|${clock.pausedBy}|${room.notice?.at}|${room.eyesUp}|${room.lessonEndsAt}`;
    const clockMessage = new Outgoing({ type: "clock", data: clock });
    let figures: Outgoing | null = null;
    /** each seat's desk as sent in this delivery, by seat id: every stream open on that seat (and holding it) gets the same */
    const desks = new Map<string, { key: string; desk: Outgoing }>();
    for (const sub of channel.subscribers) {
      if (sub.lastClock !== clockKey) {
        sub.lastClock = clockKey;
        send(sub, clockMessage);
      }
      if (sub.kind === "instructor") {
        if (sub.lastVersion !== run.version) {
          sub.lastVersion = run.version;
          figures ??= new Outgoing({ type: "run", data: { version: run.version, at: run.updatedAt.getTime() } });
          send(sub, figures);
        }
        continue;
      }
      const seat = channel.seats.get(sub.seatId);
      if (!seat && !channel.loaded.has(sub.seatId)) {
        // Subscribed while the seats were loading: load it on the next poll, never mistake it for a moved seat.
        channel.missing.add(sub.seatId);
        channel.again = true;
        continue;
      }
      if (!seat || seat.removedAt || seat.holderHash !== sub.holderHash) {
        // Rare (a seat removed or moved away), so each such stream gets its own message.
        const reason = seat?.removedAt ? "removed" : "movedAway";
        send(sub, new Outgoing({ type: "closed", data: { reason, message: SEAT_ACCESS_MESSAGES[reason] } }));
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
        // Built from the seat alone (which this stream holds, checked above): the same for each of its streams.
        let built = desks.get(sub.seatId);
        if (built?.key !== key) {
          const view = seatView(run, s.scenario, s.world, seat, seat.cases, seat.letters, clock, seat.classmates);
          built = { key, desk: new Outgoing({ type: "seat", data: { ...view, at: run.updatedAt.getTime() } }) };
          desks.set(sub.seatId, built);
        }
        send(sub, built.desk);
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
    const closed = new Outgoing({ type: "closed", data: { reason, message } });
    for (const sub of channel.subscribers) {
      send(sub, closed);
      sub.close();
    }
    if (channel.timer) clearTimeout(channel.timer);
    this.channels.delete(runId);
  }
}

function send(sub: Subscriber, outgoing: Outgoing): void {
  sub.send(outgoing.message, outgoing.frame);
}

const LETTER_FEED_FIELDS = {
  ...LETTER_FIELDS,
  seatId: true,
  createdAt: true,
  seat: { select: { number: true } },
} as const;

/** A letter about a desk's case; `rank` is its place among the letters read with it, oldest first. */
type LetterAbout = { id: string; rank: number; caseIndex: number; seatNumber: number; letter: ClassmateLetter };

/** Every letter about these cases, oldest first, with its id and its writer's seat number. */
async function lettersAbout(runId: string, caseIndexes: readonly number[]): Promise<LetterAbout[]> {
  const rows = await db.letter.findMany({
    where: { runId, caseIndex: { in: [...caseIndexes] } },
    orderBy: { createdAt: "asc" },
    select: LETTER_FEED_FIELDS,
  });
  return rows.map((l, rank) => ({
    id: l.id,
    rank,
    caseIndex: l.caseIndex,
    seatNumber: l.seat.number,
    letter: { caseIndex: l.caseIndex, body: l.body, simDay: l.simDay, seatNumber: l.seat.number },
  }));
}

/** The fields of `row` that a Prisma `select` of `fields` names, and no others. */
function fieldsOf<T, F extends { [K in keyof T]?: true }>(row: T, fields: F): Pick<T, keyof F & keyof T> {
  const picked: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof F & keyof T)[]) picked[key] = row[key];
  return picked as Pick<T, keyof F & keyof T>;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const globalForHub = globalThis as unknown as { spravkaLiveHub?: LiveHub };

export const liveHub: LiveHub = globalForHub.spravkaLiveHub ?? new LiveHub(runStore);
globalForHub.spravkaLiveHub = liveHub;
