import type { World } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import type { AmnestyWorld } from "@/lib/sim/amnesty/engine";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";

/**
 * What a run plays (ADR 0024): the 1954–55 review (a World of cases) or a
 * 1945 camp (an AmnestyWorld of prisoners). The kind follows the scenario.
 */
export type RunEngine =
  | { kind: "review"; world: World; scenario: Scenario }
  | { kind: "camp"; camp: AmnestyWorld; scenario: AmnestyScenario };

/** Asked for the 1954–55 review's cases in a run that plays a 1945 camp (or the other way round). */
export class WrongKindOfRun extends Error {
  constructor(kind: RunEngine["kind"]) {
    super(
      kind === "camp"
        ? "This class plays the 1945 amnesty: it has prisoners and release files, not the 1954–55 review's cases."
        : "This class plays the 1954–55 review: it has no 1945 camp.",
    );
    this.name = "WrongKindOfRun";
  }
}

/** The review's world of a run, or WrongKindOfRun. */
export function reviewOf(engine: RunEngine): { world: World; scenario: Scenario } {
  if (engine.kind !== "review") throw new WrongKindOfRun(engine.kind);
  return engine;
}

/** The camp of a run, or WrongKindOfRun. */
export function campOf(engine: RunEngine): { camp: AmnestyWorld; scenario: AmnestyScenario } {
  if (engine.kind !== "camp") throw new WrongKindOfRun(engine.kind);
  return engine;
}
