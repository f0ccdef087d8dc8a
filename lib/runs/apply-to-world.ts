import type { World } from "@/lib/sim/engine";
import { EffectError, type Effect } from "@/lib/sim/scenario-schema";
import { caseEventId } from "@/machines/case-events";
import type { CaseEvent } from "@/machines/case-setup";
import type { Addressee, Carrier, Grounds } from "@/machines/vocabulary";
import type { ReclassifyTo } from "@/lib/desk/decisions";
import { findInjection } from "./injections";

/** The log entries that change the world; every other entry only records a change of the run row. */
export type WorldEntry =
  /** An instructor's injected event, with the effects it had when injected (see lib/runs/injections.ts). */
  | { type: "run.inject"; payload: { id: string; effects: Effect[] } }
  | { type: "seats.deal"; payload: { cases: [caseIndex: number, role: "petitioner" | "procurator"][] } }
  | {
      type: "case.act";
      caseIndex: number;
      /** petition: a student's letter's grounds and carrier (lib/sim/petitions.ts) */
      /** petition: a letter's grounds and carrier; hours: a procurator's desk time; justification: their written grounds */
      payload: {
        event: CaseEvent;
        petition?: { grounds: Grounds; carrier: Carrier };
        hours?: number;
        justification?: string;
        /** a reclassification's new article; a reclassification's or reduction's new term (see detailsBar) */
        toArticle?: ReclassifyTo;
        newTermYears?: number;
      };
    }
  /** A procurator's desk work outside the case machine: reading the file, asking the deputy, writing to the camp for its list. */
  | {
      type: "desk.work";
      caseIndex: number;
      payload: { hours: number; read?: boolean; deputy?: boolean; list?: boolean };
    }
  /** A letter the case machine could not take: kept in the seat's story only (see World.noteLetter). */
  | { type: "letter.write"; caseIndex: number; payload: { addressee: Addressee; grounds: Grounds; carrier: Carrier } };

export /** Replays one logged entry on a world (entries that only change the run row do nothing here). */
function applyToWorld(
  world: World,
  type: string,
  caseIndex: number | null,
  payload: Record<string, unknown>,
  { whatIf = false } = {},
): boolean {
  if (type === "run.inject") {
    const { id, effects } = payload as Extract<WorldEntry, { type: "run.inject" }>["payload"];
    if (!whatIf) {
      world.inject(id, effects);
      return true;
    }
    // In another version of history an event acts on that world's own figures (a staff cut cuts its staff).
    const injection = findInjection(id);
    try {
      world.inject(id, injection ? injection.effects(world.parameters) : effects);
      return true;
    } catch (error) {
      if (error instanceof EffectError) return false;
      throw error;
    }
  } else if (type === "seats.deal") {
    for (const [i, role] of (payload as Extract<WorldEntry, { type: "seats.deal" }>["payload"]).cases) {
      world.assignSeat(i, role);
    }
  } else if (type === "letter.write" && caseIndex !== null) {
    world.noteLetter(caseIndex, (payload as Extract<WorldEntry, { type: "letter.write" }>["payload"]).addressee);
  } else if (type === "desk.work" && caseIndex !== null) {
    const work = payload as Extract<WorldEntry, { type: "desk.work" }>["payload"];
    world.recordDeskWork(caseIndex, work.hours, work);
  } else if (type === "case.act" && caseIndex !== null) {
    const { event, petition, hours } = payload as Extract<WorldEntry, { type: "case.act" }>["payload"];
    const sent =
      event.type === "complaint.file" && petition
        ? world.fileLetter(caseIndex, { addressee: event.addressee, ...petition })
        : world.sendCaseEvent(caseIndex, caseEventId(event));
    if (!sent) {
      // A what-if replays the class's actions on a changed world: one that cannot happen there is left out.
      if (whatIf) return false;
      // The store checks an action against the world before logging it, so a replay cannot refuse it.
      throw new Error(`Replay diverged: case ${caseIndex} refused ${event.type}.`);
    }
    if (hours) world.recordDeskWork(caseIndex, hours);
  }
  return true;
}
