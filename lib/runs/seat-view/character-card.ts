import type { CaseInput } from "@/machines/case-setup";
import { amnesty1953Covers } from "@/machines/rules";
import {
  EXTRAJUDICIAL_ORGANS,
  type Article,
  type Ask,
  type SentencingOrgan,
  type SourceKey,
} from "@/machines/vocabulary";

/** Who a petitioner plays: a composite shaped by a role card of the domain brief (§4), never a real person. */
export type CharacterCard = {
  name: string;
  /** which role card the character follows, e.g. "Card 1: the 58-10 agitator" */
  card: string;
  /** the case file and nothing else: sentencing organ, article, term, where the person is now, co-accused */
  who: string;
  /**
   * The role card's story told as this composite's (how the arrest came
   * about, what happened since): not in the case file, so labelled as
   * invented for this game, with the source whose case it is based on.
   */
  story?: { text: string; source: "invented"; basis: SourceKey };
  where: string;
  wants: string;
  /** what their first letter most likely asks for (the letter form starts there) */
  ask: Ask;
  /** played as a relative writing from outside the camp (role card 12) */
  relative: boolean;
  source: SourceKey;
};

/**
 * What a card may rest on: the case file as the seat starts it (custody is
 * where the people were when the run began). `passportMinus` matters only
 * for the released: false once their rights are restored.
 */
export type CardFacts = Pick<CaseInput, "organ" | "article" | "termYears" | "custody" | "persons"> & {
  passportMinus?: boolean;
};

type Sex = "male" | "female";

// Invented names for composites (common first names and initials of the time). The prisoner's
// name is FIRST[caseIndex % 12] as it always was, so a seat keeps its name; each carries its sex,
// so a relative's relation and name can agree with it.
const FIRST: readonly { name: string; sex: Sex }[] = [
  { name: "Pyotr", sex: "male" },
  { name: "Anna", sex: "female" },
  { name: "Ivan", sex: "male" },
  { name: "Mariya", sex: "female" },
  { name: "Sergei", sex: "male" },
  { name: "Olga", sex: "female" },
  { name: "Nikolai", sex: "male" },
  { name: "Yelena", sex: "female" },
  { name: "Grigory", sex: "male" },
  { name: "Vera", sex: "female" },
  { name: "Mikhail", sex: "male" },
  { name: "Lidiya", sex: "female" },
];
const INITIALS = "BDGKLMNPRSTVZ";

/** The relations a relative may have, with the relative's sex and, for a spouse, the prisoner's. */
const RELATIONS: readonly { relation: string; sex: Sex; prisoner?: Sex }[] = [
  { relation: "wife", sex: "female", prisoner: "male" },
  { relation: "husband", sex: "male", prisoner: "female" },
  { relation: "daughter", sex: "female" },
  { relation: "son", sex: "male" },
  { relation: "sister", sex: "female" },
  { relation: "brother", sex: "male" },
  { relation: "mother", sex: "female" },
  { relation: "father", sex: "male" },
];

type Person = { name: string; first: string; initial: string; sex: Sex };

function prisonerOf(caseIndex: number): Person {
  const first = FIRST[caseIndex % FIRST.length]!;
  const initial = INITIALS[Math.floor(caseIndex / FIRST.length) % INITIALS.length]!;
  return { name: `${first.name} ${initial}.`, first: first.name, initial, sex: first.sex };
}

/** A relative of the relation's sex, never with the prisoner's own first name, sharing the family initial. */
function relativeOf(prisoner: Person, caseIndex: number): { person: Person; relation: string } {
  const relations = RELATIONS.filter((r) => r.prisoner === undefined || r.prisoner === prisoner.sex);
  const { relation, sex } = relations[Math.floor(caseIndex / 4) % relations.length]!;
  const names = FIRST.filter((f) => f.sex === sex && f.name !== prisoner.first);
  const first = names[Math.floor(caseIndex / 8) % names.length]!.name;
  return { person: { name: `${first} ${prisoner.initial}.`, first, initial: prisoner.initial, sex }, relation };
}

// ── the case file, in words ─────────────────────────────────────────────────

const ORGAN_PHRASES: Record<SentencingOrgan, string> = {
  ogpuCollegium: "the OGPU Collegium, an out-of-court board",
  nkvdTroika: "an NKVD troika, an out-of-court board",
  specialConference: "the Special Conference (OSO), an out-of-court board",
  court: "a regular court",
  militaryTribunal: "a military tribunal",
  militaryCollegium: "the Military Collegium of the Supreme Court",
};

// What each clause charged (brief §4, machines/vocabulary.ts). Another article (after a
// reclassification, or in a teacher's own scenario) is named without a gloss.
const ARTICLE_GLOSSES: Record<Article, string> = {
  "58-10": "anti-Soviet agitation",
  "58-1": "treason",
  "58-7/11": "wrecking, as part of a group",
  "58-14": "counter-revolutionary sabotage",
};

function articlePhrase(article: string): string {
  const gloss = (ARTICLE_GLOSSES as Record<string, string | undefined>)[article];
  return gloss === undefined ? `under article ${article}` : `under article ${article} (${gloss})`;
}

const years = (n: number) => (n === 1 ? "1 year" : `${n} years`);

function isJudicial(facts: CardFacts): boolean {
  return !EXTRAJUDICIAL_ORGANS.includes(facts.organ);
}

/** Released with the sentence standing: the passport keeps its "minuses" (RULES.passportMinus). */
function sentenceStands(facts: CardFacts): boolean {
  return facts.custody === "released" && facts.passportMinus !== false;
}

function nowPhrase(facts: CardFacts): string {
  switch (facts.custody) {
    case "camp":
      return "now in a labour camp";
    case "exile":
      return "now in exile";
    case "psychiatric":
      return "now held in a psychiatric hospital";
    case "released":
      return sentenceStands(facts) ? "now released, but the sentence stands" : "now released, with rights restored";
  }
}

/** The case file in one sentence: only what the facts say. */
function caseFile(facts: CardFacts): string {
  const group = facts.persons > 1 ? ` One of ${facts.persons} people sentenced in the same case.` : "";
  return `Sentenced by ${ORGAN_PHRASES[facts.organ]} to ${years(facts.termYears)} ${articlePhrase(facts.article)}; ${nowPhrase(facts)}.${group}`;
}

function where(facts: CardFacts): string {
  switch (facts.custody) {
    case "exile":
      return "In exile: out of the camp, but not free to leave the settlement or to live with family.";
    case "released":
      // Minuses (barred cities) concern the released whose sentences stand, not exiles (brief §2.8).
      return sentenceStands(facts)
        ? "Released, but the sentence stands: a passport with “minuses” bars the big cities."
        : "Free, with your rights restored.";
    case "psychiatric":
      return "Held in a psychiatric hospital.";
    case "camp":
      return "In a labour camp.";
  }
}

// ── the role cards, each offered only where the case's facts bear it out ──

type CardText = {
  card: string;
  ask: Ask;
  /** In a voice that reads the same for the prisoner and for a relative (no "you", no pronoun). */
  story?: (facts: CardFacts) => string;
  where?: (facts: CardFacts) => string;
  wants: (facts: CardFacts) => string;
};

export type CardVariant = CardText & {
  /** The facts this card's story needs; it is never offered to a case where this is false. */
  fits: (facts: CardFacts) => boolean;
};

const finality = (facts: CardFacts) =>
  isJudicial(facts)
    ? "A court passed the sentence, so the commission can only recommend; a court must decide."
    : "An out-of-court board passed the sentence, so the commission's decision is final.";

/** Brief §4, role cards 1–8 (9–11 are not a petitioner's starting seat; 12 is the relative, below). */
export const CARD_VARIANTS: readonly CardVariant[] = [
  {
    card: "Card 1: the 58-10 agitator",
    fits: (f) => f.article === "58-10" && f.custody === "camp",
    ask: "release",
    story: () => "Arrested for things said among acquaintances.",
    wants: (f) => `Release. ${finality(f)}`,
  },
  {
    // Reclassified to art. 109 (five years), so the amnesty applies: only worth it where the amnesty's
    // five years did not already reach the term (RULES.amnestyFiveYears, RULES.reclassificationTo109).
    card: "Card 2: the reclassified prisoner",
    fits: (f) => f.article === "58-7/11" && f.custody === "camp" && !amnesty1953Covers(f.termYears),
    ask: "release",
    wants: () =>
      "To have the crime reclassified as a lesser one, so that the 1953 amnesty covers it: the way out that cases like this found.",
  },
  {
    card: "Card 3: the exile with a friend in Moscow",
    fits: (f) => f.custody === "exile" && f.organ !== "specialConference",
    ask: "liveWithFamily",
    story: () => "Sent into exile when the camp term ended; the family lives far away.",
    wants: () =>
      "To leave exile and live with family. A friend in Moscow might forward a letter; a spouse might write to Voroshilov.",
  },
  {
    // The source's man had six years, not the amnesty's five: a card for a released 58er whose term the
    // amnesty did not reach and whose sentence stands. "Six years" is said only when the file says six.
    card: "Card 4: the returnee whose clean passport was taken",
    fits: (f) => sentenceStands(f) && !amnesty1953Covers(f.termYears),
    ask: "rights",
    story: () =>
      "Stayed on at the camp as a free worker after the term ended; in 1954 the police took the clean passport and issued one with “minuses”.",
    wants: (f) =>
      f.termYears === 6
        ? "The clean passport back. A man in this position in the sources, with six years rather than the amnesty's five, was told to “go to the Presidium”."
        : `The clean passport back. ${years(f.termYears)} is longer than the five the 1953 amnesty reached; a man in this position in the sources was told to “go to the Presidium”.`,
  },
  {
    card: "Card 5: the former student",
    fits: (f) => f.article === "58-10" && sentenceStands(f),
    ask: "rights",
    story: () => "Arrested while a student; freed before the term was out.",
    where: () =>
      "Released, but the sentence stands: no union card, no vote, no university, and a passport with “minuses” that bars the big cities.",
    wants: () =>
      "Rights back: to study, to vote, to join a union. The answer such people got: “justifiably sentenced”, but no objection to rescinding — a pardon, not rehabilitation.",
  },
  {
    card: "Card 6: the handwriting case",
    fits: (f) => f.article === "58-10" && isJudicial(f) && f.custody === "camp",
    ask: "release",
    story: () =>
      "Arrested over anonymous letters, denied writing them and never confessed: the court relied on handwriting experts alone.",
    wants: () =>
      "Release. There was no confession: only the experts' opinion of the handwriting stands. Reviews were told to weigh facts, not stamps and signatures.",
  },
  {
    card: "Card 7: the prisoner who said the USSR would lose a war",
    fits: (f) => f.article === "58-10" && isJudicial(f) && f.custody === "camp",
    ask: "release",
    story: () => "Arrested for saying that the USSR would lose a war.",
    wants: () =>
      "Release. Most complaints like this were turned down; and since a court passed the sentence, the commission can only protest it — a court must decide.",
  },
  {
    card: "Card 8: the Special Conference exile",
    fits: (f) => f.custody === "exile" && f.organ === "specialConference",
    ask: "endExile",
    wants: () =>
      "An end to exile. For out-of-court sentences the commission's decision is final, and 1954 orders freed many such exiles.",
  },
  {
    card: "A prisoner accused of treason",
    // The 1953 amnesty passed over counter-revolutionaries with terms over five years (RULES.amnestyFiveYears).
    fits: (f) => f.article === "58-1" && f.custody === "camp" && !amnesty1953Covers(f.termYears),
    ask: "release",
    wants: () =>
      "Release. Collaborators were left out of the 1953 amnesty; their own amnesty came only in September 1955.",
  },
];

/** Where no role card fits the file: a plain card that says only what the file says. */
function plainCard(facts: CardFacts): CardText {
  // A case already reclassified (art. 109) no longer carries the counter-revolutionary label.
  const under58 = facts.article.startsWith("58");
  const cleared = under58 ? "a record cleared of the “counter-revolutionary” label" : "a record cleared";
  switch (facts.custody) {
    case "released":
      return sentenceStands(facts)
        ? {
            card: "A released prisoner whose sentence stands",
            ask: "rights",
            wants: () => "The sentence lifted, and with it the “minuses”: rights back and a clean passport.",
          }
        : {
            card: "A released prisoner with rights restored",
            ask: "rehabilitation",
            wants: () => `Rehabilitation, not only a pardon: ${cleared}.`,
          };
    case "psychiatric":
      return {
        card: "A prisoner held in a psychiatric hospital",
        ask: "release",
        wants: () => `Release from the hospital, and ${cleared}.`,
      };
    default:
      return {
        card: `A prisoner under article ${under58 ? "58" : facts.article}`,
        ask: "rehabilitation",
        wants: () => `Release, and ${cleared}.`,
      };
  }
}

/**
 * The role cards whose predicates hold for these facts (brief §4): the
 * only cards a case with this file can be dealt.
 */
export function cardsFitting(facts: CardFacts): readonly CardVariant[] {
  return CARD_VARIANTS.filter((v) => v.fits(facts));
}

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/**
 * The character card for a petitioner's case, built from the case's own
 * facts: among the role cards whose predicates hold for the file, the case
 * index picks one (a plain card where none does); the first line is the
 * file itself, and the role card's story is labelled invented. Deterministic:
 * the same case always gives the same card.
 */
export function characterCard(facts: CardFacts, caseIndex: number): CharacterCard {
  const fitting = cardsFitting(facts);
  const variant = fitting[caseIndex % Math.max(1, fitting.length)] ?? plainCard(facts);
  const prisoner = prisonerOf(caseIndex);
  const story = variant.story?.(facts);
  const card: CharacterCard = {
    name: prisoner.name,
    card: variant.card,
    who: caseFile(facts),
    ...(story === undefined
      ? {}
      : { story: { text: story, source: "invented" as const, basis: "adler-ch3" as const } }),
    where: (variant.where ?? where)(facts),
    wants: variant.wants(facts),
    ask: variant.ask,
    relative: false,
    source: "adler-ch3",
  };
  // One seat in four writes as a relative (card 12), for someone still held: in a camp, in exile,
  // in a hospital. The released write for themselves.
  if (caseIndex % 4 !== 3 || facts.custody === "released") return card;
  const { person, relation } = relativeOf(prisoner, caseIndex);
  const them = prisoner.sex === "male" ? "him" : "her";
  const their = prisoner.sex === "male" ? "His" : "Her";
  const held = facts.custody === "exile" ? "an exile" : "a prisoner";
  const home =
    facts.custody === "exile"
      ? "You live at home, far from the place of exile."
      : facts.custody === "psychiatric"
        ? "You live at home, outside the hospital."
        : "You live at home, outside the camp.";
  return {
    ...card,
    name: person.name,
    relative: true,
    card: `Card 12: a relative writing for ${held} (${lowerFirst(variant.card.replace(/^Card \d+: /, ""))})`,
    who: `You are the ${relation} of ${prisoner.name}, and you write for ${them}. ${their} case file: ${lowerFirst(card.who)}`,
    where: `${home} ${prisoner.name}: ${lowerFirst(card.where)}`,
    wants: `For ${prisoner.name}: ${lowerFirst(card.wants)} Relatives wrote to the KGB, the Procuracy or Voroshilov.`,
  };
}
