import type { CaseInput } from "@/machines/case-setup";
import type { Ask, SourceKey } from "@/machines/vocabulary";

/** Who a petitioner plays: a composite shaped by a role card of the domain brief (§4), never a real person. */
export type CharacterCard = {
  name: string;
  /** which role card the character follows, e.g. "Card 1: the 58-10 agitator" */
  card: string;
  who: string;
  where: string;
  wants: string;
  /** what their first letter most likely asks for (the letter form starts there) */
  ask: Ask;
  /** played as a relative writing from outside the camp (role card 12) */
  relative: boolean;
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

function where(facts: CaseInput & { passportMinus?: boolean }): string {
  switch (facts.custody) {
    case "exile":
      return "In exile: out of the camp, but not free to leave the settlement or to live with family.";
    case "released":
      return facts.passportMinus === false
        ? "Free, with your rights restored."
        : "Released, but the sentence stands: a passport with “minuses” bars the big cities.";
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
export function characterCard(facts: CaseInput & { passportMinus?: boolean }, caseIndex: number): CharacterCard {
  const prisoner = prisonerCard(facts, caseIndex);
  // One seat in four writes as a relative (card 12): same case, written from outside the camp
  // (cards told in the prisoner's own voice stay with the prisoner).
  if (caseIndex % 4 !== 3 || /\byou/i.test(prisoner.who)) return prisoner;
  const relation = RELATIONS[Math.floor(caseIndex / 4) % RELATIONS.length]!;
  return {
    ...prisoner,
    name: compositeName(caseIndex + 5),
    relative: true,
    card: `Card 12: a relative writing for a prisoner (${prisoner.card.replace(/^Card \d+: /, "")})`,
    who: `You are the ${relation} of ${prisoner.name}, and you write for them. Their sentence: ${prisoner.who.charAt(0).toLowerCase()}${prisoner.who.slice(1)}`,
    where: `You live at home, outside the camp. ${prisoner.name}: ${prisoner.where.charAt(0).toLowerCase()}${prisoner.where.slice(1)}`,
    wants: `For ${prisoner.name}: ${prisoner.wants.charAt(0).toLowerCase()}${prisoner.wants.slice(1)} Relatives wrote to the KGB, the Procuracy or Voroshilov.`,
  };
}

const RELATIONS = ["wife", "daughter", "son", "sister", "brother", "husband"] as const;

function isCourt(facts: CaseInput): boolean {
  return facts.organ === "court" || facts.organ === "militaryTribunal" || facts.organ === "militaryCollegium";
}

function prisonerCard(facts: CaseInput & { passportMinus?: boolean }, caseIndex: number): CharacterCard {
  const name = compositeName(caseIndex);
  const term = `${facts.termYears} years`;
  const group = facts.persons > 1 ? ` One of ${facts.persons} people sentenced in the same case.` : "";
  const base = { name, where: where(facts), source: "adler-ch3" as const, relative: false };
  if (facts.organ === "specialConference" && facts.custody === "exile") {
    return {
      ...base,
      card: "Card 8: the Special Conference exile",
      ask: "endExile",
      who: `Sentenced by the Special Conference (OSO), an out-of-court board, to ${term}; now in exile.${group}`,
      wants:
        "An end to exile. For out-of-court sentences the commission's decision is final, and 1954 orders freed many such exiles.",
    };
  }
  if (facts.custody === "exile" && caseIndex % 3 === 1) {
    return {
      ...base,
      card: "Card 4: the returnee whose clean passport was taken",
      ask: "rights",
      who: `Sentenced to ${term} under article ${facts.article}. The term ended; you stayed on as a free worker at the camp. In 1954 the police took your clean passport and gave you one with “minuses”.${group}`,
      where:
        "Out of the camp but not free: the sentence stands, your passport bars the big cities, and you may not move.",
      wants:
        "Your clean passport back. A man in this position in the sources, with six years rather than the amnesty's five, was told to “go to the Presidium”.",
    };
  }
  if (facts.custody === "exile" && caseIndex % 3 === 2) {
    return {
      ...base,
      card: "Card 5: the former student",
      ask: "rights",
      who: `Sentenced to ${term} for “anti-Soviet agitation” as a student; freed early, but the conviction stands.${group}`,
      where:
        "Out of the camp but not free: with the sentence standing, no union card, no vote, no university — and you may not move.",
      wants:
        "Your rights back: to study, to vote, to join a union. The answer such people got: “justifiably sentenced”, but no objection to rescinding — a pardon, not rehabilitation.",
    };
  }
  if (facts.custody === "exile") {
    return {
      ...base,
      card: "Card 3: the exile with a friend in Moscow",
      ask: "liveWithFamily",
      who: `Sentenced to ${term} under article ${facts.article}; released from the camp straight into exile.${group}`,
      wants:
        "To leave exile and live with family. A friend in Moscow might forward a letter; a spouse might write to Voroshilov.",
    };
  }
  if (facts.article === "58-7/11") {
    return {
      ...base,
      card: "Card 2: the reclassified prisoner",
      ask: "release",
      who: `Sentenced to ${term} for “wrecking” as part of a group (58-7 and 58-11).${group}`,
      wants:
        "To have the crime reclassified as a lesser one, so that the 1953 amnesty covers it: the way out that cases like yours found.",
    };
  }
  if (facts.article === "58-10" && isCourt(facts) && caseIndex % 3 === 1) {
    return {
      ...base,
      card: "Card 6: the handwriting case",
      ask: "release",
      who: `Sentenced by a court to ${term} over anonymous letters you say you never wrote. You never confessed; the court relied on handwriting experts alone.${group}`,
      wants:
        "Release. You never confessed: only the experts' opinion of your handwriting stands against you. Reviews were told to weigh facts.",
    };
  }
  if (facts.article === "58-10" && isCourt(facts) && caseIndex % 3 === 2) {
    return {
      ...base,
      card: "Card 7: the prisoner who said the USSR would lose a war",
      ask: "release",
      who: `Sentenced by a court to ${term} under 58-10 for saying, in 1952, that the USSR would lose a war.${group}`,
      wants:
        "Release. Most complaints like yours were turned down; and since a court passed the sentence, the commission can only protest it — a court must decide.",
    };
  }
  if (facts.article === "58-10") {
    return {
      ...base,
      card: "Card 1: the 58-10 agitator",
      ask: "release",
      who: `Sentenced to ${term} for “anti-Soviet agitation”: things said among acquaintances.${group}`,
      wants: isCourt(facts)
        ? "Release. A court passed the sentence, so the commission can only recommend; a court must decide."
        : "Release. An out-of-court board passed the sentence, so the commission's decision is final.",
    };
  }
  if (facts.article === "58-1") {
    return {
      ...base,
      card: "A prisoner accused of treason",
      ask: "release",
      who: `Sentenced to ${term} for treason (58-1), often for collaboration during the war.${group}`,
      wants: "Release. Collaborators were left out of the 1953 amnesty; their own amnesty came only in September 1955.",
    };
  }
  return {
    ...base,
    card: "A prisoner under article 58",
    ask: "rehabilitation",
    who: `Sentenced to ${term} under article ${facts.article}.${group}`,
    wants: "Release, and a record cleared of the “counter-revolutionary” label.",
  };
}
