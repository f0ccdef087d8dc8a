import type { World } from "@/lib/sim/engine";
import type { LogVariant } from "@/lib/runs/store/log-entry";
import type { SeatAction } from "@/lib/runs/validation";
import { caseEventId } from "@/machines/case-events";
import type { CaseEvent } from "@/machines/case-setup";

/** An accepted action by a seat on one of its cases (judged first: lib/desk/available-actions.ts). */
export type AcceptedCommand = {
  caseIndex: number;
  action: SeatAction;
  /** the desk hours the verdict charged (0 for a petitioner) */
  hours: number;
  /** "seat:<number>" */
  actor: string;
  requestId: string;
};

/** The log entries a seat's action writes: one of these three kinds, about its case. */
type SeatVariant = Extract<LogVariant, { type: "case.act" | "desk.work" | "letter.write" }>;
type WithoutCase<V> = V extends unknown ? Omit<V, "caseIndex"> : never;
/** A seat's entry, ready for the store (and, being a parsed variant, for a replay). */
export type SeatLogEntry = SeatVariant & { actor: string; requestId: string };

type Builder<T extends SeatAction["type"]> = (
  command: AcceptedCommand & { action: Extract<SeatAction, { type: T }> },
  world: World,
) => WithoutCase<SeatVariant>;

/**
 * What each kind of action writes to the run's log: one small builder per
 * action type, so a new action is one entry here and one verdict in
 * available-actions.ts. `case.act` entries are events the case machine
 * takes; `desk.work` is desk time outside it (ADR 0010).
 */
const BUILDERS: { [T in SeatAction["type"]]: Builder<T> } = {
  /**
   * A petitioner's letter enters the case machine when it can take a letter;
   * otherwise (an earlier one unanswered, the case already under review) it
   * joins the pile, as extra letters did, and changes nothing else.
   */
  "complaint.file": ({ action, caseIndex }, world) => {
    const { addressee, grounds, carrier } = action;
    const event: CaseEvent = { type: "complaint.file", addressee };
    return world.canSend(caseIndex, caseEventId(event))
      ? { type: "case.act", payload: { event, petition: { grounds, carrier }, letter: true } }
      : { type: "letter.write", payload: { addressee, grounds, carrier } };
  },
  "spravka.request": () => ({ type: "case.act", payload: { event: { type: "spravka.request" } } }),
  "desk.read": ({ hours }) => ({ type: "desk.work", payload: { hours, read: true } }),
  "letter.read": ({ hours }) => ({ type: "desk.work", payload: { hours, letter: true } }),
  "desk.deputy": ({ hours }) => ({ type: "desk.work", payload: { hours, deputy: true } }),
  "lists.request": ({ hours }) => ({ type: "desk.work", payload: { hours, list: true } }),
  "file.requestOriginals": ({ hours }) => ({
    type: "case.act",
    payload: { event: { type: "file.requestOriginals" }, hours },
  }),
  "file.crossCheck": ({ hours }) => ({ type: "case.act", payload: { event: { type: "file.crossCheck" }, hours } }),
  "lists.proceedWithout": ({ hours }) => ({
    type: "case.act",
    payload: { event: { type: "lists.proceedWithout" }, hours },
  }),
  /** A decision with its written grounds: it becomes the commission's protocol (lib/runs/seat-view/views.ts protocolView). */
  "review.decide": ({ action, hours }) => ({
    type: "case.act",
    payload: {
      event: { type: "review.decide", decision: action.decision },
      hours,
      justification: action.justification,
      ...(action.toArticle ? { toArticle: action.toArticle } : {}),
      ...(action.newTermYears !== undefined ? { newTermYears: action.newTermYears } : {}),
    },
  }),
};

/** The log entry an accepted command writes. */
export function commandEntry(command: AcceptedCommand, world: World): SeatLogEntry {
  const build = BUILDERS[command.action.type] as Builder<SeatAction["type"]>;
  const { actor, caseIndex, requestId } = command;
  return { ...build(command, world), actor, caseIndex, requestId } as SeatLogEntry;
}
