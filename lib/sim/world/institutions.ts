/**
 * The institution driver: what the engine's institutions and bots do when a
 * case enters a state. Camps send (or withhold) their prisoner lists, the
 * Presidium pardons, letters are routed (registered, forwarded to the
 * accused, lost, answered by a form), file clerks and procurators' desks take
 * the oldest files, the KGB archive sends originals, bots decide, courts
 * rule, the MVD and procuracies issue or withhold the spravka; historical
 * events and an instructor's injections change the rules mid-run.
 *
 * Separate from the core because this is where the history lives (each
 * branch of `enter` is a sourced institution's behaviour, weighted by the
 * scenario), while the core only keeps cases and time. Internal to
 * lib/sim/world/: plain functions over WorldCore, so the hot loop stays
 * monomorphic; `enter`'s switch is on integer kinds local to this file.
 */
import {
  ADDRESSEES,
  CARRIERS,
  COURT_RULINGS,
  DECISIONS,
  GROUNDS,
  type Decision,
  type Grounds,
} from "@/machines/vocabulary";
import { EVENT_IDS } from "@/machines/case-events";
import { amnesty1953Covers } from "@/machines/rules";
import {
  COLLABORATORS_AMNESTY,
  COMPLAINTS_LEFT,
  COMPLAINTS_ONLY,
  CROSS_CHECKS_LEFT,
  ORIGINALS_ELSEWHERE,
  ORIGINALS_REQUESTED,
  PETITIONED_PRESIDIUM,
  RECLASSIFICATION_LAW,
  SPRAVKA_REQUESTS_SHIFT,
} from "@/lib/sim/case-stepper";
import { sampleDays } from "@/lib/sim/distributions";
import { hashString } from "@/lib/sim/rng";
import { PETITION_EFFECTS } from "@/lib/sim/petitions";
import { applyEffectTo, EffectError, type Effect } from "@/lib/sim/scenario-schema";
import type { WorldCore } from "./core";
import { leaveStage, STAGE_INDEX, stageIndexOf } from "./statistics";

/**
 * The states where an institution or a bot schedules what happens next (the
 * `enter` switch), numbered so the hot loop switches on integers.
 * DRIVER_KINDS[k - 1] is the state path of Driver k.
 */
export const DRIVER_KINDS = [
  "complaint.unwritten",
  "complaint.inTransit",
  "complaint.forwardedToAccused",
  "complaint.lost",
  "complaint.formReply",
  "lists.awaiting",
  "commission.queued",
  "commission.fileAssembly.checking",
  "commission.fileAssembly.awaitingOriginals",
  "commission.readyForReview",
  "commission.review",
  "court.awaitingHearing",
  "court.reinvestigation",
  "spravka.awaiting",
  "spravka.atLocalMvd",
  "spravka.atProvincialProcuracy",
  "spravka.atGeneralProcuracy",
  "heldAfterRelease",
] as const;
const enum Driver {
  ComplaintUnwritten = 1,
  ComplaintInTransit,
  ComplaintForwardedToAccused,
  ComplaintLost,
  ComplaintFormReply,
  ListsAwaiting,
  CommissionQueued,
  CommissionFileAssemblyChecking,
  CommissionFileAssemblyAwaitingOriginals,
  CommissionReadyForReview,
  CommissionReview,
  CourtAwaitingHearing,
  CourtReinvestigation,
  SpravkaAwaiting,
  SpravkaAtLocalMvd,
  SpravkaAtProvincialProcuracy,
  SpravkaAtGeneralProcuracy,
  HeldAfterRelease,
}

/**
 * Who acts for a case (WorldCore.seat; seats.ts sets it): bit flags, since a
 * case can have a student petitioner and a student procurator at once (a
 * classmate's letter on a classmate's desk); Bot (0) leaves both parts to the
 * computer. Declared here, by `enter`, which reads it on every plan: a const
 * enum compiles to integer constants only in its own file (measured: ADR 0018).
 */
export const enum Seat {
  Bot = 0,
  Petitioner = 1,
  Procurator = 2,
}

/** Whether a student plays this part of case i. */
function seated(w: WorldCore, i: number, part: Seat.Petitioner | Seat.Procurator): boolean {
  return (w.seatOf(i) & part) !== 0;
}

/** The side stream a camp's wait after a release order is drawn from, its name hashed once. */
const HELD_AFTER_RELEASE_STREAM = hashString("held-after-release");

/** Where a letter in transit ends up, in the order of the routing weights. */
const ROUTES = [EVENT_IDS.register, EVENT_IDS.forwardToAccused, EVENT_IDS.lose, EVENT_IDS.formReply];

/** How the grounds of the latest letter weigh a decision at review (lib/sim/petitions.ts). */
function groundsFactor(grounds: Grounds, decision: Decision): number {
  if (grounds === "noEvidence" && (decision === "fullRehabilitation" || decision === "reclassification")) {
    return PETITION_EFFECTS.noEvidenceReview.by;
  }
  // Only where the amnesty can apply at all: the machine refuses it for longer terms anyway.
  if (grounds === "amnesty" && decision === "amnesty1953") return PETITION_EFFECTS.amnestyReview.by;
  return 1;
}

/**
 * The world's policy weights (WorldCore.decisionPolicy, addresseeMix,
 * rulingPolicy), derived again if the params changed since: the driver draws
 * by them on every letter, review and hearing, and reading each weight from
 * the params by name was a keyed lookup per weight. params are replaced
 * whole when they change (applyEffect, loadWorld), never edited in place,
 * so their identity tells.
 */
function policyWeights(w: WorldCore): WorldCore {
  const p = w.params;
  if (w.weightsOf === p) return w;
  for (let g = 0; g < GROUNDS.length; g++) {
    for (let k = 0; k < DECISIONS.length; k++) {
      const d = DECISIONS[k]!;
      w.decisionPolicy[g * DECISIONS.length + k] =
        p.policy.decisions[d] * (d === "confirmRefusal" ? p.policy.bias : 1) * groundsFactor(GROUNDS[g]!, d);
    }
  }
  for (let k = 0; k < ADDRESSEES.length; k++) w.addresseeMix[k] = p.caseload.addressees[ADDRESSEES[k]!];
  for (let k = 0; k < COURT_RULINGS.length; k++) w.rulingPolicy[k] = p.institutions.courtRulings[COURT_RULINGS[k]!];
  w.weightsOf = p;
  return w;
}

/**
 * A computer desk's decision on case i at `when`: drawn from the policy's
 * weights (the "real enemies" bias on upholding, the latest letter's grounds),
 * among the decisions the machine allows in this state. If it allows none the
 * policy weighs, the file stays on the desk.
 */
function planDecision(w: WorldCore, i: number, stateId: number, when: number): void {
  const weights = w.decisionWeights;
  const policy = policyWeights(w).decisionPolicy;
  const row = w.groundsOf(i) * DECISIONS.length;
  for (let k = 0; k < DECISIONS.length; k++) {
    const dw = policy[row + k]!;
    weights[k] = dw > 0 && w.stepper.can(stateId, w.decisionIds[k]!) ? dw : 0;
  }
  const k = w.pick(i, weights);
  if (k >= 0) w.at(i, when, w.decisionIds[k]!);
}

/**
 * A file at review works under the laws in force now (RULES.reclassificationTo109,
 * RULES.collaboratorsAmnesty): each one not yet on the file is recorded there;
 * the machine refuses it for articles the law does not reach.
 */
function bringLawsToFile(w: WorldCore, i: number): void {
  const law = w.params.policy;
  const file = w.stepper.info(w.stateOf(i));
  if (law.reclassificationLaw && !(file & RECLASSIFICATION_LAW)) w.recordOnFile(i, EVENT_IDS.reclassificationLaw);
  if (law.collaboratorsAmnesty && !(file & COLLABORATORS_AMNESTY)) w.recordOnFile(i, EVENT_IDS.collaboratorsAmnesty);
}

/** The driver's case label for a state: 1 + its index in DRIVER_KINDS, 0 for states where nothing is scheduled. */
function kindOf(w: WorldCore, stateId: number): number {
  return w.kindByPath.get(w.stepper.info(stateId));
}

/** The driver's case label for a state at this path (WorldCore.kindByPath memoises it). */
export function driverKindOfPath(path: string): number {
  return (DRIVER_KINDS as readonly string[]).indexOf(path) + 1;
}

/** Whether a case in this state has a letter on its way (the core counts letters written by it). */
export function isLetterInTransit(w: WorldCore, stateId: number): boolean {
  return kindOf(w, stateId) === Driver.ComplaintInTransit;
}

/** The institutions' own calendar at the start of a run: camps' lists and the scenario's historical events. */
export function scheduleInstitutions(w: WorldCore): void {
  const lists = w.institutionRng("camp-lists");
  const inst = w.scenario.institutions;
  for (let camp = 0; camp < w.scenario.caseload.camps; camp++) {
    const withheld = lists.next() < inst.listsWithheldShare;
    const day = sampleDays(lists, inst.listDelay);
    if (!withheld) w.campListAt(day, camp);
  }
  const start = dayNumber(w.scenario.startDate);
  w.scenario.events.forEach((event, index) => {
    const day = dayNumber(event.date) - start;
    // Events before the start date are already in force on day 0 (in date order).
    if (day <= w.scenario.horizonDays) w.historyAt(Math.max(0, day), index);
  });
}

/**
 * Puts case i in the clerks' queue for `days` of work (assembling the file,
 * writing for the originals, reading another case's file to check testimony),
 * after which the case takes `eventId`, `waitAfter` days later.
 */
function clerkJob(w: WorldCore, i: number, days: number, eventId: number, waitAfter: number): void {
  w.setClerkJob(i, days, eventId, waitAfter);
  (eventId === EVENT_IDS.assemble ? w.clerkQueue : w.clerkFollowUps).push(i, w.epochOf(i));
  dispatchClerks(w);
}

/**
 * Hands free clerks the oldest waiting jobs; each clerk is busy for the job's
 * days of work. Files already opened come first: otherwise a flood of new
 * files (all the camps' lists at once) would leave every opened file half
 * checked, and more cases coming up would mean fewer decided.
 */
export function dispatchClerks(w: WorldCore): void {
  while (w.clerksFree > 0 && (w.clerkFollowUps.size > 0 || w.clerkQueue.size > 0)) {
    const queue = w.clerkFollowUps.size > 0 ? w.clerkFollowUps : w.clerkQueue;
    const i = queue.shift();
    if (queue.lastEpoch !== w.epochOf(i)) continue; // moved on while waiting
    w.clerksFree--;
    const days = w.clerkDaysOf(i);
    const done = w.now + days;
    w.clerkWorkDays += days;
    w.at(i, done + w.clerkWaitOf(i), w.clerkEventOf(i));
    w.clerkFreeAt(done);
  }
}

/** Gives free desks the oldest complete files; a desk is busy for the file's review time. */
export function dispatchDesks(w: WorldCore): void {
  while (w.desksFree > 0 && w.deskQueue.size > 0) {
    const i = w.deskQueue.shift();
    if (w.deskQueue.lastEpoch !== w.epochOf(i)) continue;
    w.desksFree--;
    const days = w.reviewDaysOf(i);
    w.deskWorkDays += days;
    w.deskFreeAt(w.now + days);
    w.at(i, w.now, EVENT_IDS.reviewStart);
  }
}

/** Case i has just entered state `stateId` (and been counted in its stage): plan what its institution or bot does next. */
export function enter(w: WorldCore, i: number, stateId: number): void {
  const now = w.now;
  const p = w.params;
  switch (kindOf(w, stateId)) {
    case Driver.ComplaintUnwritten:
      if (seated(w, i, Seat.Petitioner)) return; // the student writes
      if (w.caseDraw(i) < p.caseload.complaintShare) {
        w.letterAt(i, now + w.sample(i, p.caseload.firstComplaint), addresseeEvent(w, i));
      }
      return;
    case Driver.ComplaintInTransit: {
      const to = ADDRESSEES[w.addresseeOf(i)]!;
      const grounds = GROUNDS[w.groundsOf(i)]!;
      const carrier = CARRIERS[w.carrierOf(i)]!;
      const E = PETITION_EFFECTS;
      const slower = carrier === "friend" ? E.friendTransit.by : carrier === "relative" ? E.relativeTransit.by : 1;
      const transit = now + w.sample(i, p.institutions.complaintTransit) * slower;
      const pardonShare = p.institutions.presidiumPardonShare * (grounds === "mercy" ? E.mercyPardon.by : 1);
      if (to === "presidium" && w.caseDraw(i) < pardonShare) {
        w.petitionAt(transit + w.sample(i, p.institutions.presidiumDays), i, EVENT_IDS.pardon);
      }
      const r = p.institutions.routing[to];
      const rw = w.routeWeights;
      rw[0] = r.register;
      rw[1] = r.forwardToAccused;
      rw[2] = r.lose;
      rw[3] = r.formReply;
      // How it travels and what it rests on (lib/sim/petitions.ts).
      // Handed over in person, it arrives; only a letter to the camp itself can still land with the camp chiefs.
      if (carrier === "friend") {
        rw[2] = rw[2]! * E.friendDiverted.by;
        if (to !== "campAdministration") rw[1] = rw[1]! * E.friendDiverted.by;
      }
      if (carrier === "relative") rw[2] = rw[2]! * E.relativeLose.by;
      if (grounds === "amnesty" && !amnesty1953Covers(w.termYears[i]!) && to !== "presidium")
        rw[3] = rw[3]! * E.amnestyRefused.by;
      // The schema guarantees a positive weight, so k ≥ 0.
      w.at(i, transit, ROUTES[w.pick(i, rw)]!);
      return;
    }
    case Driver.ComplaintForwardedToAccused:
    case Driver.ComplaintLost:
    case Driver.ComplaintFormReply:
      if (seated(w, i, Seat.Petitioner)) return; // the student decides whether to write again
      if (w.stepper.info(stateId) & COMPLAINTS_LEFT) {
        w.letterAt(i, now + w.sample(i, p.institutions.rewrite), addresseeEvent(w, i));
      } else {
        leaveStage(w, i); // gave up: no longer waiting on anyone (a camp list may still bring the case up)
      }
      return;
    case Driver.ListsAwaiting:
      // A camp's list names its caseload; a new arrest came after it (RULES.newArrests).
      if (i < w.caseloadSize && w.campListSent[w.camp[i]!]) w.at(i, now, EVENT_IDS.listsArrive);
      else if (p.institutions.proceedWithoutLists) {
        w.at(i, now + w.sample(i, p.institutions.proceedWithoutListsAfter), EVENT_IDS.proceedWithout);
      }
      return;
    case Driver.CommissionQueued:
      clerkJob(w, i, w.sample(i, p.institutions.fileAssembly), EVENT_IDS.assemble, 0);
      return;
    case Driver.CommissionFileAssemblyChecking: {
      const file = w.stepper.info(stateId);
      const originalsMissing = (file & (ORIGINALS_ELSEWHERE | ORIGINALS_REQUESTED)) === ORIGINALS_ELSEWHERE;
      if (seated(w, i, Seat.Procurator)) {
        // The student requests the originals and checks testimony themselves; a complete file moves on.
        if (!originalsMissing && !(file & CROSS_CHECKS_LEFT)) {
          w.at(i, now, EVENT_IDS.complete);
        }
        return;
      }
      // Writing for the originals and checking testimony against other cases are clerks' work, so they
      // queue for the same few staff (Tomsk: six people, each case needing other cases checked); then the
      // other file has to come (crossCheck), or the archive has to answer (originalsDelay).
      if (originalsMissing) {
        clerkJob(w, i, w.sample(i, p.institutions.originalsRequestWork), EVENT_IDS.requestOriginals, 0);
      } else if (file & CROSS_CHECKS_LEFT) {
        const work = w.sample(i, p.institutions.crossCheckWork) * w.personsOf(i);
        clerkJob(w, i, work, EVENT_IDS.crossCheck, w.sample(i, p.institutions.crossCheck));
      } else w.at(i, now, EVENT_IDS.complete);
      return;
    }
    case Driver.CommissionFileAssemblyAwaitingOriginals:
      w.at(i, now + w.sample(i, p.institutions.originalsDelay), EVENT_IDS.originalsArrive);
      return;
    case Driver.CommissionReadyForReview: {
      // Without the camp's list there is nothing to check a complaint against: slower (RULES.complaintsOnly).
      const slower = w.stepper.info(stateId) & COMPLAINTS_ONLY ? p.institutions.complaintsOnlyReviewFactor : 1;
      const hours = w.sample(i, p.desks.reviewHoursPerPerson) * w.personsOf(i) * slower;
      w.setReviewDays(i, hours / p.desks.hoursPerDay);
      // A student's own desk takes the file at once: their hours, not the province's desks, are the limit.
      if (seated(w, i, Seat.Procurator)) {
        w.at(i, now, EVENT_IDS.reviewStart);
        return;
      }
      w.deskQueue.push(i, w.epochOf(i));
      dispatchDesks(w);
      return;
    }
    case Driver.CommissionReview: {
      bringLawsToFile(w, i);
      stateId = w.stateOf(i);
      if (seated(w, i, Seat.Procurator)) {
        // The student decides. If the computer helps, a computer desk takes the file once it has waited
        // too long, and then reviews it as long as one would; the student's own decision first drops the plan.
        if (w.helpAfterDays >= 0) planDecision(w, i, stateId, now + w.helpAfterDays + w.reviewDaysOf(i));
        return;
      }
      planDecision(w, i, stateId, now + w.reviewDaysOf(i));
      return;
    }
    case Driver.CourtAwaitingHearing:
    case Driver.CourtReinvestigation: {
      const weights = w.rulingWeights;
      const policy = policyWeights(w).rulingPolicy;
      for (let k = 0; k < COURT_RULINGS.length; k++) {
        weights[k] = w.stepper.can(stateId, w.rulingIds[k]!) ? policy[k]! : 0;
      }
      const delay =
        kindOf(w, stateId) === Driver.CourtAwaitingHearing
          ? p.institutions.courtBacklog
          : p.institutions.reinvestigation;
      const k = w.pick(i, weights);
      if (k >= 0) w.at(i, now + w.sample(i, delay), w.rulingIds[k]!);
      return;
    }
    case Driver.SpravkaAwaiting:
    case Driver.SpravkaAtLocalMvd:
    case Driver.SpravkaAtProvincialProcuracy:
    case Driver.SpravkaAtGeneralProcuracy: {
      // spravkaIssueShare[0] is whether the court or MVD sent the certificate of its own accord: in 1955
      // mostly not, a gap in the system. Each later share is the small chance one more complaint shook
      // it loose (RULES.noSpravka), so asking matters a little and persistence is no key.
      const level = w.stepper.info(stateId) >>> SPRAVKA_REQUESTS_SHIFT;
      const when = now + w.sample(i, p.institutions.spravkaWait);
      if (w.caseDraw(i) < p.institutions.spravkaIssueShare[Math.min(3, level)]!) {
        // For a student's case the certificate comes even if they ask again meanwhile (asking never cancels it).
        if (seated(w, i, Seat.Petitioner)) w.petitionAt(when, i, EVENT_IDS.spravkaIssue);
        else w.at(i, when, EVENT_IDS.spravkaIssue);
      } else if (level >= 3) {
        // Nobody left to ask: the chain ends without the certificate.
        w.at(i, when, EVENT_IDS.spravkaRefuse);
      }
      // A seated petitioner asks again (or not) themselves, from their desk.
      else if (!seated(w, i, Seat.Petitioner)) w.at(i, when, EVENT_IDS.spravkaRequest);
      return;
    }
    case Driver.HeldAfterRelease:
      // The camp sits on the release order a while (RULES.heldAfterRelease). The wait is drawn from the
      // case's own side stream, so the draws it makes after release are those it made before this wait existed.
      w.at(
        i,
        now + sampleDays(w.caseSideStream(i, HELD_AFTER_RELEASE_STREAM), p.institutions.heldAfterRelease),
        EVENT_IDS.leaveCamp,
      );
      return;
    default:
      return;
  }
}

/** A new letter: complaint.file to an addressee drawn from the scenario's mix. */
function addresseeEvent(w: WorldCore, i: number): number {
  return EVENT_IDS.fileTo[Math.max(0, w.pick(i, policyWeights(w).addresseeMix))]!;
}

/**
 * A bot's letter planned before its case moved on (a camp list brought it to
 * the commission). A letter to the Presidium is still written and may still
 * earn a pardon, while the review goes on (RULES.presidiumPardon); a letter
 * to anyone else would only join a file already under review.
 */
export function letterAlongside(w: WorldCore, i: number, eventId: number): void {
  if (eventId !== PRESIDIUM_LETTER || seated(w, i, Seat.Petitioner)) return;
  if (w.stepper.info(w.stateOf(i)) & PETITIONED_PRESIDIUM) return; // one petition is enough
  if (!w.recordOnFile(i, EVENT_IDS.petitionAlongside)) return; // decided already, or not yet possible
  w.lettersWritten++;
  const p = w.params;
  if (w.caseDraw(i) < p.institutions.presidiumPardonShare) {
    const arrives = w.now + w.sample(i, p.institutions.complaintTransit);
    w.petitionAt(arrives + w.sample(i, p.institutions.presidiumDays), i, EVENT_IDS.pardon);
  }
}
const PRESIDIUM_LETTER = EVENT_IDS.fileTo[ADDRESSEES.indexOf("presidium")]!;

/** A camp's prisoner list arrives: every case of that camp not yet at the commission can go on. */
export function listArrives(w: WorldCore, camp: number): void {
  if (w.campListSent[camp]) return;
  w.campListSent[camp] = 1;
  w.eventsProcessed++;
  w.warmCases(w.campCases[camp]!);
  for (const i of w.campCases[camp]!) {
    // Cases not yet at the commission: no letter yet, a letter on its way, or waiting for this list.
    const s = w.stateOf(i);
    if (!w.stepper.done[s] && stageIndexOf(w, s) <= STAGE_INDEX.lists!) w.sendCaseEvent(i, EVENT_IDS.listsArrive);
  }
}

/** A historical event or an instructor's injection. Throws EffectError (and changes nothing) if it cannot apply. */
export function applyEffect(w: WorldCore, effect: Effect): void {
  if ("action" in effect) {
    for (let camp = 0; camp < w.campListSent.length; camp++) listArrives(w, camp);
    return;
  }
  const before = w.params;
  w.params = applyEffectTo(w.params, effect);
  // A new law reaches the files already under review, not only those still to come.
  const now = w.params.policy;
  if (
    now.reclassificationLaw !== before.policy.reclassificationLaw ||
    now.collaboratorsAmnesty !== before.policy.collaboratorsAmnesty
  ) {
    for (let i = 0; i < w.n; i++) if (kindOf(w, w.stateOf(i)) === Driver.CommissionReview) bringLawsToFile(w, i);
  }
  // Staff changes reach the backlog at once: new desks take waiting files now;
  // after a cut, desks close as their current files are finished.
  w.desksFree += w.params.desks.procurators - before.desks.procurators;
  w.clerksFree += w.params.institutions.fileClerks - before.institutions.fileClerks;
  dispatchDesks(w);
  dispatchClerks(w);
}

/**
 * Whether a historical event is in force now: the scenario scheduled it on a
 * day already reached, or an instructor injected it. An event in force
 * cannot be applied again (its effects would compound).
 */
export function eventInForce(w: WorldCore, id: string): boolean {
  if (w.injectedEvents.some((e) => e.id === id)) return true;
  const start = dayNumber(w.scenario.startDate);
  return w.scenario.events.some((e) => e.id === id && dayNumber(e.date) - start <= w.now);
}

/**
 * An instructor's injected event: its effects apply from now,
 * like a scheduled historical event, and the world remembers it so seats
 * can be told. Throws EffectError, changing nothing, if an effect cannot
 * apply or the event is already in force. `counterfactual`: injected before
 * its historical date, as a what-if the run labels so.
 */
export function inject(w: WorldCore, id: string, effects: readonly Effect[], counterfactual = false): void {
  if (eventInForce(w, id)) throw new EffectError(`"${id}" is already in force in this run`);
  // Check every effect first (applyEffectTo throws on one that cannot apply), so a bad one changes nothing.
  let probe = w.params;
  for (const effect of effects) if (!("action" in effect)) probe = applyEffectTo(probe, effect);
  for (const effect of effects) applyEffect(w, effect);
  w.injectedEvents.push(counterfactual ? { id, day: w.now, counterfactual: true } : { id, day: w.now });
}

/** Days since 1970-01-01 for a YYYY-MM-DD date (calendar arithmetic, not the wall clock). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}
