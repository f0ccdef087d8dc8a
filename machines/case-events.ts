import type { CaseEvent } from "./case-setup";
import { ADDRESSEES, COURT_RULINGS, DECISIONS } from "./vocabulary";

/** Every case event with every payload, numbered: the engine sends event ids. */
export const CASE_EVENTS: readonly CaseEvent[] = [
  ...ADDRESSEES.map((addressee) => ({ type: "complaint.file", addressee }) as const),
  { type: "complaint.register" },
  { type: "complaint.forwardToAccused" },
  { type: "complaint.lose" },
  { type: "complaint.formReply" },
  { type: "lists.arrive" },
  { type: "lists.proceedWithout" },
  { type: "file.assemble" },
  { type: "file.requestOriginals" },
  { type: "file.originalsArrive" },
  { type: "file.crossCheck" },
  { type: "file.complete" },
  { type: "review.start" },
  ...DECISIONS.map((decision) => ({ type: "review.decide", decision }) as const),
  ...COURT_RULINGS.map((ruling) => ({ type: "court.rule", ruling }) as const),
  { type: "spravka.request" },
  { type: "spravka.issue" },
  { type: "presidium.pardon" },
  // Appended, not inserted: saved runs store event ids.
  { type: "spravka.refuse" },
  { type: "presidium.petition" },
  { type: "law.reclassification" },
  { type: "law.collaboratorsAmnesty" },
  { type: "release.leaveCamp" },
];

const ids = new Map(CASE_EVENTS.map((event, index) => [eventKey(event), index]));

function eventKey(event: CaseEvent): string {
  if (event.type === "complaint.file") return `${event.type}:${event.addressee}`;
  if (event.type === "review.decide") return `${event.type}:${event.decision}`;
  if (event.type === "court.rule") return `${event.type}:${event.ruling}`;
  return event.type;
}

export function caseEventId(event: CaseEvent): number {
  const id = ids.get(eventKey(event));
  if (id === undefined) throw new Error(`Unknown case event ${eventKey(event)}`);
  return id;
}

export function caseEventById(id: number): CaseEvent {
  const event = CASE_EVENTS[id];
  if (!event) throw new Error(`Unknown case event id ${id}`);
  return event;
}

const FILE_TO = ADDRESSEES.map((addressee) => caseEventId({ type: "complaint.file", addressee }));
const DECIDE = DECISIONS.map((decision) => caseEventId({ type: "review.decide", decision }));
const RULE = COURT_RULINGS.map((ruling) => caseEventId({ type: "court.rule", ruling }));

export const EVENT_IDS = {
  /** complaint.file to ADDRESSEES[k] */
  fileTo: FILE_TO,
  /** review.decide with DECISIONS[k] */
  decide: DECIDE,
  /** court.rule with COURT_RULINGS[k] */
  rule: RULE,
  register: caseEventId({ type: "complaint.register" }),
  forwardToAccused: caseEventId({ type: "complaint.forwardToAccused" }),
  lose: caseEventId({ type: "complaint.lose" }),
  formReply: caseEventId({ type: "complaint.formReply" }),
  listsArrive: caseEventId({ type: "lists.arrive" }),
  proceedWithout: caseEventId({ type: "lists.proceedWithout" }),
  assemble: caseEventId({ type: "file.assemble" }),
  requestOriginals: caseEventId({ type: "file.requestOriginals" }),
  originalsArrive: caseEventId({ type: "file.originalsArrive" }),
  crossCheck: caseEventId({ type: "file.crossCheck" }),
  complete: caseEventId({ type: "file.complete" }),
  reviewStart: caseEventId({ type: "review.start" }),
  spravkaRequest: caseEventId({ type: "spravka.request" }),
  spravkaIssue: caseEventId({ type: "spravka.issue" }),
  pardon: caseEventId({ type: "presidium.pardon" }),
  spravkaRefuse: caseEventId({ type: "spravka.refuse" }),
  petitionAlongside: caseEventId({ type: "presidium.petition" }),
  reclassificationLaw: caseEventId({ type: "law.reclassification" }),
  collaboratorsAmnesty: caseEventId({ type: "law.collaboratorsAmnesty" }),
  leaveCamp: caseEventId({ type: "release.leaveCamp" }),
};
