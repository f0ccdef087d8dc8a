import { amnesty1953Covers, COLLABORATION_ARTICLE, reclassifiable, type AmnestyReading } from "./rules";
import type { Custody, Decision } from "./vocabulary";

/**
 * Why the May 19, 1954 menu did not allow a decision for a case with these
 * facts, in words a student reads, or null when it did (RULES.decreeMenu,
 * RULES.amnestyFiveYears, RULES.exileSeparateDecision, RULES.newArrests). The case machine's
 * guard `decisionIsAvailable` and the procurator's desk (lib/desk) both ask
 * this, so the rule and its reason live in one place.
 */
export function menuRefusal(
  decision: Decision,
  facts: {
    termYears: number;
    custody: Custody;
    article: string;
    reclassificationLaw: boolean;
    collaboratorsAmnesty: boolean;
    amnestyReading?: AmnestyReading;
    newArrest?: boolean;
  },
): string | null {
  if (decision === "reclassification") {
    if (!reclassifiable(facts.article)) {
      return "Only 58-7 and 58-11 (wrecking, counter-revolutionary groups) could be reclassified: the RSFSR Supreme Court's ruling of 24 September 1954 moved that conduct to art. 109.";
    }
    if (!facts.reclassificationLaw) {
      return "Not yet: 58-7 and 58-11 could be reclassified as art. 109 only from the RSFSR Supreme Court's ruling of 24 September 1954.";
    }
  }
  if (decision === "amnesty1953" && facts.newArrest) {
    return "The March 1953 amnesty reached sentences passed before it; this is a new arrest under Article 59, from 1955.";
  }
  const collaboratorAmnestied = facts.collaboratorsAmnesty && facts.article === COLLABORATION_ARTICLE;
  if (decision === "amnesty1953" && facts.amnestyReading === "politicalsLeftOut" && !collaboratorAmnestied) {
    return "In this scenario's reading of the sources, the March 1953 amnesty left political prisoners out: a 58 case came under it only by reclassifying 58-7/11 as art. 109 (the sources disagree).";
  }
  if (decision === "amnesty1953" && !amnesty1953Covers(facts.termYears) && !collaboratorAmnestied) {
    return `The March 1953 amnesty covers sentences of up to five years; this one is ${facts.termYears}.`;
  }
  if (decision === "endExile" && facts.custody !== "exile") return "Only a person in exile can have the exile ended.";
  if (decision === "sentenceReduction" && facts.custody !== "camp") {
    return "Only a sentence still being served in a camp can be reduced.";
  }
  return null;
}
