import { getSimplePaths } from "@xstate/graph";
import { createActor } from "xstate";
import { describe, expect, test } from "vitest";
import {
  amnestyPrisonerMachine,
  freedWhateverTheTerm1945,
  NOT_COVERED_OFFENCES_1945,
  freedByDecree1945,
  halvedByDecree1945,
  OFFENCES_1945,
  type AmnestyPrisonerEvent,
  type AmnestyPrisonerInput,
} from "./amnesty-1945.machine";

function run(input: AmnestyPrisonerInput, events: AmnestyPrisonerEvent[]) {
  const actor = createActor(amnestyPrisonerMachine, { input });
  actor.start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

const sort: AmnestyPrisonerEvent = { type: "decree.sort" };
const thorough: AmnestyPrisonerEvent = { type: "records.check", thorough: true };
const hurried: AmnestyPrisonerEvent = { type: "records.check", thorough: false };
const throughTheCamp: AmnestyPrisonerEvent[] = [{ type: "prisoner.sign" }, { type: "passport.issue" }];

describe("the 1945 amnesty machine: paths the source describes", () => {
  test.each<[string, AmnestyPrisonerInput, AmnestyPrisonerEvent[], string]>([
    [
      "two years for an ordinary offence: checked, signed, on the roster, home by railcar",
      { offence: "ordinary", termYears: 2, recidivist: false },
      [sort, thorough, ...throughTheCamp, { type: "transit.depart" }],
      "released",
    ],
    [
      "eight years under the December 1941 law (left a war factory): freed whatever the term",
      { offence: "december1941Law", termYears: 8, recidivist: false },
      [sort, thorough, ...throughTheCamp, { type: "transit.depart" }],
      "released",
    ],
    [
      "a deserter with ten years: military crimes are freed",
      { offence: "military", termYears: 10, recidivist: false },
      [sort, thorough, ...throughTheCamp],
      "inTransit",
    ],
    [
      "a soldier whose sentence was postponed: freed",
      { offence: "postponedSoldier", termYears: 5, recidivist: false },
      [sort],
      "awaitingFileCheck",
    ],
    [
      "two years for counter-revolution: three years or less is freed, whatever the article",
      { offence: "counterRevolution", termYears: 2, recidivist: false },
      [sort, thorough],
      "awaitingSignature",
    ],
    [
      "ten years for counter-revolution: neither freed nor halved",
      { offence: "counterRevolution", termYears: 10, recidivist: false },
      [sort],
      "notCovered",
    ],
    [
      "five years under the 1932 theft law: never halved",
      { offence: "gravePrivate", termYears: 5, recidivist: false },
      [sort],
      "notCovered",
    ],
    [
      "six years for an ordinary offence: the rest of the term halved, still held",
      { offence: "ordinary", termYears: 6, recidivist: false },
      [sort, { type: "records.halve" }],
      "termHalved",
    ],
    [
      "a recidivist with two years: the file check finds the earlier convictions",
      { offence: "ordinary", termYears: 2, recidivist: true },
      [sort, thorough],
      "excludedAsRecidivist",
    ],
    [
      "a recidivist with six years: not halved either",
      { offence: "ordinary", termYears: 6, recidivist: true },
      [sort, { type: "records.halve" }],
      "excludedAsRecidivist",
    ],
    [
      "a recidivist whose hurried check missed it: released in error, hunted down and returned",
      { offence: "ordinary", termYears: 2, recidivist: true },
      [sort, hurried, ...throughTheCamp, { type: "transit.depart" }, { type: "release.errorFound" }],
      "returnedAfterError",
    ],
    [
      "freed, then kept on at the camp as 'voluntary' labour",
      { offence: "december1941Law", termYears: 4, recidivist: false },
      [sort, thorough, ...throughTheCamp, { type: "release.keepOn" }],
      "keptOnAsLabour",
    ],
  ])("%s", (_name, input, events, expected) => {
    expect(run(input, events).value).toBe(expected);
  });
});

describe("the 1945 amnesty machine: what cannot happen", () => {
  const covered: AmnestyPrisonerInput = { offence: "ordinary", termYears: 2, recidivist: false };
  test.each<[string, AmnestyPrisonerInput, AmnestyPrisonerEvent[], AmnestyPrisonerEvent]>([
    ["no file check before the decree has sorted the file", covered, [], thorough],
    ["no signature before the file is checked", covered, [sort], { type: "prisoner.sign" }],
    ["no passport before the signature", covered, [sort, thorough], { type: "passport.issue" }],
    [
      "no railcar before the passport",
      covered,
      [sort, thorough, { type: "prisoner.sign" }],
      { type: "transit.depart" },
    ],
    ["no halving of a term the decree frees outright", covered, [sort], { type: "records.halve" }],
    [
      "no release of someone the decree does not cover",
      { offence: "counterRevolution", termYears: 10, recidivist: false },
      [sort],
      thorough,
    ],
    [
      "no 'released in error' for someone rightly released",
      covered,
      [sort, hurried, ...throughTheCamp, { type: "transit.depart" }],
      { type: "release.errorFound" },
    ],
    [
      "no 'released in error' for a recidivist the thorough check would have caught but who was never released",
      { offence: "ordinary", termYears: 2, recidivist: true },
      [sort, thorough],
      { type: "release.errorFound" },
    ],
  ])("%s", (_name, input, before, forbidden) => {
    const snapshot = run(input, before);
    expect(snapshot.can(forbidden)).toBe(false);
    expect(run(input, [...before, forbidden]).value).toBe(snapshot.value);
  });
});

describe("the 1945 amnesty machine: every path, every kind of prisoner", () => {
  const EVENTS: AmnestyPrisonerEvent[] = [
    sort,
    thorough,
    hurried,
    { type: "prisoner.sign" },
    { type: "passport.issue" },
    { type: "transit.depart" },
    { type: "release.keepOn" },
    { type: "records.halve" },
    { type: "release.errorFound" },
  ];
  const kinds: AmnestyPrisonerInput[] = OFFENCES_1945.flatMap((offence) =>
    [2, 6].flatMap((termYears) => [false, true].map((recidivist) => ({ offence, termYears, recidivist }))),
  );
  const FREED = new Set(["inTransit", "released", "keptOnAsLabour", "returnedAfterError"]);

  test.each(kinds.map((k) => [`${k.offence}, ${k.termYears} years${k.recidivist ? ", recidivist" : ""}`, k] as const))(
    "%s",
    (_name, input) => {
      const paths = getSimplePaths(amnestyPrisonerMachine, { input, events: EVENTS });
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const value = String(path.state.value);
        // Nobody the decree does not free is ever freed.
        if (FREED.has(value)) expect(freedByDecree1945(input), value).toBe(true);
        // A term is halved only where the decree halves it.
        if (value === "termHalved") expect(halvedByDecree1945(input) && !input.recidivist).toBe(true);
        // A recidivist freed got there only through a hurried check, and is the only one who can be returned.
        if (value === "returnedAfterError") expect(input.recidivist).toBe(true);
        if (FREED.has(value) && input.recidivist)
          expect(path.steps.some((s) => s.event.type === "records.check" && !s.event.thorough)).toBe(true);
        // The generated path replays to the same state in a live actor.
        expect(
          run(
            input,
            path.steps.map((s) => s.event as AmnestyPrisonerEvent),
          ).value,
        ).toBe(value);
      }
    },
  );
});

test("the offences the decree did not reach with a long term are those it neither freed whatever the term nor halved", () => {
  const long = (offence: (typeof OFFENCES_1945)[number]) => ({ offence, termYears: 10, recidivist: false });
  expect([...NOT_COVERED_OFFENCES_1945].sort()).toEqual(
    OFFENCES_1945.filter((o) => !freedWhateverTheTerm1945(o) && !halvedByDecree1945(long(o))).sort(),
  );
});
