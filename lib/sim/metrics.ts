import { RELEASING_OUTCOMES } from "@/machines/vocabulary";
import type { RunResult } from "./engine";
import type { CompareMetric } from "./scenario-schema";
import { waitAtLeast } from "./survival";

/**
 * Released by a decision: free, whether rehabilitated or not, and out of the
 * camp (a person still held after the release order is decided, not released:
 * RULES.heldAfterRelease).
 */
export function releasedCases(r: RunResult): number {
  return RELEASING_OUTCOMES.reduce((sum, o) => sum + r.outcomes[o], 0) - r.heldAfterRelease;
}

export function decidedCases(r: RunResult): number {
  return r.cases - r.outcomes.pending;
}

/** Cases the commission decided (what the provinces' tallies counted). */
export function commissionDecisions(r: RunResult): number {
  return Object.values(r.decisions).reduce((sum, d) => sum + d.cases, 0);
}

/** Persons in the cases the commission decided (Rostov's "1,709 persons"). */
export function commissionDecisionPersons(r: RunResult): number {
  return Object.values(r.decisions).reduce((sum, d) => sum + d.persons, 0);
}

/**
 * Brought under the March 1953 amnesty: directly, or by reclassifying
 * 58-7/11 as art. 109 first (Chita's ~137 were "re-categorized to come under
 * the amnesty law": one path, one count).
 */
function amnestied(r: RunResult, unit: "cases" | "persons"): number {
  return r.decisions.amnesty1953[unit] + r.decisions.reclassification[unit];
}

/**
 * The figures a scenario's `compare` entries name, computed from a run.
 * Shares are of the commission's decisions, as in the provinces' reports
 * (Chita's "365 of 980 upheld" counts the commission's findings); a share of
 * persons is of the persons the commission decided, not of everyone in the
 * province's camps.
 */
export function metric(r: RunResult, name: CompareMetric): number {
  const decided = Math.max(1, commissionDecisions(r));
  switch (name) {
    case "upheldShare":
      return r.decisions.confirmRefusal.cases / decided;
    case "rehabilitatedShare":
      return r.decisions.fullRehabilitation.cases / decided;
    case "reducedShare":
      return r.decisions.sentenceReduction.cases / decided;
    case "amnestiedShare":
      return amnestied(r, "cases") / decided;
    case "exileEndedShare":
      return r.decisions.endExile.cases / decided;
    case "rehabilitatedPersonsShare":
      return r.decisions.fullRehabilitation.persons / Math.max(1, commissionDecisionPersons(r));
    case "decidedCases":
      return commissionDecisions(r);
    case "decidedPersons":
      return commissionDecisionPersons(r);
    case "upheldCases":
      return r.decisions.confirmRefusal.cases;
    case "notUpheldCases":
      return commissionDecisions(r) - r.decisions.confirmRefusal.cases;
    case "rehabilitatedCases":
      return r.decisions.fullRehabilitation.cases;
    case "rehabilitatedPersons":
      return r.decisions.fullRehabilitation.persons;
    case "reducedCases":
      return r.decisions.sentenceReduction.cases;
    case "amnestiedCases":
      return amnestied(r, "cases");
    case "exileEndedCases":
      return r.decisions.endExile.cases;
    case "stalledAtListsCases":
      return r.waitingNow.lists;
    case "releasedCases":
      return releasedCases(r);
    case "decidedShare":
      return decidedCases(r) / r.cases;
    case "pardonedCases":
      return r.outcomes.pardoned;
    case "forwardedToAccusedShare":
      return r.letters.forwardedToAccused / Math.max(1, r.letters.written);
    case "spravkaIssuedShare":
      return r.spravka.issued / Math.max(1, r.spravka.issued + r.spravka.pending + r.spravka.withheld);
    case "medianDaysToDecision":
      // Not reached (fewer than half decided): its lower bound, which a "more than N days" figure compares against.
      return waitAtLeast(r.daysToDecision) ?? Infinity;
  }
}
