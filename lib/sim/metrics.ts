import type { RunResult } from "./engine";
import type { CompareMetric } from "./scenario-schema";

/** Released by a decision: free, whether rehabilitated or not. */
export function releasedCases(r: RunResult): number {
  const o = r.outcomes;
  return o.rehabilitated + o.reclassified + o.amnestied + o.exileEnded + o.pardoned;
}

export function decidedCases(r: RunResult): number {
  return r.cases - r.outcomes.pending;
}

/** Cases the commission decided (what the provinces' tallies counted). */
export function commissionDecisions(r: RunResult): number {
  return Object.values(r.decisions).reduce((sum, d) => sum + d.cases, 0);
}

/**
 * The figures a scenario's `compare` entries name, computed from a run.
 * Shares are of the commission's decisions, as in the provinces' reports
 * (Chita's "365 of 980 upheld" counts the commission's findings).
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
      return r.decisions.amnesty1953.cases / decided;
    case "exileEndedShare":
      return r.decisions.endExile.cases / decided;
    case "rehabilitatedPersonsShare":
      return r.decisions.fullRehabilitation.persons / Math.max(1, r.persons);
    case "releasedCases":
      return releasedCases(r);
    case "decidedShare":
      return decidedCases(r) / r.cases;
    case "pardonedCases":
      return r.outcomes.pardoned;
    case "forwardedToAccusedShare":
      return r.letters.forwardedToAccused / Math.max(1, r.letters.written);
    case "spravkaIssuedShare":
      return r.spravka.issued / Math.max(1, r.spravka.issued + r.spravka.withheld);
    case "medianDaysToDecision":
      return r.daysToDecision.median ?? Infinity;
  }
}
