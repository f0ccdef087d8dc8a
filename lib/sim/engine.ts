/**
 * The simulation engine's public API: import the engine from here, never
 * from lib/sim/world/ (eslint.config.mjs refuses it outside lib/sim).
 *
 * The World is split by concern under lib/sim/world/ (ADR 0018):
 *   world.ts         World, the public class, and runScenario
 *   core.ts          the case arrays, the event queue, stepping, advancing time
 *   institutions.ts  the institution driver: camps, archive, courts, MVD, bots, petitions' routing
 *   seats.ts         seated cases: assignSeat, fileLetter, recordDeskWork, …
 *   statistics.ts    stage counts, decisions, result(), tally()
 *   save-load.ts     SavedWorld, save() and resume()
 */
export { runScenario, sendCaseEventById, World } from "./world/world";
export { dayNumber, DRIVER_KINDS } from "./world/institutions";
export { SEATED_LETTERS, type CaseHistoryEntry } from "./world/seats";
export type { RunResult, StageSummary } from "./world/statistics";
export { scenarioHash, type SavedWorld } from "./world/save-load";
