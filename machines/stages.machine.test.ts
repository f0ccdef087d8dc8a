import { getShortestPaths } from "@xstate/graph";
import { createActor, type AnyStateMachine } from "xstate";
import { describe, expect, test } from "vitest";
import type { CaseEvent, CaseInput } from "./case-setup";
import { CASE_EVENTS } from "./case-events";
import { commissionMachine } from "./commission.machine";
import { complaintMachine } from "./complaint.machine";
import { courtMachine } from "./court.machine";
import { prisonerListsMachine } from "./prisoner-lists.machine";
import { ROLE_CARD_CASES } from "./role-cards";
import { spravkaMachine } from "./spravka.machine";

const input: CaseInput = ROLE_CARD_CASES.agitator;

function finalOf(machine: AnyStateMachine, events: CaseEvent[], caseInput: CaseInput = input) {
  const actor = createActor(machine, { input: caseInput });
  actor.start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

// Named events, so each path below reads as what happened.
const write: CaseEvent = { type: "complaint.file", addressee: "campAdministration" };
const register: CaseEvent = { type: "complaint.register" };
const forwardToAccused: CaseEvent = { type: "complaint.forwardToAccused" };
const returnCase: CaseEvent = { type: "court.rule", ruling: "returnForInvestigation" };
const reject: CaseEvent = { type: "court.rule", ruling: "reject" };
const complainAboutSpravka: CaseEvent = { type: "spravka.request" };
const issueSpravka: CaseEvent = { type: "spravka.issue" };
const amnesty: CaseEvent = { type: "review.decide", decision: "amnesty1953" };
/** A complete file with originals from elsewhere and one cross-check, up to the start of review. */
const toReview: CaseEvent[] = [
  { type: "file.assemble" },
  { type: "file.requestOriginals" },
  { type: "file.originalsArrive" },
  { type: "file.crossCheck" },
  { type: "file.complete" },
  { type: "review.start" },
];

describe("each stage on its own", () => {
  test.each<[string, AnyStateMachine, CaseEvent[], string]>([
    ["a complaint is registered", complaintMachine, [write, register], "registered"],
    ["a complaint dies with the accused camp chief", complaintMachine, [write, forwardToAccused], "forwardedToAccused"],
    ["the list arrives", prisonerListsMachine, [{ type: "lists.arrive" }], "arrived"],
    [
      "the commission proceeds without the list",
      prisonerListsMachine,
      [{ type: "lists.proceedWithout" }],
      "proceeding",
    ],
    [
      "the commission assembles the file and decides",
      commissionMachine,
      [...toReview, { type: "review.decide", decision: "fullRehabilitation" }],
      "decided",
    ],
    ["the court suspends the case", courtMachine, [{ type: "court.rule", ruling: "suspend" }], "suspended"],
    ["the court returns the case, then rejects", courtMachine, [returnCase, reject], "rejected"],
    [
      "the spravka comes after two complaints",
      spravkaMachine,
      [complainAboutSpravka, complainAboutSpravka, issueSpravka],
      "issued",
    ],
  ])("%s", (_label, machine, events, expected) => {
    expect(finalOf(machine, events).value).toBe(expected);
  });

  test("the court cannot return a case twice", () => {
    const snapshot = finalOf(courtMachine, [returnCase]);
    expect(snapshot.can(returnCase)).toBe(false);
  });

  test("the 1953 amnesty is not on the menu for a ten-year sentence", () => {
    const snapshot = finalOf(commissionMachine, toReview);
    expect(snapshot.value).toBe("review");
    expect(snapshot.can(amnesty)).toBe(false);
  });

  test.each<[string, AnyStateMachine, string[]]>([
    ["complaint", complaintMachine, ["registered"]],
    ["prisoner lists", prisonerListsMachine, ["arrived", "proceeding"]],
    ["commission", commissionMachine, ["decided"]],
    ["court", courtMachine, ["psychiatric", "rejected", "suspended"]],
    ["spravka", spravkaMachine, ["issued"]],
  ])("generated paths reach every final state of the %s machine", (_label, machine, finals) => {
    const paths = getShortestPaths(machine, { input, events: [...CASE_EVENTS] });
    const reached = [
      ...new Set(paths.filter((p) => p.state.status === "done").map((p) => String(p.state.value))),
    ].sort();
    expect(reached).toEqual(finals);
  });
});
