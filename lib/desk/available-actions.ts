/**
 * What a seat may do with one of its cases now, and why not: the one place
 * that answers it. The seat's view builds its buttons and menus from
 * `availableActions`; the command handler (lib/desk/act-on-case.ts) refuses
 * exactly what `judgeAction` refuses, with the same words, so a button is
 * enabled if and only if pressing it succeeds. What the case itself allows
 * comes from the case machine (`World.canSend`, which steps XState's
 * definition); what the desk allows (hours, the file read, letters' pace)
 * from the world's record of the seat's work.
 */
import type { World } from "@/lib/sim/engine";
import type { RunStatus } from "@/lib/runs/run-status";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { nextSpravkaAskDay } from "@/lib/runs/seat-view/petitioner-knowledge";
import { typicalDays } from "@/lib/runs/seat-view/why-nothing-happens";
import { unreadLetters } from "@/lib/runs/seat-view/inbox";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import type { SeatAction } from "@/lib/runs/validation";
import { caseEventId, EVENT_IDS } from "@/machines/case-events";
import { CARRIERS, DECISIONS, type Carrier, type Decision } from "@/machines/vocabulary";
import { decisionBar, detailsBar, type DecisionDetails } from "./decisions";
import { letterBar, type SentLetter } from "./letters";
import { DESK_COSTS, readingHours, type DeskWork } from "./work";

export type ActionType = SeatAction["type"];

/** Which actions each role's desk has at all. */
export const ROLE_ACTIONS: Record<SeatRole, readonly ActionType[]> = {
  petitioner: ["complaint.file", "spravka.request"],
  procurator: [
    "letter.read",
    "desk.read",
    "desk.deputy",
    "file.requestOriginals",
    "file.crossCheck",
    "lists.request",
    "lists.proceedWithout",
    "review.decide",
  ],
};

/** What the seat brings to the question besides the world. */
export type SeatSituation = {
  role: SeatRole;
  status: RunStatus;
  /** a procurator's hours left today, over all the cases on its desk (deskHoursLeft) */
  hoursLeft: number;
  /** a petitioner's letters about this case so far */
  letters: readonly SentLetter[];
};

export type Refusal = {
  ok: false;
  code: "forbidden" | "notLive" | "refused";
  reason: string;
  /**
   * Whether the action belongs to the case as it stands, so the desk shows
   * it barred with its reason (no hours left today, the file not read yet);
   * false when it does not apply at all (a list for a case that has one).
   */
  applies: boolean;
};
export type Verdict = { ok: true; hours: number } | Refusal;

export const NOT_LIVE: Record<RunStatus, string> = {
  lobby: "The run has not started yet. Wait for your teacher to start the clock.",
  running: "",
  paused: "The clock is paused: your teacher has stopped the class for a moment. Try again when it runs.",
  debrief: "The run has ended. Your desk is read-only now.",
  archived: "This class has been archived.",
};
export const OUT_OF_HOURS = "Your hours for today are spent: this waits for tomorrow.";

const refuse = (reason: string, applies = true): Refusal => ({ ok: false, code: "refused", reason, applies });
const ok = (hours: number): Verdict => ({ ok: true, hours });
/** The cost of desk work if today's hours still cover it. */
const withinHours = (hours: number, seat: SeatSituation): Verdict =>
  hours <= seat.hoursLeft ? ok(hours) : refuse(OUT_OF_HOURS);

/** Whether this seat may act at all now: its role has the action, and the clock runs. */
export function seatMayAct(seat: SeatSituation, type: ActionType): Verdict {
  if (!ROLE_ACTIONS[seat.role].includes(type)) {
    return { ok: false, code: "forbidden", reason: "Your role cannot do that.", applies: false };
  }
  if (seat.status !== "running") {
    return { ok: false, code: "notLive", reason: NOT_LIVE[seat.status], applies: true };
  }
  return ok(0);
}

/** A petitioner's letter by this carrier: always taken while the clock runs, at the game's pace. */
function letterVerdict(world: World, seat: SeatSituation, carrier: Carrier): Verdict {
  const bar = letterBar(seat.letters, world.now, world.scenario.startDate, carrier);
  return bar ? refuse(bar) : ok(0);
}

/** Asking the next office for the spravka: once the case is at that stage, and the last office had time to answer. */
function spravkaVerdict(world: World, i: number): Verdict {
  if (!world.canSend(i, EVENT_IDS.spravkaRequest)) {
    return refuse("There is nobody left to ask for your spravka, or it is not yet time to ask.", false);
  }
  const from = nextSpravkaAskDay(world.caseHistory(i), typicalDays(world.scenario.institutions.spravkaWait));
  if (from !== null && world.now < from) {
    const when = dateLabel(simDate(world.scenario.startDate, Math.ceil(from)));
    return refuse(`Give that office time to answer: you can ask the next one from ${when} if nothing comes.`);
  }
  return ok(0);
}

/** A piece of desk work on case i (everything but the decision). */
function workVerdict(
  world: World,
  i: number,
  seat: SeatSituation,
  type: Exclude<DeskWork, "review.decide"> | "desk.read",
): Verdict {
  const { path } = world.caseState(i);
  const desk = world.deskState(i);
  const reviewHours = world.reviewHours(i);
  const atReview = path === "commission.review";
  switch (type) {
    case "letter.read":
      if (unreadLetters(world, i) === 0) return refuse("No unread letter about this case has reached you.", false);
      return withinHours(DESK_COSTS[type].hours, seat);
    case "desk.read": {
      if (!atReview) return refuse("The file is not on your desk to read yet: it is still being assembled.", false);
      if (desk.readHours >= reviewHours) return refuse("You have read the whole file.", false);
      const hours = readingHours(seat.hoursLeft, reviewHours, desk.readHours);
      return hours > 0 ? ok(hours) : refuse(OUT_OF_HOURS);
    }
    case "desk.deputy":
      if (!atReview) return refuse("The deputy joins when the file is reviewed; it is not ready yet.", false);
      if (desk.deputy) return refuse("The deputy procurator is already taking part.", false);
      return withinHours(DESK_COSTS[type].hours, seat);
    case "lists.request":
      if (path !== "lists.awaiting") return refuse("This case is not waiting for a camp's list.", false);
      if (desk.listAsked)
        return refuse("You have already written to the camp for its list. Wait for an answer.", false);
      return withinHours(DESK_COSTS[type].hours, seat);
    case "file.requestOriginals":
    case "file.crossCheck":
    case "lists.proceedWithout":
      // The case machine decides whether the file allows it now (RULES.originalsElsewhere, RULES.complaintsOnly).
      if (!world.canSend(i, caseEventId({ type }))) return refuse("That cannot be done to this file now.", false);
      return withinHours(DESK_COSTS[type].hours, seat);
  }
}

/**
 * A decision on the May 19 menu (RULES.decreeMenu), before its details: the
 * menu allows it for this case, the file is at review and read through, the
 * machine takes it, and today's hours cover writing it up.
 */
function decisionVerdict(world: World, i: number, seat: SeatSituation, decision: Decision): Verdict {
  const bar = decisionBar(decision, world.caseFacts(i));
  if (bar) return refuse(bar);
  if (world.caseState(i).path !== "commission.review")
    return refuse("The file is not ready for a decision yet.", false);
  const read = world.deskState(i).readHours;
  const reviewHours = world.reviewHours(i);
  if (read < reviewHours) {
    return refuse(`Read the whole file before you decide: you have read ${read} of ${reviewHours} hours.`);
  }
  if (!world.canSend(i, caseEventId({ type: "review.decide", decision }))) {
    return refuse("That cannot be done to this file now.");
  }
  return withinHours(DESK_COSTS["review.decide"].hours, seat);
}

/**
 * Whether the command would be accepted, and what it costs; the reason if not.
 * The command handler calls this and nothing else to decide.
 */
export function judgeAction(world: World, i: number, seat: SeatSituation, action: SeatAction): Verdict {
  const may = seatMayAct(seat, action.type);
  if (!may.ok) return may;
  switch (action.type) {
    case "complaint.file":
      return letterVerdict(world, seat, action.carrier);
    case "spravka.request":
      return spravkaVerdict(world, i);
    case "review.decide": {
      const verdict = decisionVerdict(world, i, seat, action.decision);
      if (!verdict.ok) return verdict;
      const details: DecisionDetails = {
        ...(action.toArticle !== undefined ? { toArticle: action.toArticle } : {}),
        ...(action.newTermYears !== undefined ? { newTermYears: action.newTermYears } : {}),
      };
      const bar = detailsBar(action.decision, details, world.caseFacts(i));
      return bar ? refuse(bar) : verdict;
    }
    default:
      return workVerdict(world, i, seat, action.type);
  }
}

/** One thing the desk could do with the case, as the view offers it. */
export type OfferKey =
  | { type: "complaint.file"; carrier: Carrier }
  | { type: "review.decide"; decision: Decision }
  | { type: Exclude<ActionType, "complaint.file" | "review.decide"> };
export type Offer = OfferKey & { verdict: Verdict };

/**
 * Everything the seat's role could do with case i, each with its verdict: a
 * letter by each carrier, each decision on the menu, each piece of desk work.
 * The view shows those that apply (barred ones with their reason); a
 * decision's details (article, term) are judged when the form is sent.
 */
export function availableActions(world: World, i: number, seat: SeatSituation): Offer[] {
  const offers: Offer[] = [];
  for (const type of ROLE_ACTIONS[seat.role]) {
    const may = seatMayAct(seat, type);
    if (type === "complaint.file") {
      for (const carrier of CARRIERS) {
        offers.push({ type, carrier, verdict: may.ok ? letterVerdict(world, seat, carrier) : may });
      }
    } else if (type === "review.decide") {
      for (const decision of DECISIONS) {
        offers.push({ type, decision, verdict: may.ok ? decisionVerdict(world, i, seat, decision) : may });
      }
    } else if (type === "spravka.request") {
      offers.push({ type, verdict: may.ok ? spravkaVerdict(world, i) : may });
    } else {
      offers.push({ type, verdict: may.ok ? workVerdict(world, i, seat, type) : may });
    }
  }
  return offers;
}

/** Hours a procurator seat has left today, over all the cases on its desk. */
export function deskHoursLeft(world: World, caseIndexes: readonly number[]): number {
  const used = caseIndexes.reduce((sum, i) => sum + world.deskState(i).hoursToday, 0);
  return Math.max(0, world.scenario.desks.hoursPerDay - used);
}
