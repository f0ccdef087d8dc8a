import { getShortestPaths, getSimplePaths } from "@xstate/graph";
import { createActor, type SnapshotFrom } from "xstate";
import { describe, expect, test } from "vitest";
import type { CaseEvent, CaseInput } from "./case-setup";
import { CASE_EVENTS } from "./case-events";
import { caseMachine } from "./case.machine";
import { ROLE_CARD_CASES } from "./role-cards";

const { agitator, specialConferenceExile } = ROLE_CARD_CASES;

function run(input: CaseInput, events: CaseEvent[]) {
  const actor = createActor(caseMachine, { input });
  actor.start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

const toCommission: CaseEvent[] = [
  { type: "complaint.file", addressee: "provincialProcuracy" },
  { type: "complaint.register" },
  { type: "lists.arrive" },
  { type: "file.assemble" },
];
const assembleAgitator: CaseEvent[] = [
  { type: "file.requestOriginals" },
  { type: "file.originalsArrive" },
  { type: "file.crossCheck" },
  { type: "file.complete" },
  { type: "review.start" },
];

describe("the case machine: historical paths", () => {
  test.each<[string, CaseInput, CaseEvent[], string]>([
    [
      "a court sentence: the commission only protests; the court suspends; the camp lets them go; the certificate never comes",
      agitator,
      [
        ...toCommission,
        ...assembleAgitator,
        { type: "review.decide", decision: "fullRehabilitation" },
        { type: "court.rule", ruling: "suspend" },
        { type: "release.leaveCamp" },
      ],
      "spravka.awaiting",
    ],
    [
      "…and after complaints up the chain the spravka is issued",
      agitator,
      [
        ...toCommission,
        ...assembleAgitator,
        { type: "review.decide", decision: "fullRehabilitation" },
        { type: "court.rule", ruling: "suspend" },
        { type: "release.leaveCamp" },
        { type: "spravka.request" },
        { type: "spravka.request" },
        { type: "spravka.issue" },
      ],
      "rehabilitated",
    ],
    [
      "a Butov-like case: rescinded, returned for investigation, sent to the Serbsky Institute",
      agitator,
      [
        ...toCommission,
        ...assembleAgitator,
        { type: "review.decide", decision: "fullRehabilitation" },
        { type: "court.rule", ruling: "returnForInvestigation" },
        { type: "court.rule", ruling: "psychiatric" },
      ],
      "psychiatric",
    ],
    [
      "the protest rejected: the sentence stands",
      agitator,
      [
        ...toCommission,
        ...assembleAgitator,
        { type: "review.decide", decision: "sentenceReduction" },
        { type: "court.rule", ruling: "reject" },
      ],
      "upheld",
    ],
    [
      "a Special Conference exile: the commission ends exile, final at once",
      specialConferenceExile,
      [
        ...toCommission,
        { type: "file.complete" },
        { type: "review.start" },
        { type: "review.decide", decision: "endExile" },
      ],
      "exileEnded",
    ],
    [
      "a Special Conference case rehabilitated goes straight to the spravka stage, no court",
      specialConferenceExile,
      [
        ...toCommission,
        { type: "file.complete" },
        { type: "review.start" },
        { type: "review.decide", decision: "fullRehabilitation" },
      ],
      "spravka.awaiting",
    ],
    [
      "the earlier refusal confirmed",
      specialConferenceExile,
      [
        ...toCommission,
        { type: "file.complete" },
        { type: "review.start" },
        { type: "review.decide", decision: "confirmRefusal" },
      ],
      "upheld",
    ],
    [
      "a camp list alone starts the review, with no complaint written",
      specialConferenceExile,
      [{ type: "lists.arrive" }],
      "commission.queued",
    ],
    [
      "without the list the commission may proceed on the complaint alone",
      specialConferenceExile,
      [{ type: "complaint.file", addressee: "kgb" }, { type: "complaint.register" }, { type: "lists.proceedWithout" }],
      "commission.queued",
    ],
    [
      "a letter forwarded to the camp chief it accuses dies there; a second letter gets through",
      agitator,
      [
        { type: "complaint.file", addressee: "campAdministration" },
        { type: "complaint.forwardToAccused" },
        { type: "complaint.file", addressee: "provincialProcuracy" },
        { type: "complaint.register" },
      ],
      "lists.awaiting",
    ],
    [
      "a petition to the Presidium can end in a pardon, not a rehabilitation",
      agitator,
      [{ type: "complaint.file", addressee: "presidium" }, { type: "presidium.pardon" }],
      "pardoned",
    ],
  ])("%s", (_label, input, events, expected) => {
    const snapshot = run(input, events);
    expect(snapshot.matches(expected as never)).toBe(true);
  });

  test("release and the passport follow the person's state", () => {
    const released = run(specialConferenceExile, [
      ...toCommission,
      { type: "file.complete" },
      { type: "review.start" },
      { type: "review.decide", decision: "fullRehabilitation" },
    ]);
    expect(released.context.custody).toBe("released");
    expect(released.context.passportMinus).toBe(true);
    const cleared = run(specialConferenceExile, [
      ...toCommission,
      { type: "file.complete" },
      { type: "review.start" },
      { type: "review.decide", decision: "fullRehabilitation" },
      { type: "spravka.issue" },
    ]);
    expect(cleared.value).toBe("rehabilitated");
    expect(cleared.context).toMatchObject({ custody: "released", passportMinus: false, spravkaIssued: true });
  });
});

describe("the case machine: held after the release order, and exile after the camp", () => {
  const { wreckers, exileAfterCamp } = ROLE_CARD_CASES;
  const toReview = (input: CaseInput): CaseEvent[] =>
    [
      ...toCommission,
      ...(input.originalsElsewhere ? [{ type: "file.requestOriginals" }, { type: "file.originalsArrive" }] : []),
      ...Array.from({ length: input.crossChecks }, () => ({ type: "file.crossCheck" }) as const),
      { type: "file.complete" },
      { type: "law.reclassification" },
      { type: "review.start" },
    ] as CaseEvent[];

  test.each([
    ["fullRehabilitation", "spravka.awaiting"],
    ["reclassification", "reclassified"],
  ] as const)(
    "a release order (%s) from a camp holds the person in the camp, decided, until the camp lets them go",
    (decision, after) => {
      const held = run(wreckers, [...toReview(wreckers), { type: "review.decide", decision }]);
      expect(held.value).toBe("heldAfterRelease");
      expect(held.status).toBe("active");
      expect(held.context).toMatchObject({ custody: "camp", decision });
      // Nothing but the camp letting them go moves the case now.
      for (const event of CASE_EVENTS.filter((e) => e.type !== "release.leaveCamp")) {
        expect(held.can(event), JSON.stringify(event)).toBe(false);
      }
      const gone = run(wreckers, [
        ...toReview(wreckers),
        { type: "review.decide", decision },
        { type: "release.leaveCamp" },
      ]);
      expect(gone.matches(after as never)).toBe(true);
      expect(gone.context.custody).toBe("released");
    },
  );

  test("ending an exile frees someone already out of the camp: no release order to wait on", () => {
    const ended = run(specialConferenceExile, [
      ...toCommission,
      { type: "file.complete" },
      { type: "review.start" },
      { type: "review.decide", decision: "endExile" },
    ]);
    expect(ended.value).toBe("exileEnded");
  });

  test("a reduced sentence is still served in the camp: no release order", () => {
    const reduced = run(exileAfterCamp, [
      ...toReview(exileAfterCamp),
      { type: "review.decide", decision: "sentenceReduction" },
    ]);
    expect(reduced.value).toBe("reduced");
    expect(reduced.context.custody).toBe("camp");
  });

  test("Barkhanov's path: out of the camp with the sentence standing, into the exile it adds", () => {
    const exiled = run(exileAfterCamp, [
      ...toReview(exileAfterCamp),
      { type: "review.decide", decision: "reclassification" },
      { type: "release.leaveCamp" },
    ]);
    expect(exiled.value).toBe("reclassified");
    expect(exiled.context).toMatchObject({ custody: "exile", passportMinus: true });
  });

  test("rehabilitation voids the sentence and its exile: home", () => {
    const home = run(exileAfterCamp, [
      ...toReview(exileAfterCamp),
      { type: "review.decide", decision: "fullRehabilitation" },
      { type: "release.leaveCamp" },
    ]);
    expect(home.context.custody).toBe("released");
  });

  test("the 24 April 1954 order ended the exile after a term of up to five years: home", () => {
    const short = { ...exileAfterCamp, termYears: 5 };
    const home = run(short, [
      ...toReview(short),
      { type: "review.decide", decision: "amnesty1953" },
      { type: "release.leaveCamp" },
    ]);
    expect(home.value).toBe("amnestied");
    expect(home.context.custody).toBe("released");
  });
});

describe("the case machine: what the rules forbid", () => {
  const atReview = (input: CaseInput) =>
    run(input, [
      ...toCommission,
      ...(input.originalsElsewhere
        ? assembleAgitator
        : [{ type: "file.complete" } as const, { type: "review.start" } as const]),
    ]);

  test.each<[string, CaseInput, CaseEvent]>([
    [
      "the 1953 amnesty for a ten-year sentence (RULES.amnestyFiveYears)",
      agitator,
      { type: "review.decide", decision: "amnesty1953" },
    ],
    [
      "ending exile for someone who is not in exile (RULES.exileSeparateDecision)",
      agitator,
      { type: "review.decide", decision: "endExile" },
    ],
    [
      "reducing the sentence of someone already in exile",
      specialConferenceExile,
      { type: "review.decide", decision: "sentenceReduction" },
    ],
  ])("refuses %s", (_label, input, event) => {
    const snapshot = atReview(input);
    expect(snapshot.matches({ commission: "review" })).toBe(true);
    expect(snapshot.can(event)).toBe(false);
  });

  test("a file with originals elsewhere cannot be completed before they arrive", () => {
    const snapshot = run(agitator, [...toCommission, { type: "file.crossCheck" }]);
    expect(snapshot.can({ type: "file.complete" })).toBe(false);
    const requested = run({ ...agitator, crossChecks: 0 }, [...toCommission, { type: "file.requestOriginals" }]);
    expect(requested.matches({ commission: { fileAssembly: "awaitingOriginals" } })).toBe(true);
    expect(requested.can({ type: "file.complete" })).toBe(false); // still waiting for them
  });

  test("a petitioner who has given up writes no more letters", () => {
    const snapshot = run({ ...agitator, maxComplaints: 1 }, [
      { type: "complaint.file", addressee: "campAdministration" },
      { type: "complaint.forwardToAccused" },
    ]);
    expect(snapshot.can({ type: "complaint.file", addressee: "kgb" })).toBe(false);
  });

  test("only a petition to the Presidium can be pardoned by it", () => {
    const snapshot = run(agitator, [{ type: "complaint.file", addressee: "kgb" }]);
    expect(snapshot.can({ type: "presidium.pardon" })).toBe(false);
  });

  test("nothing moves a final outcome", () => {
    const snapshot = run(agitator, [{ type: "complaint.file", addressee: "presidium" }, { type: "presidium.pardon" }]);
    expect(snapshot.status).toBe("done");
    expect(snapshot.can({ type: "lists.arrive" })).toBe(false);
  });

  test("the spravka complaint loop stops after the General Procuracy", () => {
    const snapshot = run(specialConferenceExile, [
      ...toCommission,
      { type: "file.complete" },
      { type: "review.start" },
      { type: "review.decide", decision: "fullRehabilitation" },
      { type: "spravka.request" },
      { type: "spravka.request" },
      { type: "spravka.request" },
    ]);
    expect(snapshot.matches({ spravka: "atGeneralProcuracy" })).toBe(true);
    expect(snapshot.can({ type: "spravka.request" })).toBe(false);
    expect(snapshot.can({ type: "spravka.issue" })).toBe(true);
  });
});

/** A state is identified by where it is and the context that guards read. */
const serialize = (snapshot: SnapshotFrom<typeof caseMachine>) =>
  JSON.stringify([
    snapshot.value,
    snapshot.context.complaints,
    snapshot.context.petitionedPresidium,
    snapshot.context.listArrived,
    snapshot.context.originalsRequested,
    snapshot.context.crossChecksDone,
    snapshot.context.decision,
    snapshot.context.spravkaRequests,
    snapshot.context.reclassificationLaw,
  ]);

describe("generated paths (@xstate/graph)", () => {
  const outcomesReached = (input: CaseInput) => {
    const paths = getShortestPaths(caseMachine, { input, events: [...CASE_EVENTS], serializeState: serialize });
    return { paths, finals: new Set(paths.filter((p) => p.state.status === "done").map((p) => String(p.state.value))) };
  };

  test("from a court sentence every judicial outcome is reachable; a 58-10 case is never reclassified", () => {
    const { finals } = outcomesReached(agitator);
    expect([...finals].sort()).toEqual(["pardoned", "psychiatric", "reduced", "rehabilitated", "upheld"].sort());
  });

  test("a 58-7/11 case can be reclassified, and only once the Sep 1954 ruling reached its review", () => {
    const { finals, paths } = outcomesReached(ROLE_CARD_CASES.wreckers);
    expect(finals.has("reclassified")).toBe(true);
    for (const path of paths.filter((p) => String(p.state.value) === "reclassified")) {
      expect(path.steps.some((s) => s.event.type === "law.reclassification")).toBe(true);
      expect(path.state.context).toMatchObject({ reclassificationLaw: true, custody: "released", passportMinus: true });
    }
  });

  test("from an extrajudicial exile the commission's own outcomes are reachable, and no court ever sits", () => {
    const { finals, paths } = outcomesReached(specialConferenceExile);
    expect([...finals].sort()).toEqual(["amnestied", "exileEnded", "pardoned", "rehabilitated", "upheld"].sort());
    expect(paths.some((p) => p.state.matches("court"))).toBe(false);
  });

  test("every generated path keeps the invariants: releases only after a decision or a pardon; a standing sentence keeps the passport minus", () => {
    const input = specialConferenceExile;
    const paths = getSimplePaths(caseMachine, {
      input: { ...input, maxComplaints: 1 },
      events: [...CASE_EVENTS],
      serializeState: serialize,
      limit: 20_000,
    });
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      for (const step of path.steps) {
        const { context } = step.state;
        // A person held after the release order is still in the camp.
        if (step.state.value === "heldAfterRelease") expect(context.custody).toBe("camp");
        // Only a decision or a Presidium pardon frees anyone.
        if (context.custody === "released")
          expect(context.decision !== null || step.state.value === "pardoned").toBe(true);
        if (["amnestied", "exileEnded", "reclassified"].includes(String(step.state.value)))
          expect(context.passportMinus).toBe(true);
        if (step.state.value === "pardoned")
          expect(context).toMatchObject({ custody: "released", passportMinus: false });
        if (context.spravkaIssued) expect(context.decision).toBe("fullRehabilitation");
        if (context.decision !== null) expect(context.listArrived || context.complaintsOnly).toBe(true);
      }
    }
  });

  test("on every shortest path of a prisoner whose sentence adds exile: someone held after the release order is in the camp, and only a standing sentence leads into exile", () => {
    const paths = getShortestPaths(caseMachine, {
      input: ROLE_CARD_CASES.exileAfterCamp,
      events: [...CASE_EVENTS],
      serializeState: serialize,
    });
    expect(paths.some((p) => p.state.value === "heldAfterRelease")).toBe(true);
    expect(paths.some((p) => p.state.context.custody === "exile")).toBe(true);
    for (const path of paths) {
      for (const step of path.steps) {
        const { value, context } = step.state;
        if (value === "heldAfterRelease") expect(context.custody).toBe("camp");
        if (context.custody === "exile") expect(["reclassified", "amnestied"]).toContain(value);
      }
    }
  });
});
