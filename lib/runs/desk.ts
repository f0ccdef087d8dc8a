import type { CaseContext } from "@/machines/case-setup";
import { DECISIONS, type Decision, type SourceKey } from "@/machines/vocabulary";

/**
 * The procurator's working day (issue #6): what each piece of desk work costs
 * in simulated hours. The scenario sets the hours a day (`desks.hoursPerDay`)
 * and the reading time per person (`desks.reviewHoursPerPerson`); the costs
 * below are the game's own (the sources give none), so they are labelled
 * invented; what each step was rests on the sources.
 */
export type DeskWork =
  | "file.requestOriginals"
  | "file.crossCheck"
  | "lists.request"
  | "lists.proceedWithout"
  | "desk.deputy"
  | "review.decide";

export const DESK_COSTS: Record<DeskWork, { hours: number; label: string; note: string; source: SourceKey }> = {
  "file.requestOriginals": {
    hours: 0.5,
    label: "Request the originals",
    note: "Only copies are here: write to Moscow or the other province for the original file. It takes weeks to come.",
    source: "adler-ch3",
  },
  "file.crossCheck": {
    hours: 2,
    label: "Check testimony against another case",
    note: "In Tomsk every case needed others to verify its testimony.",
    source: "adler-ch3",
  },
  "lists.request": {
    hours: 0.5,
    label: "Write to the camp for its list",
    note: "Camps were slow to send the lists of prisoners, and some never did (Kostroma: 250–300 cases stalled). The camp may answer in weeks, or not at all.",
    source: "adler-ch3",
  },
  "lists.proceedWithout": {
    hours: 0.5,
    label: "Go ahead without the camp's list",
    note: "The May 19 decree said to work from registered complaints rather than wait for the camp's list — but reviewing without it is slower.",
    source: "adler-ch3",
  },
  "desk.deputy": {
    hours: 1,
    label: "Ask the deputy procurator to take part",
    note: "Deputies were meant to sit on reviews; often they did not (in Chelyabinsk, in none of three cases).",
    source: "adler-ch3",
  },
  "review.decide": {
    hours: 1,
    label: "Write the decision into the protocol",
    note: "For a court's sentence the decision is a protest, which a court must rule on.",
    source: "adler-ch3",
  },
};

/**
 * Where a reclassification could take a case (issue #6: "to which article").
 * The Aksyonov ruling of Sep 24, 1954 moved 58-7/11 conduct to art. 109
 * (RULES.reclassificationTo109); the other two are ordinary articles of the
 * 1926 RSFSR criminal code that the game offers beside it (the sources name
 * no others, so they are labelled invented).
 */
export const RECLASSIFY_TO = ["109", "111", "74"] as const;
export type ReclassifyTo = (typeof RECLASSIFY_TO)[number];
export const RECLASSIFY_LABELS: Record<ReclassifyTo, { label: string; source: SourceKey | "invented" }> = {
  "109": { label: "Art. 109 — abuse of office", source: "adler-ch3" },
  "111": { label: "Art. 111 — negligence at work", source: "invented" },
  "74": { label: "Art. 74 — hooliganism", source: "invented" },
};

/** The new term a reclassification names: at most five years, so that the 1953 amnesty reaches it (RULES.reclassificationTo109). */
export const RECLASSIFIED_MAX_YEARS = 5;

/** The details a decision names: the new article and term of a reclassification, the new term of a reduction. */
export type DecisionDetails = { toArticle?: ReclassifyTo; newTermYears?: number };

/**
 * Why the details do not fit the decision for this case, or null: a
 * reclassification names an article and a term the amnesty covers (five
 * years or fewer, and never longer than the sentence); a reduction names a
 * shorter term; no other decision names either.
 */
export function detailsBar(
  decision: Decision,
  details: DecisionDetails,
  facts: Pick<CaseContext, "termYears">,
): string | null {
  const { toArticle, newTermYears } = details;
  if (decision === "reclassification") {
    if (!toArticle) return "Choose the article the crime is reclassified to.";
    if (newTermYears === undefined) return "Give the term under the new article.";
    if (newTermYears > facts.termYears) {
      return `A reclassification cannot lengthen the sentence: it is ${facts.termYears} years.`;
    }
    if (newTermYears > RECLASSIFIED_MAX_YEARS) {
      return `Reclassification was the way to bring a case under the March 1953 amnesty, which covered terms of up to five years (Aksyonov: art. 109, five years). Give five years or fewer — or reduce the sentence instead.`;
    }
    return null;
  }
  if (toArticle !== undefined) return "Only a reclassification names a new article.";
  if (decision === "sentenceReduction") {
    if (newTermYears === undefined) return "Give the reduced term in years.";
    if (newTermYears >= facts.termYears) {
      return `A reduced term must be shorter than the sentence of ${facts.termYears} years.`;
    }
    return null;
  }
  if (newTermYears !== undefined) return "Only a reclassification or a reduction names a new term.";
  return null;
}

/** The protocol's line for a decision's details, or null when it names none. */
export function detailsText(details: DecisionDetails, termYears: number): string | null {
  const years = (n: number) => (n === 1 ? "1 year" : `${n} years`);
  if (details.toArticle) {
    const to = RECLASSIFY_LABELS[details.toArticle].label;
    return `Reclassified to ${to}, ${years(details.newTermYears ?? 0)} (was ${years(termYears)}): the March 1953 amnesty now applies.`;
  }
  if (details.newTermYears !== undefined) return `Reduced from ${years(termYears)} to ${years(details.newTermYears)}.`;
  return null;
}

/** Why the May 19 menu does not allow a decision for this case (RULES.decreeMenu, amnestyFiveYears, exileSeparateDecision), or null. */
export function decisionBar(decision: Decision, facts: Pick<CaseContext, "termYears" | "custody">): string | null {
  if (decision === "amnesty1953" && facts.termYears > 5) {
    return `The March 1953 amnesty covers sentences of up to five years; this one is ${facts.termYears}.`;
  }
  if (decision === "endExile" && facts.custody !== "exile") return "Only a person in exile can have the exile ended.";
  if (decision === "sentenceReduction" && facts.custody !== "camp") {
    return "Only a sentence still being served in a camp can be reduced.";
  }
  return null;
}

/** Every decision on the menu, with the reason it is barred for this case (null if allowed). */
export function decisionMenu(facts: Pick<CaseContext, "termYears" | "custody">) {
  return DECISIONS.map((decision) => ({ decision, bar: decisionBar(decision, facts) }));
}

/** The most hours a desk spends on reading in one go: what is left of today, and what is left of the file. */
export function readingHours(hoursLeft: number, reviewHours: number, readHours: number): number {
  return Math.max(0, Math.min(hoursLeft, reviewHours - readHours));
}
