/**
 * The May 19 menu as a procurator's desk offers it: which decisions a case
 * allows, what a reclassification or reduction must name, and the
 * protocol's line for it. Shared by the desk's offers, its commands and the
 * decision form in the browser (so nothing here is server-only).
 */
import type { CaseContext } from "@/machines/case-setup";
import { menuRefusal } from "@/machines/decision-menu";
import { AMNESTY_1953_MAX_TERM_YEARS } from "@/machines/rules";
import type { Decision, SourceKey } from "@/machines/vocabulary";

/**
 * Where a reclassification could take a case (the decision names "to which article").
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

/** The new term a reclassification names: short enough for the 1953 amnesty to reach it (RULES.reclassificationTo109). */
export const RECLASSIFIED_MAX_YEARS = AMNESTY_1953_MAX_TERM_YEARS;

/** The shortest term a reclassification or reduction can name, in years. */
export const MIN_NEW_TERM_YEARS = 1;

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
      return `Reclassification was the way to bring a case under the March 1953 amnesty, which covered terms of up to five years (the ruling of 24 September 1954: art. 109, five years). Give five years or fewer — or reduce the sentence instead.`;
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

/**
 * Why the desk cannot record a decision for this case: the May 19 menu's own
 * rule (the case machine's, machines/decision-menu.ts), or a sentence too
 * short for a reduction to name a shorter term. Null if it can.
 */
export function decisionBar(
  decision: Decision,
  facts: Pick<
    CaseContext,
    | "termYears"
    | "custody"
    | "article"
    | "reclassificationLaw"
    | "collaboratorsAmnesty"
    | "amnestyReading"
    | "newArrest"
  >,
): string | null {
  const menu = menuRefusal(decision, facts);
  if (menu) return menu;
  if (decision === "sentenceReduction" && facts.termYears <= MIN_NEW_TERM_YEARS) {
    return "A sentence this short cannot be reduced further.";
  }
  return null;
}
