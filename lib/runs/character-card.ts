import type { CaseInput } from "@/machines/case-setup";
import type { SourceKey } from "@/machines/vocabulary";

/** Who a petitioner plays: a composite shaped by a role card of the domain brief (§4), never a real person. */
export type CharacterCard = {
  name: string;
  /** which role card the character follows, e.g. "Card 1: the 58-10 agitator" */
  card: string;
  who: string;
  where: string;
  wants: string;
  source: SourceKey;
};

// Invented names for composites (common first names and initials of the time).
const FIRST = [
  "Pyotr",
  "Anna",
  "Ivan",
  "Mariya",
  "Sergei",
  "Olga",
  "Nikolai",
  "Yelena",
  "Grigory",
  "Vera",
  "Mikhail",
  "Lidiya",
];
const INITIALS = "BDGKLMNPRSTVZ";

function compositeName(caseIndex: number): string {
  const first = FIRST[caseIndex % FIRST.length]!;
  const initial = INITIALS[Math.floor(caseIndex / FIRST.length) % INITIALS.length]!;
  return `${first} ${initial}.`;
}

function where(facts: CaseInput): string {
  switch (facts.custody) {
    case "exile":
      return "In exile: out of the camp, but not free to leave the settlement or to live with family.";
    case "released":
      return "Released, but the sentence stands: a passport with “minuses” bars the big cities.";
    case "psychiatric":
      return "Held in a psychiatric hospital.";
    default:
      return "In a labour camp.";
  }
}

/**
 * The character card for a petitioner's case: chosen from the case's own
 * facts (sentencing organ, article, custody), so it always fits the file.
 */
export function characterCard(facts: CaseInput, caseIndex: number): CharacterCard {
  const name = compositeName(caseIndex);
  const term = `${facts.termYears} years`;
  const group = facts.persons > 1 ? ` One of ${facts.persons} people sentenced in the same case.` : "";
  const base = { name, where: where(facts), source: "adler-ch3" as const };
  if (facts.organ === "specialConference" && facts.custody === "exile") {
    return {
      ...base,
      card: "Card 8: the Special Conference exile",
      who: `Sentenced by the Special Conference (OSO), an out-of-court board, to ${term}; now in exile.${group}`,
      wants:
        "An end to exile. For out-of-court sentences the commission's decision is final, and 1954 orders freed many such exiles.",
    };
  }
  if (facts.custody === "exile") {
    return {
      ...base,
      card: "Card 3: the exile with a friend in Moscow",
      who: `Sentenced to ${term} under article ${facts.article}; released from the camp straight into exile.${group}`,
      wants:
        "To leave exile and live with family. A friend in Moscow might forward a letter; a spouse might write to Voroshilov.",
    };
  }
  if (facts.article === "58-7/11") {
    return {
      ...base,
      card: "Card 2: the reclassified prisoner",
      who: `Sentenced to ${term} for “wrecking” as part of a group (58-7 and 58-11).${group}`,
      wants:
        "To have the crime reclassified: in September 1954 the RSFSR Supreme Court treated such conduct as a lesser crime.",
    };
  }
  if (facts.article === "58-10") {
    return {
      ...base,
      card: "Card 1: the 58-10 agitator",
      who: `Sentenced to ${term} for “anti-Soviet agitation”: things said among acquaintances.${group}`,
      wants:
        facts.organ === "court" || facts.organ === "militaryTribunal" || facts.organ === "militaryCollegium"
          ? "Release. A court passed the sentence, so the commission can only recommend; a court must decide."
          : "Release. An out-of-court board passed the sentence, so the commission's decision is final.",
    };
  }
  if (facts.article === "58-1") {
    return {
      ...base,
      card: "A prisoner accused of treason",
      who: `Sentenced to ${term} for treason (58-1), often for collaboration during the war.${group}`,
      wants: "Release. Collaborators were left out of the 1953 amnesty; their own amnesty came only in September 1955.",
    };
  }
  return {
    ...base,
    card: "A prisoner under article 58",
    who: `Sentenced to ${term} under article ${facts.article}.${group}`,
    wants: "Release, and a record cleared of the “counter-revolutionary” label.",
  };
}
