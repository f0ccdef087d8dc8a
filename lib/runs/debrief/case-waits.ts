import type { CaseHistoryEntry } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { RULES } from "@/machines/rules";
import { OUTCOMES, type SourceKey } from "@/machines/vocabulary";

/**
 * What a case was waiting for, from its start to its decision: each stretch
 * of its story named by the cause of the wait, not by the stage's name.
 */
export const WAIT_CAUSES = [
  "notWritten",
  "transit",
  "deadLetter",
  "lists",
  "clerks",
  "originals",
  "desk",
  "court",
  "heldAfterRelease",
  "spravka",
] as const;
export type WaitCause = (typeof WAIT_CAUSES)[number];

/**
 * Each cause in plain words, with what makes it history: the rule it acts
 * out (machines/rules.ts) where there is one, and the scenario parameter
 * that sets how long it lasts (whose provenance may well be "invented").
 */
export const WAIT_CAUSE_NOTES: Record<WaitCause, { label: string; rule: keyof typeof RULES | null; length: string }> = {
  notWritten: {
    label: "No complaint yet: nobody had written, and no list had come from the camp",
    rule: "complaintsOnly",
    length: "caseload.firstComplaint",
  },
  transit: {
    label: "A letter on its way, through the camp censors and the post",
    rule: null,
    length: "institutions.complaintTransit",
  },
  deadLetter: {
    label: "The letter went nowhere: sent on to the officials it accused, lost, or answered with a form letter",
    rule: "complaintsToAccused",
    length: "institutions.rewrite",
  },
  lists: {
    label: "Waiting for the camp's list of prisoners",
    rule: "complaintsOnly",
    length: "institutions.listDelay",
  },
  clerks: {
    label:
      "With the clerks: waiting for one to open the file, then putting it together and checking testimony against other cases",
    rule: "originalsElsewhere",
    length: "institutions.fileAssembly",
  },
  originals: {
    label: "Waiting for the original file from Moscow or another province",
    rule: "originalsElsewhere",
    length: "institutions.originalsDelay",
  },
  desk: {
    label: "Queue at the desk: waiting for a procurator with time to read the file and decide",
    rule: "reviewHours",
    length: "desks.reviewHoursPerPerson",
  },
  court: {
    label: "In court: the commission's protest waiting for a ruling",
    rule: "courtRulings",
    length: "institutions.courtBacklog",
  },
  heldAfterRelease: {
    label: "Release ordered, but the camp still held the person",
    rule: "heldAfterRelease",
    length: "institutions.heldAfterRelease",
  },
  spravka: {
    label: "Cleared, waiting for the spravka (the certificate of rehabilitation)",
    rule: "noSpravka",
    length: "institutions.spravkaWait",
  },
};

/** One stretch of a case's wait: [fromDay, toDay) in simulated days since the scenario's start. */
export type WaitSegment = {
  cause: WaitCause;
  label: string;
  fromDay: number;
  toDay: number;
  days: number;
  /** the source that such waits happened (a rule's source), or "invented" where the sources are silent */
  source: SourceKey | "invented";
  /** the source of how long such a wait lasts in this scenario (its parameter's provenance) */
  lengthSource: SourceKey | "invented";
  lengthNote: string | null;
};

export type CaseWaits = {
  segments: WaitSegment[];
  /** the day the case reached its final state, or null when it was still undecided at the end */
  decidedDay: number | null;
  /** where the timeline stops: the decision, or the run's end */
  endDay: number;
};

/** The case paths at which a case's story is over: the machine's final states, named as its outcomes. */
const FINAL_PATHS: ReadonlySet<string> = new Set(OUTCOMES.filter((o) => o !== "pending"));

type Phase = WaitCause | "final";

/** The cause of waiting in a state of the case machine. */
export function causeOfPath(path: string): Phase {
  if (FINAL_PATHS.has(path)) return "final";
  if (path === "complaint.unwritten" || path === "complaint.registered") return "notWritten";
  if (path === "complaint.inTransit") return "transit";
  if (path.startsWith("complaint.")) return "deadLetter";
  if (path.startsWith("lists.")) return "lists";
  if (path === "commission.fileAssembly.awaitingOriginals") return "originals";
  if (path === "commission.readyForReview" || path === "commission.review") return "desk";
  if (path.startsWith("commission.")) return "clerks";
  if (path.startsWith("court.")) return "court";
  if (path === "heldAfterRelease") return "heldAfterRelease";
  if (path.startsWith("spravka.")) return "spravka";
  return "final";
}

/**
 * Where a case went after a step whose destination depends on facts the
 * story does not carry (a decision: to court, to the camp's gate, to the
 * spravka, or nowhere; a registered complaint: to the lists or the clerks):
 * the stage the next step happened in, or, after the last step, where the
 * case is now.
 */
function resolved(next: CaseHistoryEntry | undefined, path: string): Phase {
  if (!next) return causeOfPath(path);
  const type = next.event.type;
  if (type === "court.rule" || type === "presidium.pardon" || type === "presidium.petition") return "court";
  if (type === "release.leaveCamp") return "heldAfterRelease";
  if (type.startsWith("spravka.")) return "spravka";
  if (type.startsWith("lists.")) return "lists";
  if (type.startsWith("file.") || type === "review.start" || type.startsWith("law.")) return "clerks";
  return "final";
}

/** The cause of waiting after a step of the story (`next` and `path` settle the steps that branch). */
function after(phase: Phase, entry: CaseHistoryEntry, next: CaseHistoryEntry | undefined, path: string): Phase {
  if (entry.noted) return phase; // a letter the case did not take: it joined the pile
  const e = entry.event;
  switch (e.type) {
    case "complaint.file":
      return phase === "notWritten" || phase === "deadLetter" ? "transit" : phase;
    case "complaint.register": {
      const to = resolved(next, path);
      return to === "lists" ? "lists" : "clerks";
    }
    case "complaint.forwardToAccused":
    case "complaint.lose":
    case "complaint.formReply":
      return "deadLetter";
    case "lists.arrive":
    case "lists.proceedWithout":
    case "file.assemble":
    case "file.originalsArrive":
      return "clerks";
    case "file.requestOriginals":
      return "originals";
    case "file.complete":
    case "review.start":
      return "desk";
    case "review.decide":
      return e.decision === "confirmRefusal" ? "final" : resolved(next, path);
    case "court.rule":
      if (e.ruling === "returnForInvestigation") return "court";
      return e.ruling === "suspend" ? resolved(next, path) : "final";
    case "release.leaveCamp":
      return resolved(next, path);
    case "spravka.request":
    case "spravka.refuse":
      return "spravka";
    case "spravka.issue":
    case "presidium.pardon":
      return "final";
    default:
      // file.crossCheck, presidium.petition, law.*: recorded beside the case's course, which goes on.
      return phase;
  }
}

function segment(cause: WaitCause, fromDay: number, toDay: number, provenance: Scenario["provenance"]): WaitSegment {
  const note = WAIT_CAUSE_NOTES[cause];
  const length = provenance[note.length];
  return {
    cause,
    label: note.label,
    fromDay,
    toDay,
    days: toDay - fromDay,
    source: note.rule ? RULES[note.rule].source : (length?.source ?? "invented"),
    lengthSource: length?.source ?? "invented",
    lengthNote: length?.note ?? null,
  };
}

/**
 * A case's time from `startDay` (when its record starts: the seat was dealt)
 * to its decision, or to `endDay` (the run's end) when it was not decided,
 * split by what it waited for. Pure: from the case's story (World.caseHistory)
 * and where it is now (World.caseState(i).path). Segments are contiguous,
 * never overlap and add up to the whole; a cause that follows itself is one
 * segment, and a step that took no time leaves none.
 */
export function caseWaits(input: {
  history: readonly CaseHistoryEntry[];
  path: string;
  startDay: number;
  endDay: number;
  provenance: Scenario["provenance"];
  /** where the case stood at startDay: by default before any letter (every case starts there at day 0) */
  startPath?: string;
}): CaseWaits {
  const { history, path, startDay, provenance } = input;
  const segments: WaitSegment[] = [];
  let phase: Phase = causeOfPath(input.startPath ?? "complaint.unwritten");
  let from = startDay;
  let decidedDay: number | null = null;
  const close = (until: number) => {
    const to = Math.max(from, until);
    if (phase !== "final" && to > from) {
      const last = segments.at(-1);
      if (last && last.cause === phase && last.toDay === from) {
        last.toDay = to;
        last.days = to - last.fromDay;
      } else segments.push(segment(phase, from, to, provenance));
    }
    from = to;
  };
  for (let k = 0; k < history.length && phase !== "final"; k++) {
    const entry = history[k]!;
    close(entry.day);
    phase = after(phase, entry, history[k + 1], path);
    if (phase === "final") decidedDay = from;
  }
  const endDay = decidedDay ?? Math.max(from, input.endDay);
  close(endDay);
  return { segments, decidedDay, endDay };
}
