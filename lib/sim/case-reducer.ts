import { caseGuards, custodyAfterRelease, type CaseContext, type CaseEvent } from "@/machines/case-setup";
import { OUTCOMES } from "@/machines/vocabulary";

/**
 * A hand-written reducer of the case machine's graph (machines/case.machine.ts),
 * about a hundred times faster than XState's `transition()` on a cache miss.
 * It is not a second source of truth: case-reducer.test.ts proves it equal to
 * XState on every generated path (@xstate/graph) and on whole seeded runs, so
 * any change to the machines that it does not follow fails the tests.
 */
/** A case's state as the engine keeps it: the dotted state path (XState's value, flattened), context, done or not. */
export type PlainSnapshot = { path: string; context: CaseContext; status: "active" | "done" };

/** The final states are the outcomes (every outcome but "pending" is a final state of the case machine). */
const FINALS = new Set<string>(OUTCOMES.filter((o) => o !== "pending"));

/** XState's state value for a dotted path: "commission.review" → { commission: "review" }. */
export function valueOfPath(path: string): string | Record<string, unknown> {
  const parts = path.split(".");
  let value: string | Record<string, unknown> = parts.at(-1)!;
  for (let k = parts.length - 2; k >= 0; k--) value = { [parts[k]!]: value };
  return value;
}

/** The snapshot of a case at `path` with `context` (done for the final outcomes). */
export function snap(path: string, context: CaseContext): PlainSnapshot {
  return { path, context, status: isFinalPath(path) ? "done" : "active" };
}

const release = (c: CaseContext): CaseContext => ({ ...c, custody: "released" });
/** Free, but the sentence stands (the machine's releaseWithRecord: the passport keeps its "minuses", an exile after the camp begins). */
const releaseWithRecord = (c: CaseContext): CaseContext => ({
  ...c,
  custody: custodyAfterRelease(c),
  passportMinus: true,
});

/** Where a decided case goes once the commission (or, for a court sentence, the court) is done with it. */
function afterDecision(c: CaseContext): PlainSnapshot {
  // A release from a camp is first an order the camp may sit on (the machine's CARRY_OUT_DECISION).
  if (caseGuards.releaseOrderedFromCamp({ context: c })) return snap("heldAfterRelease", c);
  return leaveCustody(c);
}

/** Where a decided case goes when it takes effect (the machine's LEAVE_CUSTODY). */
function leaveCustody(c: CaseContext): PlainSnapshot {
  switch (c.decision) {
    case "fullRehabilitation":
      return snap("spravka.awaiting", release(c));
    case "reclassification":
      return snap("reclassified", releaseWithRecord(c));
    case "sentenceReduction":
      return snap("reduced", c);
    case "amnesty1953":
      return snap("amnestied", releaseWithRecord(c));
    case "endExile":
      return snap("exileEnded", releaseWithRecord(c));
    default:
      return snap("upheld", c);
  }
}

/** The next snapshot, or null when the machine refuses the event (snapshot.can(event) === false). */
export function reduceCase(path: string, c: CaseContext, e: CaseEvent): PlainSnapshot | null {
  const args = { context: c, event: e };
  const dot = path.indexOf(".");
  const top = dot < 0 ? path : path.slice(0, dot);
  // Leaf handlers first, then the stage's own, as XState selects transitions.
  switch (path) {
    case "complaint.unwritten":
      if (e.type === "complaint.file")
        return snap("complaint.inTransit", {
          ...c,
          complaints: c.complaints + 1,
          petitionedPresidium: c.petitionedPresidium || e.addressee === "presidium",
        });
      break;
    case "complaint.inTransit":
      if (e.type === "complaint.register")
        return c.listArrived ? snap("commission.queued", c) : snap("lists.awaiting", c);
      if (e.type === "complaint.forwardToAccused") return snap("complaint.forwardedToAccused", c);
      if (e.type === "complaint.lose") return snap("complaint.lost", c);
      if (e.type === "complaint.formReply") return snap("complaint.formReply", c);
      break;
    case "complaint.forwardedToAccused":
    case "complaint.lost":
    case "complaint.formReply":
      if (e.type === "complaint.file" && caseGuards.canWriteAgain(args)) {
        return snap("complaint.inTransit", {
          ...c,
          complaints: c.complaints + 1,
          petitionedPresidium: c.petitionedPresidium || e.addressee === "presidium",
        });
      }
      break;
    case "lists.awaiting":
      if (e.type === "lists.arrive") return snap("commission.queued", { ...c, listArrived: true });
      if (e.type === "lists.proceedWithout") return snap("commission.queued", { ...c, complaintsOnly: true });
      break;
    case "commission.queued":
      if (e.type === "file.assemble") return snap("commission.fileAssembly.checking", c);
      break;
    case "commission.fileAssembly.checking":
      if (e.type === "file.requestOriginals" && caseGuards.originalsElsewhere(args)) {
        return snap("commission.fileAssembly.awaitingOriginals", { ...c, originalsRequested: true });
      }
      if (e.type === "file.crossCheck" && caseGuards.crossChecksRemain(args)) {
        return snap(path, { ...c, crossChecksDone: c.crossChecksDone + 1 });
      }
      if (e.type === "file.complete" && caseGuards.fileIsComplete(args)) return snap("commission.readyForReview", c);
      break;
    case "commission.fileAssembly.awaitingOriginals":
      if (e.type === "file.originalsArrive") return snap("commission.fileAssembly.checking", c);
      break;
    case "commission.readyForReview":
      if (e.type === "review.start") return snap("commission.review", c);
      break;
    case "commission.review":
      if (e.type === "review.decide" && caseGuards.decisionIsAvailable(args)) {
        const decided = { ...c, decision: e.decision };
        if (e.decision === "confirmRefusal") return snap("upheld", decided);
        if (!caseGuards.isExtrajudicialSentence({ context: decided })) return snap("court.awaitingHearing", decided);
        return afterDecision(decided);
      }
      break;
    case "court.awaitingHearing":
    case "court.reinvestigation":
      if (e.type === "court.rule" && (e.ruling !== "returnForInvestigation" || path === "court.awaitingHearing")) {
        const ruled = { ...c, ruling: e.ruling };
        if (e.ruling === "returnForInvestigation") return snap("court.reinvestigation", ruled);
        if (e.ruling === "reject") return snap("upheld", ruled);
        if (e.ruling === "psychiatric") return snap("psychiatric", { ...ruled, custody: "psychiatric" });
        return afterDecision(ruled);
      }
      break;
    case "spravka.awaiting":
    case "spravka.atLocalMvd":
    case "spravka.atProvincialProcuracy":
      if (e.type === "spravka.request" && caseGuards.canEscalateSpravka(args)) {
        const next: Record<string, string> = {
          "spravka.awaiting": "spravka.atLocalMvd",
          "spravka.atLocalMvd": "spravka.atProvincialProcuracy",
          "spravka.atProvincialProcuracy": "spravka.atGeneralProcuracy",
        };
        return snap(next[path]!, { ...c, spravkaRequests: c.spravkaRequests + 1 });
      }
      break;
  }
  if (path === "spravka.atGeneralProcuracy" && e.type === "spravka.refuse") return snap("spravka.refused", c);
  if (path === "heldAfterRelease" && e.type === "release.leaveCamp") return leaveCustody(c);
  if (top === "commission" && e.type === "law.reclassification" && caseGuards.isReclassifiable(args)) {
    return snap(path, { ...c, reclassificationLaw: true });
  }
  if (top === "commission" && e.type === "law.collaboratorsAmnesty" && caseGuards.isCollaborationCase(args)) {
    return snap(path, { ...c, collaboratorsAmnesty: true });
  }
  // Stage-level handlers.
  if ((top === "lists" || top === "commission" || top === "court") && e.type === "presidium.petition") {
    return snap(path, { ...c, petitionedPresidium: true });
  }
  if (top === "complaint" && e.type === "lists.arrive") return snap("commission.queued", { ...c, listArrived: true });
  if (
    (top === "complaint" || top === "lists" || top === "commission" || top === "court") &&
    e.type === "presidium.pardon" &&
    caseGuards.petitionedPresidium(args)
  ) {
    return snap("pardoned", { ...c, custody: "released", passportMinus: false });
  }
  if (top === "spravka" && e.type === "spravka.issue") {
    return snap("rehabilitated", { ...c, custody: "released", passportMinus: false, spravkaIssued: true });
  }
  return null;
}

/** Whether a state at this path is final (its snapshot is done). */
export function isFinalPath(path: string): boolean {
  return FINALS.has(path);
}

/**
 * The same graph as reduceCase, for a context the caller owns: the event's
 * changes are written into `c` and the next path is returned, or null (and
 * `c` left as it was) when the machine refuses the event. The case stepper
 * steps its packed states through one reused context this way, so filling
 * its memo allocates nothing (a context object per step was most of a cold
 * run's cost of filling it: measured). Kept beside reduceCase so the two read
 * side by side; case-reducer.test.ts proves them equal on every generated
 * path and on whole seeded runs.
 */
export function reduceCaseInPlace(path: string, c: CaseContext, e: CaseEvent): string | null {
  const args = GUARD_ARGS;
  args.context = c;
  args.event = e;
  // Leaf handlers first, then the stage's own, as XState selects transitions.
  switch (path) {
    case "complaint.unwritten":
      if (e.type === "complaint.file") return recordComplaint(c, e.addressee === "presidium");
      break;
    case "complaint.inTransit":
      if (e.type === "complaint.register") return c.listArrived ? "commission.queued" : "lists.awaiting";
      if (e.type === "complaint.forwardToAccused") return "complaint.forwardedToAccused";
      if (e.type === "complaint.lose") return "complaint.lost";
      if (e.type === "complaint.formReply") return "complaint.formReply";
      break;
    case "complaint.forwardedToAccused":
    case "complaint.lost":
    case "complaint.formReply":
      if (e.type === "complaint.file" && caseGuards.canWriteAgain(args)) {
        return recordComplaint(c, e.addressee === "presidium");
      }
      break;
    case "lists.awaiting":
      if (e.type === "lists.arrive") {
        c.listArrived = true;
        return "commission.queued";
      }
      if (e.type === "lists.proceedWithout") {
        c.complaintsOnly = true;
        return "commission.queued";
      }
      break;
    case "commission.queued":
      if (e.type === "file.assemble") return "commission.fileAssembly.checking";
      break;
    case "commission.fileAssembly.checking":
      if (e.type === "file.requestOriginals" && caseGuards.originalsElsewhere(args)) {
        c.originalsRequested = true;
        return "commission.fileAssembly.awaitingOriginals";
      }
      if (e.type === "file.crossCheck" && caseGuards.crossChecksRemain(args)) {
        c.crossChecksDone++;
        return path;
      }
      if (e.type === "file.complete" && caseGuards.fileIsComplete(args)) return "commission.readyForReview";
      break;
    case "commission.fileAssembly.awaitingOriginals":
      if (e.type === "file.originalsArrive") return "commission.fileAssembly.checking";
      break;
    case "commission.readyForReview":
      if (e.type === "review.start") return "commission.review";
      break;
    case "commission.review":
      if (e.type === "review.decide" && caseGuards.decisionIsAvailable(args)) {
        c.decision = e.decision;
        if (e.decision === "confirmRefusal") return "upheld";
        if (!caseGuards.isExtrajudicialSentence(args)) return "court.awaitingHearing";
        return afterDecisionInPlace(c);
      }
      break;
    case "court.awaitingHearing":
    case "court.reinvestigation":
      if (e.type === "court.rule" && (e.ruling !== "returnForInvestigation" || path === "court.awaitingHearing")) {
        c.ruling = e.ruling;
        if (e.ruling === "returnForInvestigation") return "court.reinvestigation";
        if (e.ruling === "reject") return "upheld";
        if (e.ruling === "psychiatric") {
          c.custody = "psychiatric";
          return "psychiatric";
        }
        return afterDecisionInPlace(c);
      }
      break;
    case "spravka.awaiting":
    case "spravka.atLocalMvd":
    case "spravka.atProvincialProcuracy":
      if (e.type === "spravka.request" && caseGuards.canEscalateSpravka(args)) {
        c.spravkaRequests++;
        return path === "spravka.awaiting"
          ? "spravka.atLocalMvd"
          : path === "spravka.atLocalMvd"
            ? "spravka.atProvincialProcuracy"
            : "spravka.atGeneralProcuracy";
      }
      break;
  }
  if (path === "spravka.atGeneralProcuracy" && e.type === "spravka.refuse") return "spravka.refused";
  if (path === "heldAfterRelease" && e.type === "release.leaveCamp") return leaveCustodyInPlace(c);
  const commission = inStage(path, "commission");
  if (commission && e.type === "law.reclassification" && caseGuards.isReclassifiable(args)) {
    c.reclassificationLaw = true;
    return path;
  }
  if (commission && e.type === "law.collaboratorsAmnesty" && caseGuards.isCollaborationCase(args)) {
    c.collaboratorsAmnesty = true;
    return path;
  }
  // Stage-level handlers.
  const complaint = inStage(path, "complaint");
  const lists = inStage(path, "lists");
  const court = inStage(path, "court");
  if ((lists || commission || court) && e.type === "presidium.petition") {
    c.petitionedPresidium = true;
    return path;
  }
  if (complaint && e.type === "lists.arrive") {
    c.listArrived = true;
    return "commission.queued";
  }
  if (
    (complaint || lists || commission || court) &&
    e.type === "presidium.pardon" &&
    caseGuards.petitionedPresidium(args)
  ) {
    c.custody = "released";
    c.passportMinus = false;
    return "pardoned";
  }
  if (inStage(path, "spravka") && e.type === "spravka.issue") {
    c.custody = "released";
    c.passportMinus = false;
    c.spravkaIssued = true;
    return "rehabilitated";
  }
  return null;
}

/** The guards' argument for reduceCaseInPlace, reused: the guards only read it during the call. */
const GUARD_ARGS: { context: CaseContext; event: CaseEvent } = {
  context: undefined as unknown as CaseContext,
  event: undefined as unknown as CaseEvent,
};

/** Whether `path` is in the top-level state `stage` (its first segment, as reduceCase's `top`). */
function inStage(path: string, stage: string): boolean {
  return path.startsWith(stage) && (path.length === stage.length || path.charCodeAt(stage.length) === 46);
}

/** A letter written (the machine's recordComplaint), in place. */
function recordComplaint(c: CaseContext, toPresidium: boolean): string {
  c.complaints++;
  c.petitionedPresidium = c.petitionedPresidium || toPresidium;
  return "complaint.inTransit";
}

/** releaseWithRecord, in place. */
function releaseWithRecordInPlace(c: CaseContext): void {
  c.custody = custodyAfterRelease(c);
  c.passportMinus = true;
}

/** afterDecision, in place: the next path. */
function afterDecisionInPlace(c: CaseContext): string {
  if (caseGuards.releaseOrderedFromCamp({ context: c })) return "heldAfterRelease";
  return leaveCustodyInPlace(c);
}

/** leaveCustody, in place: the next path. */
function leaveCustodyInPlace(c: CaseContext): string {
  switch (c.decision) {
    case "fullRehabilitation":
      c.custody = "released";
      return "spravka.awaiting";
    case "reclassification":
      releaseWithRecordInPlace(c);
      return "reclassified";
    case "sentenceReduction":
      return "reduced";
    case "amnesty1953":
      releaseWithRecordInPlace(c);
      return "amnestied";
    case "endExile":
      releaseWithRecordInPlace(c);
      return "exileEnded";
    default:
      return "upheld";
  }
}
