import { getShortestPaths } from "@xstate/graph";
import { createActor, type AnyStateMachine } from "xstate";
import { describe, expect, test } from "vitest";
import type { CaseEvent, CaseInput } from "./case-setup";
import { commissionMachine } from "./commission.machine";
import { complaintMachine } from "./complaint.machine";
import { courtMachine } from "./court.machine";
import { prisonerListsMachine } from "./prisoner-lists.machine";
import { spravkaMachine } from "./spravka.machine";

const input: CaseInput = {
  organ: "court",
  article: "58-10",
  termYears: 10,
  custody: "camp",
  persons: 1,
  originalsElsewhere: true,
  crossChecks: 1,
  maxComplaints: 2,
};

function finalOf(machine: AnyStateMachine, events: CaseEvent[], caseInput: CaseInput = input) {
  const actor = createActor(machine, { input: caseInput });
  actor.start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

const EVENTS: CaseEvent[] = [
  { type: "complaint.file", addressee: "campAdministration" },
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
  { type: "review.decide", decision: "fullRehabilitation" },
  { type: "review.decide", decision: "amnesty1953" },
  { type: "court.rule", ruling: "suspend" },
  { type: "court.rule", ruling: "returnForInvestigation" },
  { type: "court.rule", ruling: "psychiatric" },
  { type: "court.rule", ruling: "reject" },
  { type: "spravka.request" },
  { type: "spravka.issue" },
];

describe("each stage on its own", () => {
  test.each<[string, AnyStateMachine, CaseEvent[], string]>([
    ["a complaint is registered", complaintMachine, [EVENTS[0]!, EVENTS[1]!], "registered"],
    ["a complaint dies with the accused camp chief", complaintMachine, [EVENTS[0]!, EVENTS[2]!], "forwardedToAccused"],
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
      [EVENTS[7]!, EVENTS[8]!, EVENTS[9]!, EVENTS[10]!, EVENTS[11]!, EVENTS[12]!, EVENTS[13]!],
      "decided",
    ],
    ["the court suspends the case", courtMachine, [{ type: "court.rule", ruling: "suspend" }], "suspended"],
    ["the court returns the case, then rejects", courtMachine, [EVENTS[16]!, EVENTS[18]!], "rejected"],
    ["the spravka comes after two complaints", spravkaMachine, [EVENTS[19]!, EVENTS[19]!, EVENTS[20]!], "issued"],
  ])("%s", (_label, machine, events, expected) => {
    expect(finalOf(machine, events).value).toBe(expected);
  });

  test("the court cannot return a case twice", () => {
    const snapshot = finalOf(courtMachine, [EVENTS[16]!]);
    expect(snapshot.can(EVENTS[16]!)).toBe(false);
  });

  test("the 1953 amnesty is not on the menu for a ten-year sentence", () => {
    const snapshot = finalOf(commissionMachine, [
      EVENTS[7]!,
      EVENTS[8]!,
      EVENTS[9]!,
      EVENTS[10]!,
      EVENTS[11]!,
      EVENTS[12]!,
    ]);
    expect(snapshot.value).toBe("review");
    expect(snapshot.can(EVENTS[14]!)).toBe(false);
  });

  test.each<[string, AnyStateMachine, string[]]>([
    ["complaint", complaintMachine, ["registered"]],
    ["prisoner lists", prisonerListsMachine, ["arrived", "proceeding"]],
    ["commission", commissionMachine, ["decided"]],
    ["court", courtMachine, ["psychiatric", "rejected", "suspended"]],
    ["spravka", spravkaMachine, ["issued"]],
  ])("generated paths reach every final state of the %s machine", (_label, machine, finals) => {
    const paths = getShortestPaths(machine, { input, events: EVENTS });
    const reached = [
      ...new Set(paths.filter((p) => p.state.status === "done").map((p) => String(p.state.value))),
    ].sort();
    expect(reached).toEqual(finals);
  });
});
