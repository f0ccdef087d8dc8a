import Papa from "papaparse";
import { XMLBuilder } from "fast-xml-parser";
import { ADDRESSEE_LABELS, DECISION_LABELS, OUTCOME_LABELS } from "@/lib/labels";
import type { CaseEvent } from "@/machines/case-setup";
import { caseLabel } from "@/lib/runs/case-label";
import type { HistoryEvent, RunHistory } from "@/lib/runs/history/history";

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
};

export const LOG_COLUMNS = ["case_id", "activity", "timestamp", "resource", "role", "outcome"] as const;

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
    case "presidium.pardon":
      return { name: "Pardon by the Presidium", role: "Presidium" };
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
    };
  });
}

/** CSV (RFC 4180, with a header row) of the rows. Cells a spreadsheet would run as a formula are defused. */
export function toCsv(rows: readonly LogRow[]): string {
  return Papa.unparse(rows as LogRow[], { columns: [...LOG_COLUMNS], escapeFormulae: true, newline: "\r\n" });
}

/**
 * XES (IEEE 1849-2016) of the rows: one trace per case (concept:name the
 * case), one event per row with concept:name, time:timestamp, org:resource
 * and org:role, declared through the standard extensions.
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
          string: [str("concept:name", e.activity), str("org:resource", e.resource), str("org:role", e.role)],
          date: [{ "@_key": "time:timestamp", "@_value": e.timestamp }],
        })),
      })),
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return builder.build(doc) as string;
}
