import "server-only";
import type { ActResponse, ActSuccess } from "@/lib/api-types";
import { fail } from "@/lib/failure";
import { db } from "@/lib/db";
import type { World } from "@/lib/sim/engine";
import { deskStatus } from "@/lib/runs/run-status";
import { dueClock } from "@/lib/runs/clock";
import { scenarioOfRun } from "@/lib/runs/store/custom-scenarios";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { seatCaseIndexes } from "@/lib/runs/store/queries";
import { getSeatAccess, SEAT_ACCESS_MESSAGES } from "@/lib/runs/seats/seat-access";
import {
  ReplayedRequest,
  RunBusy,
  RunNotFound,
  runStore,
  WrongKindOfRun,
  type RunSession,
} from "@/lib/runs/store/store";
import { actSchema, letterSchema, type SeatAction } from "@/lib/runs/validation";
import {
  caseView,
  clockView,
  LETTER_FIELDS,
  letterView,
  protocolView,
  type LetterRow,
} from "@/lib/runs/seat-view/views";
import { deskHoursLeft, judgeAction, seatMayAct, type SeatSituation } from "./available-actions";
import { commandEntry } from "./commands";
import { letterPaceBar, type SentLetter } from "./letters";

/** Accepted: the case as the seat now sees it, and what else the action made. Refused: the one failure contract, with the case when the student may see it. */
export type ActResult = ActResponse;

const REPLAYED = "This was already done: the request was sent twice.";

/**
 * A seat's letters about one case, oldest first: what the letters' pace is
 * judged on. Inside the run's lock, read through the session's reader: on
 * PostgreSQL the attempt is one transaction, and a letter it has just written
 * is visible only there until it commits.
 */
function lettersAbout(
  seatId: string,
  caseIndex: number,
  reader: Pick<RunSession["reader"], "letter"> = db,
): Promise<SentLetter[]> {
  return reader.letter.findMany({
    where: { seatId, caseIndex },
    select: { simDay: true, carrier: true },
    orderBy: { simDay: "asc" },
  });
}

/** Who is acting, on which case, with which checked action. */
type Command = {
  runId: string;
  seat: { id: string; number: number; role: SeatRole };
  caseIndex: number;
  action: SeatAction;
  requestId: string;
  /** a complaint's text, checked */
  letter: string | null;
};

/**
 * Commits the accepted command's log entry (lib/desk/commands.ts) with
 * whatever else must land with it: a petitioner's letter is kept in the
 * writer's own words. Returns the letter, and a decision's protocol.
 */
async function execute(
  session: RunSession,
  command: Command,
  hours: number,
): Promise<Pick<ActSuccess, "letter" | "protocol">> {
  const entry = commandEntry({ ...command, hours, actor: `seat:${command.seat.number}` }, session.world);
  const { action } = command;
  if (action.type === "complaint.file") {
    let written: LetterRow | null = null;
    await session.commit({
      entries: [entry],
      also: async (tx, next) => {
        written = await tx.letter.create({
          data: {
            runId: command.runId,
            seatId: command.seat.id,
            caseIndex: command.caseIndex,
            addressee: action.addressee,
            grounds: action.grounds,
            carrier: action.carrier,
            ask: action.ask,
            body: command.letter!,
            simDay: next.simDay,
          },
          select: LETTER_FIELDS,
        });
      },
    });
    return written ? { letter: letterView(written, session.scenario.startDate) } : {};
  }
  await session.commit({ entries: [entry] });
  if (action.type !== "review.decide") return {};
  // A decision becomes the commission's protocol, numbered by its log entry.
  const logged = await session.reader.runEvent.findUnique({
    where: { runId_requestId: { runId: command.runId, requestId: command.requestId } },
    select: { id: true, caseIndex: true, simDay: true, payload: true },
  });
  const protocol = logged ? protocolView(logged, session.world) : null;
  return protocol ? { protocol } : {};
}

/** The seat's situation for judging an action on this case, read inside the run's lock. */
async function situationOf(command: Command, session: RunSession, desk: readonly number[]): Promise<SeatSituation> {
  return {
    role: command.seat.role,
    status: deskStatus(session.run.status, session.run.ownerId === null),
    hoursLeft: command.seat.role === "procurator" ? deskHoursLeft(session.world, desk) : 0,
    letters:
      command.action.type === "complaint.file"
        ? await lettersAbout(command.seat.id, command.caseIndex, session.reader)
        : [],
  };
}

/**
 * A student acts on one of their seat's cases: parse → authorize → take the
 * run's lock → judge (lib/desk/available-actions.ts, the same verdict the
 * desk's buttons show) → one handler writes the log → the case as it now
 * stands. Checked in this order: the browser holds the seat, the case is on
 * its desk, the role has the action and the clock runs, the request is new,
 * a procurator's case has not changed since they saw it, then the verdict.
 */
export async function actOnCase(runId: string, seatCookie: string | undefined, raw: unknown): Promise<ActResult> {
  const parsed = actSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", "That action is not one your desk offers.");
  const { caseIndex, expectedVersion, action, requestId } = parsed.data;
  let letter: string | null = null;
  if (action.type === "complaint.file") {
    const body = letterSchema.safeParse(parsed.data.letter);
    if (!body.success) return fail("invalid", body.error.issues[0]!.message);
    letter = body.data;
  }
  // Checked before taking the run's lock, so requests without a seat cannot queue up in front of the class...
  const before = await getSeatAccess(runId, seatCookie);
  if (before.status !== "ok") return fail("forbidden", SEAT_ACCESS_MESSAGES[before.status]);
  // ...and so is a letter over the pace, against the day the clock has reached by now (judged again under the lock).
  if (action.type === "complaint.file" && before.seat.role === "petitioner") {
    const early = await earlyPaceBar(runId, before.seat.id, caseIndex);
    if (early) return fail("refused", early);
  }
  try {
    return await runStore.withRun(runId, async (session): Promise<ActResult> => {
      // ...and again under the lock, in case the seat moved to another browser meanwhile.
      const access = await getSeatAccess(runId, seatCookie);
      if (access.status !== "ok") return fail("forbidden", SEAT_ACCESS_MESSAGES[access.status]);
      const owned = await db.seatCase.findUnique({
        where: { runId_caseIndex_role: { runId, caseIndex, role: access.seat.role } },
      });
      if (!owned || owned.seatId !== access.seat.id) {
        return fail("forbidden", "That case is not on your desk.");
      }
      const command: Command = {
        runId,
        seat: { id: access.seat.id, number: access.seat.number, role: access.seat.role },
        caseIndex,
        action,
        requestId,
        letter,
      };
      const desk = command.seat.role === "procurator" ? await seatCaseIndexes(command.seat.id) : [];
      const seat = await situationOf(command, session, desk);
      // The case as the seat now sees it (a petitioner's letters, the latest one included, set the pace).
      const now = async () =>
        caseViewFor(
          session.world,
          command,
          desk,
          seat.status,
          command.seat.role === "petitioner" ? await lettersAbout(command.seat.id, caseIndex, session.reader) : [],
        );

      const may = seatMayAct(seat, action.type);
      if (!may.ok) return fail(may.code, may.reason);
      if (await db.runEvent.findUnique({ where: { runId_requestId: { runId, requestId } }, select: { id: true } })) {
        return fail("replayed", REPLAYED);
      }
      if (seat.role === "procurator" && session.world.caseVersion(caseIndex) !== expectedVersion) {
        return {
          ...fail(
            "conflict",
            "This case changed since you looked at it, so nothing was done. Here is where it stands now.",
          ),
          case: await now(),
        };
      }
      const verdict = judgeAction(session.world, caseIndex, seat, action);
      if (!verdict.ok) return { ...fail(verdict.code, verdict.reason), case: await now() };

      const extras = await execute(session, command, verdict.hours);
      return {
        ok: true,
        case: await now(),
        clock: clockView(session.run, session.scenario),
        ...(seat.role === "procurator" ? { hoursLeft: deskHoursLeft(session.world, desk) } : {}),
        ...extras,
      };
    });
  } catch (error) {
    if (error instanceof ReplayedRequest) return fail("replayed", REPLAYED);
    if (error instanceof RunNotFound) return fail("forbidden", SEAT_ACCESS_MESSAGES.none);
    if (error instanceof RunBusy) return fail("busy", error.message);
    if (error instanceof WrongKindOfRun) return fail("conflict", error.message);
    throw error;
  }
}

/** The case as the acting seat now sees it. */
function caseViewFor(
  world: World,
  command: Command,
  desk: readonly number[],
  status: SeatSituation["status"],
  letters: readonly SentLetter[],
) {
  return caseView(world, command.caseIndex, {
    role: command.seat.role,
    status,
    hoursLeft: command.seat.role === "procurator" ? deskHoursLeft(world, desk) : 0,
    letters,
  });
}

/** The letters' pace against the stored run, without the lock (the clock advances lazily: count from today). */
async function earlyPaceBar(runId: string, seatId: string, caseIndex: number): Promise<string | null> {
  const stored = await db.run.findUnique({
    where: { id: runId },
    select: {
      status: true,
      simDay: true,
      anchorAt: true,
      speed: true,
      horizonDays: true,
      scenarioId: true,
      scenarioJson: true,
    },
  });
  if (!stored) return null;
  const startDate = scenarioOfRun(stored)?.startDate;
  if (!startDate) return null;
  const today = dueClock(stored, runStore.nowMs())?.simDay ?? stored.simDay;
  return letterPaceBar(await lettersAbout(seatId, caseIndex), today, startDate);
}
