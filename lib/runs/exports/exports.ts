import Papa from "papaparse";
import { XMLBuilder } from "fast-xml-parser";
import { ADDRESSEE_LABELS, DECISION_LABELS, OUTCOME_LABELS } from "@/lib/labels";
import type { CaseEvent } from "@/machines/case-setup";
import { caseLabel } from "@/lib/runs/case-label";
import type { HistoryEvent, ReplayEntry, RunHistory } from "@/lib/runs/history/history";
import type { LogPayload } from "@/lib/runs/store/log-entry";
import { INJECTIONS } from "@/lib/runs/injections";
import { RECLASSIFY_LABELS } from "@/lib/desk/decisions";

/**
 * A run's event log for process-mining tools: one row per event a
 * case took, in the columns such tools import — case, activity, timestamp,
 * resource (who did it), role — plus the case's outcome so far. The only
 * personal data is a seat's display name, and `pseudonymise` replaces it with
 * the seat's label.
 */
export type LogRow = {
  case_id: string;
  activity: string;
  timestamp: string;
  resource: string;
  role: string;
  outcome: string;
  /** what else the row says: a letter only noted, desk hours, a decision's article and term */
  detail: string;
  /** a letter's text or a decision's written grounds, in the student's words (only when asked for) */
  text?: string;
};

export const LOG_COLUMNS = ["case_id", "activity", "timestamp", "resource", "role", "outcome", "detail"] as const;
/** The optional column of students' own words. */
export const TEXT_COLUMN = "text";
/** The detail of a letter the case machine did not take: it joined the pile (World.noteLetter). */
export const NOTED_LETTER = "Only noted: an earlier letter was still unanswered, or the case was already under review.";
/** The pseudo-case that holds what happened to the whole run (injected events): its own trace in XES. */
export const RUN_CASE_ID = "Run";

const RULING_ACTIVITY = {
  suspend: "Court suspends the case",
  returnForInvestigation: "Court returns the case for investigation",
  psychiatric: "Court sends the person to psychiatric examination",
  reject: "Court rejects the protest",
} as const;

/** The activity's name and the role that performs it (when no student did). */
/** A case event as the exported log names it ("Complaint registered"). */
export function activityName(event: CaseEvent): string {
  return activity(event).name;
}

function activity(event: CaseEvent): { name: string; role: string } {
  switch (event.type) {
    case "complaint.file":
      return { name: `Complaint sent to ${ADDRESSEE_LABELS[event.addressee]}`, role: "petitioner" };
    case "complaint.register":
      return { name: "Complaint registered", role: "procuracy office" };
    case "complaint.forwardToAccused":
      return { name: "Complaint forwarded to the accused", role: "procuracy office" };
    case "complaint.lose":
      return { name: "Complaint lost", role: "post" };
    case "complaint.formReply":
      return { name: "Form reply sent", role: "procuracy office" };
    case "lists.arrive":
      return { name: "Camp list arrives", role: "camp administration" };
    case "lists.proceedWithout":
      return { name: "Review goes ahead without the camp list", role: "procurator" };
    case "file.assemble":
      return { name: "File assembly begins", role: "clerk" };
    case "file.requestOriginals":
      return { name: "Originals requested", role: "procurator" };
    case "file.originalsArrive":
      return { name: "Originals arrive", role: "archive" };
    case "file.crossCheck":
      return { name: "Testimony cross-checked", role: "clerk" };
    case "file.complete":
      return { name: "File complete", role: "clerk" };
    case "review.start":
      return { name: "Review begins", role: "procurator" };
    case "review.decide":
      return { name: `Decision: ${DECISION_LABELS[event.decision]}`, role: "procurator" };
    case "court.rule":
      return { name: RULING_ACTIVITY[event.ruling], role: "court" };
    case "spravka.request":
      return { name: "Spravka requested", role: "petitioner" };
    case "spravka.issue":
      return { name: "Spravka issued", role: "MVD" };
    case "law.reclassification":
      return { name: "The Sep 1954 ruling on 58-7/11 reaches the review", role: "RSFSR Supreme Court" };
    case "law.collaboratorsAmnesty":
      return { name: "The Sep 1955 amnesty for collaborators reaches the review", role: "Supreme Soviet" };
    case "presidium.petition":
      return { name: "Petition to the Presidium while the review goes on", role: "petitioner" };
    case "spravka.refuse":
      return { name: "No office sends the spravka", role: "procuracy office" };
    case "presidium.pardon":
      return { name: "Pardon by the RSFSR Presidium", role: "Presidium" };
    case "release.leaveCamp":
      return { name: "Leaves the camp after the release order", role: "camp administration" };
  }
}

/** The simulated instant of `day` (fractional) after the scenario's start, as an ISO 8601 timestamp. */
export function simTimestamp(startDate: string, day: number): string {
  return new Date(Date.parse(`${startDate}T00:00:00Z`) + Math.round(day * 86_400_000)).toISOString();
}

export type SeatName = { number: number; role: string; displayName: string };

/** The log's rows, in the order events happened. */
export function logRows(
  history: Pick<RunHistory, "events" | "world">,
  startDate: string,
  seats: readonly SeatName[],
  { pseudonymise = false } = {},
): LogRow[] {
  const bySeat = new Map(seats.map((s) => [`seat:${s.number}`, s]));
  return history.events.map((e: HistoryEvent) => {
    const { name, role } = activity(e.event);
    const seat = bySeat.get(e.actor);
    return {
      case_id: caseLabel(e.caseIndex),
      activity: name,
      timestamp: simTimestamp(startDate, e.day),
      resource: seat ? (pseudonymise ? `Seat ${seat.number}` : seat.displayName) : `${role} (computer)`,
      role: seat ? seat.role : role,
      outcome: OUTCOME_LABELS[history.world.caseState(e.caseIndex).outcome],
      detail: "",
    };
  });
}

/** Everything a complete export is made from: the replay, the run's log, and the letters as written. */
export type ExportSource = {
  history: Pick<RunHistory, "events" | "world">;
  log: readonly ReplayEntry[];
  /** every letter of the run, in the order written */
  letters: readonly { seatNumber: number; caseIndex: number; body: string }[];
  startDate: string;
  seats: readonly SeatName[];
};

/** What a procurator's desk work is called in the log. */
function deskWorkName(work: LogPayload<"desk.work">): string {
  if (work.read) return "File read";
  if (work.letter) return "Petitioner's letter read";
  if (work.deputy) return "Deputy procurator asked to take part";
  if (work.list) return "Camp asked for its list";
  return "Desk work";
}

/** A decision's details beyond its name: the new article and term. */
function decisionDetail(payload: LogPayload<"case.act">): string {
  const parts = [
    payload.toArticle ? `to ${RECLASSIFY_LABELS[payload.toArticle].label}` : "",
    payload.newTermYears !== undefined ? `${payload.newTermYears} years` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/**
 * The whole run as rows, in time order: every event every case took (as
 * logRows), and every logged action that took no step of the case machine —
 * a letter the machine only noted (an earlier one unanswered, or the case
 * already under review), a procurator's desk work — and each event the
 * teacher injected, on the run's own pseudo-case. With `texts`, each
 * letter's words and each decision's grounds fill the text column.
 */
export function completeLogRows(
  source: ExportSource,
  { pseudonymise = false, texts = false }: { pseudonymise?: boolean; texts?: boolean } = {},
): LogRow[] {
  const { history, log, letters, startDate, seats } = source;
  const bySeat = new Map(seats.map((s) => [`seat:${s.number}`, s]));
  const who = (actor: string) => {
    const seat = bySeat.get(actor);
    return seat ? (pseudonymise ? `Seat ${seat.number}` : seat.displayName) : actor;
  };
  // Each letter-bearing entry takes the next letter its seat wrote about that case (both are in the order written).
  const unpaired = new Map<string, string[]>();
  for (const l of letters) {
    const key = `seat:${l.seatNumber}|${l.caseIndex}`;
    unpaired.set(key, [...(unpaired.get(key) ?? []), l.body]);
  }
  const words = new Map<number, string>();
  const details = new Map<number, string>();
  for (const e of log) {
    if ((e.type === "case.act" && e.payload.letter) || e.type === "letter.write") {
      const body = unpaired.get(`${e.actor}|${e.caseIndex}`)?.shift();
      if (body !== undefined) words.set(e.seq, body);
    }
    if (e.type === "case.act" && e.payload.event.type === "review.decide") {
      if (e.payload.justification) words.set(e.seq, e.payload.justification);
      details.set(e.seq, decisionDetail(e.payload));
    }
  }
  const withText = (row: LogRow, seq: number | undefined): LogRow =>
    texts ? { ...row, text: (seq !== undefined && words.get(seq)) || "" } : row;

  const timed: { day: number; row: LogRow }[] = logRows(history, startDate, seats, { pseudonymise }).map((row, k) => {
    const e = history.events[k]!;
    const detail = e.seq !== undefined ? (details.get(e.seq) ?? "") : "";
    return { day: e.day, row: withText({ ...row, detail }, e.seq) };
  });
  for (const e of log) {
    const outcome = e.caseIndex === null ? "" : OUTCOME_LABELS[history.world.caseState(e.caseIndex).outcome];
    const base = { timestamp: simTimestamp(startDate, e.simDay), outcome };
    if (e.type === "letter.write" && bySeat.has(e.actor)) {
      const row: LogRow = {
        ...base,
        case_id: caseLabel(e.caseIndex),
        activity: activity({ type: "complaint.file", addressee: e.payload.addressee }).name,
        resource: who(e.actor),
        role: bySeat.get(e.actor)!.role,
        detail: NOTED_LETTER,
      };
      timed.push({ day: e.simDay, row: withText(row, e.seq) });
    } else if (e.type === "desk.work" && bySeat.has(e.actor)) {
      const row: LogRow = {
        ...base,
        case_id: caseLabel(e.caseIndex),
        activity: deskWorkName(e.payload),
        resource: who(e.actor),
        role: bySeat.get(e.actor)!.role,
        detail: `${e.payload.hours} ${e.payload.hours === 1 ? "hour" : "hours"} of desk time`,
      };
      timed.push({ day: e.simDay, row: withText(row, undefined) });
    } else if (e.type === "run.inject") {
      const injection = INJECTIONS.find((i) => i.id === e.payload.id);
      const row: LogRow = {
        ...base,
        case_id: RUN_CASE_ID,
        activity: `Event injected${e.payload.counterfactual ? " (a what-if, before its date)" : ""}: ${injection?.title ?? e.payload.id}`,
        resource: "Teacher",
        role: "instructor",
        detail: injection?.news ?? "",
      };
      timed.push({ day: e.simDay, row: withText(row, undefined) });
    }
  }
  // Stable: events of one day keep their order, the machine's before the desk's notes of that day.
  return timed.sort((a, b) => a.day - b.day).map((t) => t.row);
}

/** CSV (RFC 4180, with a header row) of the rows. Cells a spreadsheet would run as a formula are defused. */
export function toCsv(rows: readonly LogRow[], { texts = false }: { texts?: boolean } = {}): string {
  const columns = texts ? [...LOG_COLUMNS, TEXT_COLUMN] : [...LOG_COLUMNS];
  return Papa.unparse(rows as LogRow[], { columns, escapeFormulae: true, newline: "\r\n" });
}

/**
 * XES (IEEE 1849-2016) of the rows: one trace per case (concept:name the
 * case; the run's injected events are the trace RUN_CASE_ID), one event per
 * row with concept:name, time:timestamp, org:resource and org:role, declared
 * through the standard extensions, and `detail` and `text` where they say
 * something.
 */
export function toXes(rows: readonly LogRow[], logName: string): string {
  const traces = new Map<string, LogRow[]>();
  for (const row of rows) {
    const list = traces.get(row.case_id);
    if (list) list.push(row);
    else traces.set(row.case_id, [row]);
  }
  const str = (key: string, value: string) => ({ "@_key": key, "@_value": value });
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    log: {
      "@_xes.version": "1849-2016",
      "@_xes.features": "",
      "@_xmlns": "http://www.xes-standard.org/",
      extension: [
        { "@_name": "Concept", "@_prefix": "concept", "@_uri": "http://www.xes-standard.org/concept.xesext" },
        { "@_name": "Time", "@_prefix": "time", "@_uri": "http://www.xes-standard.org/time.xesext" },
        { "@_name": "Organizational", "@_prefix": "org", "@_uri": "http://www.xes-standard.org/org.xesext" },
      ],
      global: [
        { "@_scope": "trace", string: [str("concept:name", "UNKNOWN")] },
        {
          "@_scope": "event",
          string: [str("concept:name", "UNKNOWN"), str("org:resource", "UNKNOWN"), str("org:role", "UNKNOWN")],
          date: [{ "@_key": "time:timestamp", "@_value": "1970-01-01T00:00:00.000Z" }],
        },
      ],
      classifier: [{ "@_name": "Activity", "@_keys": "concept:name" }],
      string: [str("concept:name", logName)],
      trace: [...traces].map(([caseId, events]) => ({
        string: [str("concept:name", caseId), str("outcome", events[0]!.outcome)],
        event: events.map((e) => ({
          string: [
            str("concept:name", e.activity),
            str("org:resource", e.resource),
            str("org:role", e.role),
            ...(e.detail ? [str("detail", e.detail)] : []),
            ...(e.text ? [str("text", e.text)] : []),
          ],
          date: [{ "@_key": "time:timestamp", "@_value": e.timestamp }],
        })),
      })),
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return builder.build(doc) as string;
}
