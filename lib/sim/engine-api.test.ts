import { describe, expect, test } from "vitest";
import * as engine from "./engine";
import { findScenario } from "./scenarios";

// engine.ts is the engine's one public face; the World behind it is split in lib/sim/world/ (ADR 0018).
describe("the engine's public API", () => {
  test("engine.ts still offers every value callers import from it", () => {
    expect(Object.keys(engine)).toEqual(
      expect.arrayContaining([
        "World",
        "runScenario",
        "sendCaseEventById",
        "DRIVER_KINDS",
        "SEATED_LETTERS",
        "scenarioHash",
        "dayNumber",
      ]),
    );
  });

  test("a World offers the methods and figures it had as one class", () => {
    const members = Object.getOwnPropertyNames(engine.World.prototype);
    expect(members).toEqual(
      expect.arrayContaining(
        // prettier-ignore
        [
          "now", "eventsProcessed", "lettersWritten", "forwardedToAccused", "onCaseEvent", "save", "advanceTo",
          "sendCaseEvent", "applyEffect", "inject", "parameters", "injections", "assignSeat", "fileLetter",
          "noteLetter", "caseHistory", "recordDeskWork", "deskState", "reviewHours", "result", "caseStage",
          "stageCounts", "tally", "caseFacts", "caseState", "startedInCamp", "caseCount", "canSend", "caseVersion",
          "letComputerHelp", "hasStudent", "releaseSeat",
        ],
      ),
    );
    expect(typeof engine.World.resume).toBe("function");
  });

  test("a listener set through onCaseEvent hears every step the world counts", () => {
    const base = findScenario("chita-1954")!;
    const world = new engine.World({ ...base, caseload: { ...base.caseload, cases: 200 } }, 4);
    let heard = 0;
    world.onCaseEvent = () => heard++;
    world.advanceTo(120);
    expect(heard).toBeGreaterThan(0);
    expect(world.onCaseEvent).not.toBeNull();
    // eventsProcessed also counts arriving camp lists and events that left a case where it was.
    expect(world.eventsProcessed).toBeGreaterThanOrEqual(heard);
    expect(world.now).toBe(120);
  });
});
