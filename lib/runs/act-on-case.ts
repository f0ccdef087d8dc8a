import "server-only";
import { db } from "@/lib/db";
import { caseEventId } from "@/machines/case-events";
import type { CaseEvent } from "@/machines/case-setup";
import type { SeatRole } from "./deal-cases";
import { getSeatAccess, SEAT_ACCESS_MESSAGES } from "./seat-access";
import { decisionBar, DESK_COSTS, detailsBar, readingHours, type DeskWork } from "./desk";
import { seatCaseIndexes } from "./queries";
import { ReplayedRequest, RunBusy, RunNotFound, runStore, type LogEntry } from "./store";
import { scenarioOfRun } from "./custom-scenarios";
import { dateLabel, dueClock, simDate } from "./clock";
import { nextSpravkaAskDay } from "./petitioner-knowledge";
import { typicalDays } from "./why-nothing-happens";
import { LETTERS_PER_CASE, LETTERS_PER_WEEK } from "./policy";
import { actSchema, letterSchema, type SeatAction } from "./validation";
import {
  caseView,
  clockView,
  deskHoursLeft,
  LETTER_FIELDS,
  letterView,
  protocolView,
  type CaseView,
  type ProtocolView,
  type ClockView,
  type LetterRow,
  type LetterView,
} from "./views";

export type ActResult =
  | { ok: true; case: CaseView; clock: ClockView; letter?: LetterView; hoursLeft?: number; protocol?: ProtocolView }
  | {
      ok: false;
      reason: "invalid" | "forbidden" | "notLive" | "replayed" | "conflict" | "refused" | "busy";
      error: string;
      /** the case as it stands now, when the student may see it */
      case?: CaseView;
    };

const NOT_LIVE: Record<string, string> = {
  lobby: "The run has not started yet. Wait for your teacher to start the clock.",
  paused: "The clock is paused: your teacher has stopped the class for a moment. Try again when it runs.",
  debrief: "The run has ended. Your desk is read-only now.",
  archived: "This class has been archived.",
};

/** Which actions each role may take from its desk. */
const ALLOWED: Record<SeatRole, readonly SeatAction["type"][]> = {
  petitioner: ["complaint.file", "spravka.request"],
  procurator: [
    "desk.read",
    "desk.deputy",
    "file.requestOriginals",
    "file.crossCheck",
    "lists.request",
    "lists.proceedWithout",
    "review.decide",
  ],
};

/**
 * Why this letter may not go, or null. A game rule, not a historical one: a
 * petitioner sends at most LETTERS_PER_WEEK letters about a case in any seven
 * simulated days and LETTERS_PER_CASE in all, so one seat cannot flood the
 * run; and the friend in Moscow carries one letter. One query.
 */
async function letterRefusal(
  seatId: string,
  caseIndex: number,
  simDay: number,
  carrier: string,
  startDate: string,
): Promise<string | null> {
  const sent = await db.letter.findMany({ where: { seatId, caseIndex }, select: { simDay: true, carrier: true } });
  if (sent.length >= LETTERS_PER_CASE) {
    return `You have written ${LETTERS_PER_CASE} letters about this case, the most this game allows. Now there is only waiting.`;
  }
  const recent = sent.filter((l) => l.simDay > simDay - 7).map((l) => l.simDay);
  if (recent.length >= LETTERS_PER_WEEK) {
    // Free again once the oldest of this week's letters is seven days old.
    const again = dateLabel(simDate(startDate, Math.floor(Math.min(...recent) + 7) + 1));
    return `You have sent ${LETTERS_PER_WEEK} letters in the last seven days, the most this game allows in a week. You can write again on ${again}; your draft is kept.`;
  }
  if (carrier === "friend" && sent.some((l) => l.carrier === "friend")) return FRIEND_ONCE;
  return null;
}

const OUT_OF_HOURS = "Your hours for today are spent: this waits for tomorrow.";

const FRIEND_ONCE = "Your friend in Moscow has already carried a letter for you: a favour like that is asked once.";

/**
 * A student acts on one of their seat's cases. Checked on the server, in
 * this order: the browser holds the seat, the seat is in this run, the case
 * is on the seat's desk, the run is live, the request is new, and then:
 *
 * - a procurator's decision: the case has not changed since the student saw
 *   it, and the machine allows the decision;
 * - a petitioner's letter is always accepted and kept. It enters the case
 *   machine when the machine can take a letter; otherwise (an earlier one
 *   still unanswered, the case already under review) it joins the pile, as
 *   extra letters did. Either way the petitioner is told the same thing, so
 *   the answer never reveals where the case is.
 */
export async function actOnCase(runId: string, seatCookie: string | undefined, raw: unknown): Promise<ActResult> {
  const parsed = actSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid", error: "That action is not one your desk offers." };
  const { caseIndex, expectedVersion, action, requestId } = parsed.data;
  // A complaint is a letter in the petitioner's own words.
  let letter: string | null = null;
  if (action.type === "complaint.file") {
    const body = letterSchema.safeParse(parsed.data.letter);
    if (!body.success) return { ok: false, reason: "invalid", error: body.error.issues[0]!.message };
    letter = body.data;
  }
  // Checked before taking the run's lock, so requests without a seat cannot queue up in front of the class...
  const before = await getSeatAccess(runId, seatCookie);
  if (before.status !== "ok") return { ok: false, reason: "forbidden", error: SEAT_ACCESS_MESSAGES[before.status] };
  // ...and so is a letter over the pace, against the day last stored (checked again, exactly, under the lock).
  if (action.type === "complaint.file" && before.seat.role === "petitioner") {
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
    // The clock advances lazily: count from the day it has reached by now, not the day last written.
    const today = stored ? (dueClock(stored, runStore.nowMs())?.simDay ?? stored.simDay) : 0;
    const startDate = stored ? scenarioOfRun(stored)?.startDate : undefined;
    const early =
      stored && startDate && (await letterRefusal(before.seat.id, caseIndex, today, action.carrier, startDate));
    if (early) return { ok: false, reason: "refused", error: early };
  }
  try {
    return await runStore.withRun(runId, async (s): Promise<ActResult> => {
      // ...and again under the lock, in case the seat moved to another browser meanwhile.
      const access = await getSeatAccess(runId, seatCookie);
      if (access.status !== "ok") return { ok: false, reason: "forbidden", error: SEAT_ACCESS_MESSAGES[access.status] };
      const seat = access.seat;
      const role = seat.role as SeatRole;
      const owned = await db.seatCase.findUnique({ where: { runId_caseIndex: { runId, caseIndex } } });
      if (!owned || owned.seatId !== seat.id) {
        return { ok: false, reason: "forbidden", error: "That case is not on your desk." };
      }
      if (!ALLOWED[role].includes(action.type)) {
        return { ok: false, reason: "forbidden", error: "Your role cannot do that." };
      }
      if (s.run.status !== "running") {
        return { ok: false, reason: "notLive", error: NOT_LIVE[s.run.status] ?? NOT_LIVE.archived! };
      }
      if (await db.runEvent.findUnique({ where: { runId_requestId: { runId, requestId } }, select: { id: true } })) {
        return { ok: false, reason: "replayed", error: "This was already done: the request was sent twice." };
      }
      // A procurator's hours are the desk's, over all its cases.
      const desk = role === "procurator" ? await seatCaseIndexes(seat.id) : [];
      const hoursLeft = () => deskHoursLeft(s.world, desk);
      const now = () => caseView(s.world, caseIndex, role, true, role === "procurator" ? hoursLeft() : 0);
      if (action.type === "complaint.file") {
        const refusal = await letterRefusal(seat.id, caseIndex, s.run.simDay, action.carrier, s.scenario.startDate);
        if (refusal) return { ok: false, reason: "refused", error: refusal, case: now() };
        const { grounds, carrier, ask, addressee } = action;
        const event: CaseEvent = { type: "complaint.file", addressee };
        const enters = s.world.canSend(caseIndex, caseEventId(event));
        let written: LetterRow | null = null;
        const run = await s.commit({
          entries: [
            enters
              ? {
                  type: "case.act",
                  actor: `seat:${seat.number}`,
                  caseIndex,
                  payload: { event, petition: { grounds, carrier }, letter: true },
                  requestId,
                }
              : {
                  type: "letter.write",
                  actor: `seat:${seat.number}`,
                  caseIndex,
                  payload: { addressee, grounds, carrier },
                  requestId,
                },
          ],
          also: async (tx, next) => {
            written = await tx.letter.create({
              data: {
                runId,
                seatId: seat.id,
                caseIndex,
                addressee,
                grounds,
                carrier,
                ask,
                body: letter!,
                simDay: next.simDay,
              },
              select: LETTER_FIELDS,
            });
          },
        });
        return {
          ok: true,
          case: now(),
          clock: clockView(run, s.scenario),
          ...(written ? { letter: letterView(written, s.scenario.startDate) } : {}),
        };
      }
      if (role === "procurator" && s.world.caseVersion(caseIndex) !== expectedVersion) {
        return {
          ok: false,
          reason: "conflict",
          error: "This case changed since you looked at it, so nothing was done. Here is where it stands now.",
          case: now(),
        };
      }
      if (role === "procurator") {
        const refuse = (error: string): ActResult => ({ ok: false, reason: "refused", error, case: now() });
        const done = async (entry: Pick<LogEntry, "type" | "payload">): Promise<ActResult> => {
          const run = await s.commit({ entries: [{ ...entry, actor: `seat:${seat.number}`, caseIndex, requestId }] });
          // A decision becomes the commission's protocol.
          const logged =
            action.type === "review.decide"
              ? await s.reader.runEvent.findUnique({
                  where: { runId_requestId: { runId, requestId } },
                  select: { id: true, caseIndex: true, simDay: true, payload: true },
                })
              : null;
          const protocol = logged ? protocolView(logged, s.world) : null;
          return {
            ok: true,
            case: now(),
            clock: clockView(run, s.scenario),
            hoursLeft: hoursLeft(),
            ...(protocol ? { protocol } : {}),
          };
        };
        const { path } = s.world.caseState(caseIndex);
        const state = s.world.deskState(caseIndex);
        const reviewHours = s.world.reviewHours(caseIndex);
        const atReview = path === "commission.review";
        if (action.type === "desk.read") {
          if (!atReview) return refuse("The file is not on your desk to read yet: it is still being assembled.");
          if (state.readHours >= reviewHours) return refuse("You have read the whole file.");
          const hours = readingHours(hoursLeft(), reviewHours, state.readHours);
          if (hours <= 0) return refuse(OUT_OF_HOURS);
          return done({ type: "desk.work", payload: { hours, read: true } });
        }
        if (action.type === "desk.deputy") {
          if (!atReview) return refuse("The deputy joins when the file is reviewed; it is not ready yet.");
          if (state.deputy) return refuse("The deputy procurator is already taking part.");
          if (hoursLeft() < DESK_COSTS["desk.deputy"].hours) return refuse(OUT_OF_HOURS);
          return done({ type: "desk.work", payload: { hours: DESK_COSTS["desk.deputy"].hours, deputy: true } });
        }
        if (action.type === "lists.request") {
          if (path !== "lists.awaiting") return refuse("This case is not waiting for a camp's list.");
          if (state.listAsked) return refuse("You have already written to the camp for its list. Wait for an answer.");
          if (hoursLeft() < DESK_COSTS["lists.request"].hours) return refuse(OUT_OF_HOURS);
          return done({ type: "desk.work", payload: { hours: DESK_COSTS["lists.request"].hours, list: true } });
        }
        if (action.type === "review.decide") {
          const facts = s.world.caseFacts(caseIndex);
          const bar = decisionBar(action.decision, facts) ?? detailsBar(action.decision, action, facts);
          if (bar) return refuse(bar);
          if (!atReview) return refuse("The file is not ready for a decision yet.");
          if (state.readHours < reviewHours) {
            return refuse(
              `Read the whole file before you decide: you have read ${state.readHours} of ${reviewHours} hours.`,
            );
          }
        }
        if (action.type === "review.decide" || action.type in DESK_COSTS) {
          const work = action.type as DeskWork;
          const event: CaseEvent =
            action.type === "review.decide"
              ? { type: "review.decide", decision: action.decision }
              : ({ type: work } as CaseEvent);
          if (!s.world.canSend(caseIndex, caseEventId(event))) return refuse("That cannot be done to this file now.");
          if (hoursLeft() < DESK_COSTS[work].hours) return refuse(OUT_OF_HOURS);
          return done({
            type: "case.act",
            payload: {
              event,
              hours: DESK_COSTS[work].hours,
              ...(action.type === "review.decide"
                ? {
                    justification: action.justification,
                    ...(action.toArticle ? { toArticle: action.toArticle } : {}),
                    ...(action.newTermYears !== undefined ? { newTermYears: action.newTermYears } : {}),
                  }
                : {}),
            },
          });
        }
        return refuse("That is not something your desk does.");
      }
      const event = action as CaseEvent;
      if (action.type === "spravka.request") {
        const wait = typicalDays(s.scenario.institutions.spravkaWait);
        const from = nextSpravkaAskDay(s.world.caseHistory(caseIndex), wait);
        if (from !== null && s.world.now < from) {
          const when = dateLabel(simDate(s.scenario.startDate, Math.ceil(from)));
          return {
            ok: false,
            reason: "refused",
            error: `Give that office time to answer: you can ask the next one from ${when} if nothing comes.`,
            case: now(),
          };
        }
      }
      if (!s.world.canSend(caseIndex, caseEventId(event))) {
        const error =
          action.type === "spravka.request"
            ? "There is nobody left to ask for your spravka, or it is not yet time to ask."
            : "That cannot be done to this case at this stage.";
        return { ok: false, reason: "refused", error, case: now() };
      }
      const run = await s.commit({
        entries: [{ type: "case.act", actor: `seat:${seat.number}`, caseIndex, payload: { event }, requestId }],
      });
      return { ok: true, case: now(), clock: clockView(run, s.scenario) };
    });
  } catch (error) {
    if (error instanceof ReplayedRequest) {
      return { ok: false, reason: "replayed", error: "This was already done: the request was sent twice." };
    }
    if (error instanceof RunNotFound) return { ok: false, reason: "forbidden", error: SEAT_ACCESS_MESSAGES.none };
    if (error instanceof RunBusy) return { ok: false, reason: "busy", error: error.message };
    throw error;
  }
}
