import { amnestyScenarioSchema, type AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import { AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";
import { StoredDataError, issuesText } from "@/lib/runs/store/stored-rows";

/*
 * Which runs are a 1945 camp (ADR 0024): the kind follows the scenario id,
 * so no column says it. A camp run freezes its scenario, with the camp's
 * size as `population.sample`, into the run row's scenarioJson when it is
 * created: the size was chosen from the seats and the lesson, and a replay
 * must build the same camp whatever the clock's speed is later.
 */

/** A shipped 1945 amnesty scenario a class can play, by id. */
export function findCampScenario(id: string): AmnestyScenario | undefined {
  return AMNESTY_SCENARIOS.find((s) => s.id === id);
}

/** Whether this run plays a 1945 camp rather than the 1954–55 review. */
export function isCampRun(run: { scenarioId: string }): boolean {
  return findCampScenario(run.scenarioId) !== undefined;
}

/** A camp of `prisoners` from a shipped scenario, as a run stores it. */
export function campScenarioJson(scenario: AmnestyScenario, prisoners: number): string {
  return JSON.stringify({ ...scenario, population: { ...scenario.population, sample: prisoners } });
}

/**
 * The camp a run plays: its frozen scenario (with the camp's size), or the
 * shipped one if none was frozen. Undefined when the run is not a camp run.
 */
export function campScenarioOfRun(run: {
  id?: string;
  scenarioId: string;
  scenarioJson?: string | null;
}): AmnestyScenario | undefined {
  const shipped = findCampScenario(run.scenarioId);
  if (!shipped) return undefined;
  if (!run.scenarioJson) return shipped;
  const where = run.id ? `run ${run.id}` : `a run of "${run.scenarioId}"`;
  let data: unknown;
  try {
    data = JSON.parse(run.scenarioJson);
  } catch {
    throw new StoredDataError(`The camp stored with ${where} is not JSON.`);
  }
  const parsed = amnestyScenarioSchema.safeParse(data);
  if (!parsed.success) {
    throw new StoredDataError(`The camp stored with ${where} does not fit: ${issuesText(parsed.error)}.`);
  }
  return parsed.data;
}

/** Prisoners in the camp a run plays. */
export function campPrisoners(scenario: AmnestyScenario): number {
  return scenario.population.sample ?? scenario.population.held;
}
