/**
 * The seat layer: cases a student sits on. Seating a petitioner or a
 * procurator hands that part of the case from the bots to the student; the
 * case then keeps its story (each change of state, for the seat's timeline),
 * a petitioner's letters carry their grounds and carrier, and a procurator's
 * hours, reading, deputy and camp-list requests are recorded so that
 * replaying the class's log rebuilds them (ADR 0010).
 *
 * Separate from the core because only the interactive driver (lib/runs,
 * lib/desk) uses it: a batch run has no seats, and its hot loop pays one
 * byte compare per step for it (keepStory). Internal to lib/sim/world/:
 * plain functions over WorldCore, exposed as World's methods.
 */
import { caseEventId, CASE_EVENTS, EVENT_IDS } from "@/machines/case-events";
import type { CaseEvent } from "@/machines/case-setup";
import { CARRIERS, GROUNDS, type Addressee, type Carrier, type Grounds } from "@/machines/vocabulary";
import { snap } from "@/lib/sim/case-reducer";
import type { WorldCore } from "./core";
import { Seat } from "./institutions";

/** How many letters the machine takes from a student petitioner (bots give up after the scenario's few). */
export const SEATED_LETTERS = 100;

/** Flags of a seated procurator's work on a case (WorldCore.deskFlags). */
const DESK_DEPUTY = 1;
const DESK_LIST_ASKED = 2;

/** In a seated case's story, event ids from here up are letters noted without a change of state (see noteLetter). */
const NOTED = 1000;

/** One entry of a seated case's story; `noted`: a letter that joined the pile and changed nothing. */
export type CaseHistoryEntry = { day: number; event: CaseEvent; noted?: true };

/**
 * Seats a student on case i: a petitioner writes its letters, a procurator
 * decides it; bots then leave that part to the student. A case can have one
 * of each (the other part stays seated). Null hands both parts back.
 */
export function assignSeat(w: WorldCore, i: number, role: "petitioner" | "procurator" | null): void {
  if (i < 0 || i >= w.arrived) throw new RangeError(`no case ${i}`);
  w.setSeat(
    i,
    role === "petitioner"
      ? w.seatOf(i) | Seat.Petitioner
      : role === "procurator"
        ? w.seatOf(i) | Seat.Procurator
        : Seat.Bot,
  );
  if (role === "petitioner") {
    // A bot gives up after a few letters; a student decides for themselves (the server limits the pace).
    const s = w.stateOf(i);
    const context = w.stepper.context(s);
    if (context.maxComplaints < SEATED_LETTERS) {
      w.setState(i, w.stepper.adopt(snap(w.stepper.path[s]!, { ...context, maxComplaints: SEATED_LETTERS })));
    }
  }
  w.bumpEpoch(i); // drop the bots' plans for this case
  w.replan(i);
}

/**
 * A student gives up one part of case i (their seat was removed): the
 * computer takes that part back from now on, and keeps any other student's.
 */
export function releaseSeat(w: WorldCore, i: number, role: "petitioner" | "procurator"): void {
  if (i < 0 || i >= w.arrived) throw new RangeError(`no case ${i}`);
  w.setSeat(i, w.seatOf(i) & ~(role === "petitioner" ? Seat.Petitioner : Seat.Procurator));
  w.bumpEpoch(i); // the plans made while the student held it no longer hold
  w.replan(i);
}

/** Whether a student plays this part of case i. */
export function hasStudent(w: WorldCore, i: number, role: "petitioner" | "procurator"): boolean {
  return (w.seatOf(i) & (role === "petitioner" ? Seat.Petitioner : Seat.Procurator)) !== 0;
}

/** Case i just took event `eventId` (its state changed): a seated case writes it into its story. */
export function keepStory(w: WorldCore, i: number, eventId: number): void {
  if (w.seatOf(i) === Seat.Bot) return;
  let story = w.history.get(i);
  if (!story) w.history.set(i, (story = []));
  story.push(w.now, eventId);
}

/**
 * A student's letter: complaint.file to `addressee`, resting on `grounds`,
 * carried by `carrier` (lib/sim/petitions.ts). Returns false, changing
 * nothing, if the machine refuses it.
 */
export function fileLetter(
  w: WorldCore,
  i: number,
  letter: { addressee: Addressee; grounds: Grounds; carrier: Carrier },
): boolean {
  w.pending = { grounds: GROUNDS.indexOf(letter.grounds), carrier: CARRIERS.indexOf(letter.carrier) };
  try {
    return w.sendCaseEvent(i, caseEventId({ type: "complaint.file", addressee: letter.addressee }));
  } finally {
    w.pending = { grounds: 0, carrier: 0 };
  }
}

/**
 * A complaint about case i already registered when the commission first sat,
 * so a student procurator's desk has work from the first day: the May 19
 * decree told commissions to work from registered complaints rather than
 * wait for the camps' lists (source adler-ch3). Which desk cases had one is a game
 * choice (lib/runs/deal-cases.ts): the computer wrote them, for the persons
 * no classmate plays. The case goes on as if its letter had just been
 * registered. Returns false, changing nothing, if no letter is still unwritten.
 */
export function registerEarlierComplaint(w: WorldCore, i: number): boolean {
  if (w.stepper.path[w.stateOf(i)] !== "complaint.unwritten") return false;
  if (!w.sendCaseEvent(i, caseEventId({ type: "complaint.file", addressee: "provincialProcuracy" }))) return false;
  return w.sendCaseEvent(i, EVENT_IDS.register);
}

/**
 * A file ready for review when the commission first sat: its complaint
 * registered before (as registerEarlierComplaint), then taken as far as a
 * file goes before a procurator reads it: the camp's list if the camp has
 * sent it, otherwise on the complaint alone, as the May 19 decree allowed
 * (RULES.complaintsOnly, adler-ch3); the file assembled, its originals
 * fetched and its testimony checked where it needs them
 * (RULES.originalsElsewhere). That one file had all this done before the
 * commission sat is a game choice (lib/runs/deal-cases.ts), so a procurator
 * playing alone has a file to read from the first day. Every step is the
 * case machine's own event, so the file's story says what was done (and
 * the clerk who assembles it is busy for the assembly's days, as for any file).
 * Returns false, changing nothing, if the case is past review or cannot get
 * there this way (a scenario where commissions never went ahead without a
 * list, and no list).
 */
export function prepareEarlierFile(w: WorldCore, i: number): boolean {
  const start = w.stepper.path[w.stateOf(i)]!;
  if (start === "commission.readyForReview" || start === "commission.review") return true;
  if (!PREPARABLE.has(start)) return false;
  const beforeCommission = start.startsWith("complaint.") || start.startsWith("lists.");
  if (beforeCommission && !listHere(w, i) && !w.params.institutions.proceedWithoutLists) return false;
  // Each step moves the file on by one of the machine's events; the bound only guards against a loop.
  for (let step = 0; step < 4 + 2 * 255; step++) {
    const s = w.stateOf(i);
    const path = w.stepper.path[s]!;
    if (path === "commission.readyForReview" || path === "commission.review") return true;
    const next = nextPreparation(w, i, path);
    if (next === null || !w.sendCaseEvent(i, next)) {
      throw new Error(`case ${i}: a file being prepared stopped at ${path}`);
    }
  }
  throw new Error(`case ${i}: a file being prepared never became complete`);
}

/** The states a file can be prepared from: before the commission, or in its clerks' hands. */
const PREPARABLE: ReadonlySet<string> = new Set([
  "complaint.unwritten",
  "complaint.inTransit",
  "lists.awaiting",
  "commission.queued",
  "commission.fileAssembly.checking",
  "commission.fileAssembly.awaitingOriginals",
]);

/** Whether case i's camp has sent the list that names it (a new arrest is on no list). */
function listHere(w: WorldCore, i: number): boolean {
  return i < w.caseloadSize && w.campListSent[w.camp[i]!] === 1;
}

/** The event that takes a file being prepared one step on from `path`. */
function nextPreparation(w: WorldCore, i: number, path: string): number | null {
  const file = w.stepper.context(w.stateOf(i));
  switch (path) {
    case "complaint.unwritten":
      return caseEventId({ type: "complaint.file", addressee: "provincialProcuracy" });
    case "complaint.inTransit":
      return EVENT_IDS.register;
    case "lists.awaiting":
      return listHere(w, i) ? EVENT_IDS.listsArrive : EVENT_IDS.proceedWithout;
    case "commission.queued":
      return EVENT_IDS.assemble;
    case "commission.fileAssembly.awaitingOriginals":
      return EVENT_IDS.originalsArrive;
    case "commission.fileAssembly.checking":
      if (file.originalsElsewhere && !file.originalsRequested) return EVENT_IDS.requestOriginals;
      return file.crossChecksDone < file.crossChecks ? EVENT_IDS.crossCheck : EVENT_IDS.complete;
    default:
      return null;
  }
}

/**
 * Notes in a seated case's story a letter the machine did not take (an
 * earlier one still unanswered, or the case already under review): it
 * joins the pile and changes nothing else.
 */
export function noteLetter(w: WorldCore, i: number, addressee: Addressee): void {
  if (w.seatOf(i) === Seat.Bot) return;
  let story = w.history.get(i);
  if (!story) w.history.set(i, (story = []));
  story.push(w.now, NOTED + caseEventId({ type: "complaint.file", addressee }));
}

/**
 * What happened to case i since a student took its seat, oldest first:
 * every change of state, with its simulated day and the event (a player's,
 * a bot's or an institution's). Empty for cases no student sits on.
 */
export function caseHistory(w: WorldCore, i: number): CaseHistoryEntry[] {
  const story = w.history.get(i) ?? [];
  const out: CaseHistoryEntry[] = [];
  for (let k = 0; k < story.length; k += 2) {
    const id = story[k + 1]!;
    out.push(
      id >= NOTED
        ? { day: story[k]!, event: CASE_EVENTS[id - NOTED]!, noted: true }
        : { day: story[k]!, event: CASE_EVENTS[id]! },
    );
  }
  return out;
}

/**
 * A seated procurator spends `hours` of today on case i (reading the file
 * when `read`). The desk's daily budget is checked by the caller; here the
 * work is only recorded, so replaying the class's log rebuilds it.
 */
export function recordDeskWork(w: WorldCore, i: number, hours: number, work: DeskWorkDone = {}): void {
  const today = Math.floor(w.now);
  if (w.workDay[i] !== today) {
    w.workDay[i] = today;
    w.workHours[i] = 0;
  }
  w.workHours[i]! += hours;
  if (work.read) w.readHours[i]! += hours;
  // A Uint8 holds 255 letters; a case takes at most LETTERS_PER_CASE (lib/runs/policy.ts).
  if (work.letter) w.lettersRead[i] = Math.min(255, w.lettersRead[i]! + 1);
  if (work.deputy) w.deskFlags[i]! |= DESK_DEPUTY;
  if (work.list) requestCampList(w, i);
}

/**
 * A seated procurator writes to the camp for case i's entry in its list
 * (RULES.complaintsOnly: camps did not send them). The camp may never answer
 * — as often as camps withheld their lists — or answers after a list's
 * usual delay (both the scenario's; that a request works so is invented).
 */
function requestCampList(w: WorldCore, i: number): void {
  w.deskFlags[i]! |= DESK_LIST_ASKED;
  if (w.caseDraw(i) < w.params.institutions.listsWithheldShare) return;
  w.at(i, w.now + w.sample(i, w.params.institutions.listDelay), EVENT_IDS.listsArrive);
}

/** What a piece of desk work was, besides its hours: reading the file or a letter, asking the deputy, writing for the list. */
export type DeskWorkDone = { read?: boolean; letter?: boolean; deputy?: boolean; list?: boolean };

/** A seated procurator's work on a case so far. */
export type DeskState = {
  /** hours spent on it today */
  hoursToday: number;
  /** hours of its file read, in all */
  readHours: number;
  /** how many of a classmate's letters about it have been read, oldest first */
  lettersRead: number;
  deputy: boolean;
  listAsked: boolean;
};

/** A seated procurator's work on case i. */
export function deskState(w: WorldCore, i: number): DeskState {
  return {
    hoursToday: w.workDay[i] === Math.floor(w.now) ? w.workHours[i]! : 0,
    readHours: w.readHours[i]!,
    lettersRead: w.lettersRead[i]!,
    deputy: (w.deskFlags[i]! & DESK_DEPUTY) !== 0,
    listAsked: (w.deskFlags[i]! & DESK_LIST_ASKED) !== 0,
  };
}

/** Hours a procurator needs to read case i's file (drawn when it became ready for review; 0 before). */
export function reviewHours(w: WorldCore, i: number): number {
  return Math.round(w.reviewDaysOf(i) * w.params.desks.hoursPerDay * 2) / 2;
}
