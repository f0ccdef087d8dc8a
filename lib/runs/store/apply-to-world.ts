import type { World } from "@/lib/sim/engine";
import { EffectError } from "@/lib/sim/scenario-schema";
import { caseEventId } from "@/machines/case-events";
import { findInjection } from "@/lib/runs/injections";
import type { LogVariant } from "./log-entry";

/**
 * Replays one logged entry on a world. Only injections, dealt seats and a
 * seat's case actions, letters and desk work change the world; every other
 * entry only recorded a change of the run row, and does nothing here.
 */
export function applyToWorld(world: World, entry: LogVariant, { whatIf = false } = {}): boolean {
  switch (entry.type) {
    case "run.inject": {
      const { id, effects } = entry.payload;
      const counterfactual = entry.payload.counterfactual === true;
      if (!whatIf) {
        world.inject(id, effects, { counterfactual });
        return true;
      }
      // In another version of history an event acts on that world's own figures (a staff cut cuts its staff).
      const injection = findInjection(id);
      try {
        world.inject(id, injection ? injection.effects(world.parameters) : effects, { counterfactual });
        return true;
      } catch (error) {
        if (error instanceof EffectError) return false;
        throw error;
      }
    }
    case "seats.deal":
      for (const [i, role] of entry.payload.cases) world.assignSeat(i, role);
      return true;
    case "seat.remove":
      for (const [i, role] of entry.payload.cases) world.releaseSeat(i, role);
      return true;
    case "district.backlog":
      for (const i of entry.payload.cases) world.registerEarlierComplaint(i);
      return true;
    case "district.prepared":
      for (const i of entry.payload.cases) world.prepareEarlierFile(i);
      return true;
    case "district.help":
      world.letComputerHelp(entry.payload.afterDays);
      return true;
    case "letter.write":
      world.noteLetter(entry.caseIndex, entry.payload.addressee);
      return true;
    case "desk.work":
      world.recordDeskWork(entry.caseIndex, entry.payload.hours, entry.payload);
      return true;
    case "case.act": {
      const { caseIndex } = entry;
      const { event, petition, hours } = entry.payload;
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
      return true;
    }
    default:
      return true;
  }
}
