import { getShortestPaths } from "@xstate/graph";
import { initialTransition, transition } from "xstate";
import { describe, expect, test } from "vitest";
import { caseMachine } from "@/machines/case.machine";
import { ROLE_CARD_CASES } from "@/machines/role-cards";
import type { CaseInput } from "@/machines/case-setup";
import { CASE_EVENTS } from "@/machines/case-events";
import { isFinalPath, reduceCase, reduceCaseInPlace, valueOfPath } from "./case-reducer";
import {
  canonicalFacts,
  CaseStepper,
  COLLABORATORS_AMNESTY,
  COMPLAINTS_LEFT,
  COMPLAINTS_ONLY,
  CROSS_CHECKS_LEFT,
  ORIGINALS_ELSEWHERE,
  ORIGINALS_REQUESTED,
  PATH_MASK,
  PETITIONED_PRESIDIUM,
  RECLASSIFICATION_LAW,
  REFUSED,
  SPRAVKA_REQUESTS_SHIFT,
  statePath,
} from "./case-stepper";
import { createRng } from "./rng";
import { World } from "./engine";
import { findScenario } from "./scenarios";

const INPUTS: CaseInput[] = [
  ROLE_CARD_CASES.agitator,
  { ...ROLE_CARD_CASES.specialConferenceExile, persons: 2, maxComplaints: 1 },
  ROLE_CARD_CASES.wreckers,
  ROLE_CARD_CASES.collaboratorInExile,
  ROLE_CARD_CASES.exileAfterCamp,
  { ...ROLE_CARD_CASES.exileAfterCamp, termYears: 4, organ: "court" },
];

const serialize = (s: { value: unknown; context: unknown }) => JSON.stringify([s.value, s.context]);

describe("canonical facts: cases that guards cannot tell apart share states", () => {
  test.each(INPUTS.map((input) => [`${input.organ}, ${input.termYears} years, ${input.persons} persons`, input]))(
    "XState takes a case (%s) and its canonical form down the same paths",
    (_label, input) => {
      const canonical = canonicalFacts(input);
      const paths = getShortestPaths(caseMachine, {
        input: canonical,
        events: [...CASE_EVENTS],
        serializeState: serialize,
      });
      const strip = (c: Record<string, unknown>) => ({ ...c, organ: 0, article: 0, persons: 0, termYears: 0 });
      for (const path of paths) {
        let real = initialTransition(caseMachine, input)[0];
        for (const step of path.steps) {
          real = transition(caseMachine, real, step.event)[0];
          expect(real.value).toEqual(step.state.value);
          expect(strip(real.context)).toEqual(strip(step.state.context));
        }
      }
    },
  );
});

describe("the hand-written reducer equals XState", () => {
  test.each(INPUTS.map((input) => [`${input.organ}, ${input.termYears} years, ${input.custody}`, input]))(
    "on every event from every state reached by generated paths (%s)",
    (_label, input) => {
      const paths = getShortestPaths(caseMachine, { input, events: [...CASE_EVENTS], serializeState: serialize });
      expect(paths.length).toBeGreaterThan(20);
      let compared = 0;
      for (const { state } of paths) {
        for (const event of CASE_EVENTS) {
          const [next] = transition(caseMachine, state, event);
          const expected =
            next === state
              ? null
              : { value: next.value, context: next.context, status: next.status === "done" ? "done" : "active" };
          const reduced = reduceCase(statePath(state.value), state.context, event);
          const actual = reduced && {
            value: valueOfPath(reduced.path),
            context: reduced.context,
            status: reduced.status,
          };
          expect(actual, `${statePath(state.value)} + ${JSON.stringify(event)}`).toEqual(expected);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(500);
    },
  );

  test.each(INPUTS.map((input) => [`${input.organ}, ${input.termYears} years, ${input.custody}`, input]))(
    "reduceCaseInPlace writes into the context what reduceCase returns, and refuses what it refuses (%s)",
    (_label, input) => {
      const paths = getShortestPaths(caseMachine, { input, events: [...CASE_EVENTS], serializeState: serialize });
      let accepted = 0;
      for (const { state } of paths) {
        const path = statePath(state.value);
        for (const event of CASE_EVENTS) {
          const expected = reduceCase(path, state.context, event);
          const context = structuredClone(state.context);
          const next = reduceCaseInPlace(path, context, event);
          const label = `${path} + ${JSON.stringify(event)}`;
          if (expected === null) {
            expect(next, label).toBeNull();
            expect(context, label).toEqual(state.context);
            continue;
          }
          expect({ path: next, context, done: isFinalPath(next!) }, label).toEqual({
            path: expected.path,
            context: expected.context,
            done: expected.status === "done",
          });
          accepted++;
        }
      }
      expect(accepted).toBeGreaterThan(100);
    },
  );

  test.each([
    ["chita-1954", 250, 1],
    ["chita-1954", 250, 2],
    ["missing-spravka-1955", 200, 3],
    ["petitioning-the-top-1955", 250, 4],
  ] as const)("on a whole seeded run: %s, %i cases, seed %i", (id, cases, seed) => {
    const base = findScenario(id)!;
    const scenario = { ...base, caseload: { ...base.caseload, cases } };
    const viaXState = new World(scenario, seed, new CaseStepper("xstate"));
    const viaReducer = new World(scenario, seed, new CaseStepper("reducer"));
    viaXState.advanceTo(scenario.horizonDays);
    viaReducer.advanceTo(scenario.horizonDays);
    expect(viaReducer.result(seed)).toEqual(viaXState.result(seed));
    for (let i = 0; i < cases; i++) expect(viaReducer.caseState(i)).toEqual(viaXState.caseState(i));
  });
});

describe("state interning", () => {
  test("contexts that differ in any field get different states; equal ones share", () => {
    const stepper = new CaseStepper();
    const base = canonicalFacts(INPUTS[0]!);
    const a = stepper.initial(base);
    expect(stepper.initial({ ...base })).toBe(a);
    const ctx = stepper.context(a);
    const variants = [
      { ...ctx, complaints: 1 },
      { ...ctx, petitionedPresidium: true },
      { ...ctx, decision: "endExile" as const },
      { ...ctx, ruling: "reject" as const },
      { ...ctx, spravkaRequests: 2 },
      { ...ctx, passportMinus: !ctx.passportMinus },
      { ...ctx, crossChecks: 40 }, // outside the packed range: still a distinct state
      { ...ctx, persons: 3 },
    ];
    const ids = variants.map((context) => stepper.adopt({ path: "complaint.unwritten", context, status: "active" }));
    expect(new Set([a, ...ids]).size).toBe(variants.length + 1);
    expect(stepper.adopt({ path: "complaint.unwritten", context: { ...ctx, crossChecks: 40 }, status: "active" })).toBe(
      ids[6],
    );
  });

  /** States met by random walks from each input's initial state (a seeded stream: the same walks every run). */
  function walk(stepper: CaseStepper, steps: number): number[] {
    const rng = createRng("stepper-walks");
    const seen = new Set<number>();
    for (const input of INPUTS) {
      for (let w = 0; w < 40; w++) {
        let s = stepper.initial(input);
        for (let k = 0; k < steps; k++) {
          seen.add(s);
          const next = stepper.step(s, Math.floor(rng.next() * CASE_EVENTS.length));
          if (next !== REFUSED) s = next;
        }
      }
    }
    return [...seen];
  }

  test("can() answers as step() would, whichever is asked first, and interns nothing", () => {
    const asked = new CaseStepper();
    const stepped = new CaseStepper();
    const states = walk(asked, 60);
    walk(stepped, 60);
    let accepted = 0;
    for (const s of states) {
      for (let e = 0; e < CASE_EVENTS.length; e++) {
        const size = asked.size;
        const can = asked.can(s, e);
        expect(asked.size).toBe(size);
        expect(asked.can(s, e)).toBe(can);
        // The same state and event on a stepper that stepped first (ids agree: both walked the same way).
        expect(stepped.step(s, e) !== REFUSED).toBe(can);
        expect(stepped.can(s, e)).toBe(can);
        if (can) accepted++;
        expect(asked.step(s, e) !== REFUSED).toBe(can);
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });

  test("every remembered answer is what reduceCase gives, however many events a state was asked about", () => {
    const stepper = new CaseStepper();
    const rng = createRng("stepper-memo");
    const states = walk(stepper, 60);
    let answers = 0;
    for (const s of states) {
      // Every event, in an order of its own per state, some asked with can() before they are stepped: a
      // state's first few answers sit beside it and the rest elsewhere, and an accepted event asked
      // about first is remembered before its target is known.
      const events = CASE_EVENTS.map((_, e) => e).sort(() => rng.next() - 0.5);
      for (const e of events) if (rng.next() < 0.5) stepper.can(s, e);
      for (const round of [1, 2]) {
        for (const e of events) {
          const expected = reduceCase(stepper.path[s]!, stepper.context(s), CASE_EVENTS[e]!);
          const next = stepper.step(s, e);
          expect(stepper.can(s, e), `state ${s}, event ${e}, round ${round}`).toBe(expected !== null);
          if (expected === null) expect(next).toBe(REFUSED);
          else expect([stepper.path[next], stepper.context(next)]).toEqual([expected.path, expected.context]);
          answers++;
        }
      }
    }
    expect(answers).toBeGreaterThan(10_000);
  });

  test("each state's context is what reduceCase gives from the state it was first reached from", () => {
    const stepper = new CaseStepper();
    const rng = createRng("stepper-contexts");
    let checked = 0;
    for (const input of INPUTS) {
      for (let w = 0; w < 40; w++) {
        let s = stepper.initial(input);
        for (let k = 0; k < 60; k++) {
          const eventId = Math.floor(rng.next() * CASE_EVENTS.length);
          const known = stepper.size;
          const next = stepper.step(s, eventId);
          if (next === REFUSED) continue;
          // A state met for the first time: its context (built only now, from its key) is reduceCase's.
          if (next >= known) {
            const expected = reduceCase(stepper.path[s]!, stepper.context(s), CASE_EVENTS[eventId]!)!;
            expect(JSON.stringify([stepper.path[next], stepper.context(next), stepper.done[next]])).toBe(
              JSON.stringify([expected.path, expected.context, expected.status === "done"]),
            );
            checked++;
          }
          s = next;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  test("a state's info word holds its path and what the driver reads of its context", () => {
    const stepper = new CaseStepper();
    const states = walk(stepper, 60);
    expect(states.length).toBeGreaterThan(200);
    for (const s of states) {
      const info = stepper.info(s);
      const c = stepper.context(s);
      expect(stepper.paths[info & PATH_MASK]).toBe(stepper.path[s]);
      expect({
        complaintsLeft: (info & COMPLAINTS_LEFT) !== 0,
        originalsElsewhere: (info & ORIGINALS_ELSEWHERE) !== 0,
        originalsRequested: (info & ORIGINALS_REQUESTED) !== 0,
        crossChecksLeft: (info & CROSS_CHECKS_LEFT) !== 0,
        complaintsOnly: (info & COMPLAINTS_ONLY) !== 0,
        reclassificationLaw: (info & RECLASSIFICATION_LAW) !== 0,
        collaboratorsAmnesty: (info & COLLABORATORS_AMNESTY) !== 0,
        petitionedPresidium: (info & PETITIONED_PRESIDIUM) !== 0,
        spravkaRequests: info >>> SPRAVKA_REQUESTS_SHIFT,
      }).toEqual({
        complaintsLeft: c.complaints < c.maxComplaints,
        originalsElsewhere: c.originalsElsewhere,
        originalsRequested: c.originalsRequested,
        crossChecksLeft: c.crossChecksDone < c.crossChecks,
        complaintsOnly: c.complaintsOnly,
        reclassificationLaw: c.reclassificationLaw,
        collaboratorsAmnesty: c.collaboratorsAmnesty,
        petitionedPresidium: c.petitionedPresidium,
        spravkaRequests: Math.min(255, c.spravkaRequests),
      });
    }
  });
});
