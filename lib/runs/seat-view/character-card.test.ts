import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import { dealSeats, type Desk } from "@/lib/runs/deal-cases";
import { DESK_FILES_MIN } from "@/lib/runs/district-plan";
import { World } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { ROLE_CARD_CASES } from "@/machines/role-cards";
import { ARTICLES, EXTRAJUDICIAL_ORGANS, SENTENCING_ORGANS, type Custody } from "@/machines/vocabulary";
import { CARD_VARIANTS, characterCard, type CardFacts, type CharacterCard } from "./character-card";

// ── an oracle independent of the module: what each card may say, given the file ──

// First names with their sex, as the test knows them: a name the card uses that is not here fails
// (add it here, with its sex, when the card's list grows).
const FEMALE_NAMES = new Set(["Anna", "Mariya", "Olga", "Yelena", "Vera", "Lidiya", "Nadezhda", "Tatyana", "Galina"]);
const MALE_NAMES = new Set(["Pyotr", "Ivan", "Sergei", "Nikolai", "Grigory", "Mikhail", "Aleksei", "Vasily", "Fyodor"]);
const FEMALE_RELATIONS = new Set(["wife", "mother", "sister", "daughter"]);
const MALE_RELATIONS = new Set(["husband", "father", "brother", "son"]);

const sexOf = (name: string): "female" | "male" | "unknown" => {
  const first = name.split(" ")[0]!;
  return FEMALE_NAMES.has(first) ? "female" : MALE_NAMES.has(first) ? "male" : "unknown";
};

const standing = (f: CardFacts) => f.custody === "released" && f.passportMinus !== false;
const judicial = (f: CardFacts) => !EXTRAJUDICIAL_ORGANS.includes(f.organ);

/** Words a card may use only where the file bears them out. */
const ONLY_IF: readonly [RegExp, string, (f: CardFacts) => boolean][] = [
  // article
  [
    /agitat|student|acquaintances|lose a war|anonymous letters|handwriting/i,
    "article 58-10",
    (f) => f.article === "58-10",
  ],
  [/wreck|reclassif/i, "article 58-7/11", (f) => f.article === "58-7/11"],
  [/treason|collaborat/i, "article 58-1", (f) => f.article === "58-1"],
  [/sabotage/i, "article 58-14", (f) => f.article === "58-14"],
  [/counter-revolutionary|article 58\b(?!-)/i, "an article 58 clause", (f) => f.article.startsWith("58")],
  // sentencing organ
  [/out-of-court|is final/i, "an out-of-court organ", (f) => !judicial(f)],
  [/a court (passed|must)|can only (recommend|protest)|the court relied/i, "a court", judicial],
  [/Special Conference|\bOSO\b/, "the Special Conference", (f) => f.organ === "specialConference"],
  [/troika/i, "an NKVD troika", (f) => f.organ === "nkvdTroika"],
  [/OGPU/, "the OGPU Collegium", (f) => f.organ === "ogpuCollegium"],
  [/military tribunal/i, "a military tribunal", (f) => f.organ === "militaryTribunal"],
  [/Military Collegium/, "the Military Collegium", (f) => f.organ === "militaryCollegium"],
  [/regular court/i, "a regular court", (f) => f.organ === "court"],
  // term: "six years rather than five" is one man's story; it fits only a file with six
  [/\bsix years\b/i, "a six-year term", (f) => f.termYears === 6],
  [/amnesty's five|five the 1953 amnesty/i, "a term the amnesty did not reach", (f) => f.termYears > 5],
  // custody: passport "minuses" concern the released whose sentence stands, not exiles (brief §2.8)
  [/exile/i, "exile", (f) => f.custody === "exile"],
  [/passport|minuses|no union card|to vote/i, "released, sentence standing", standing],
  [/labour camp|outside the camp/i, "a camp", (f) => f.custody === "camp"],
  [/psychiatric|hospital/i, "a psychiatric hospital", (f) => f.custody === "psychiatric"],
  [/\breleased\b|freed before|\bFree, with/i, "released", (f) => f.custody === "released"],
];

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twelve: 12, fifteen: 15, seventeen: 17, twenty: 20, "twenty-five": 25,
}; // prettier-ignore

const textOf = (card: CharacterCard) => [card.card, card.who, card.story?.text ?? "", card.where, card.wants].join(" ");

/** Every way the card contradicts or leaves out the file; empty when it is consistent. */
function contradictions(facts: CardFacts, card: CharacterCard): string[] {
  const text = textOf(card);
  const problems: string[] = [];
  for (const [words, needs, holds] of ONLY_IF) {
    const hit = words.exec(text);
    if (hit && !holds(facts)) problems.push(`says "${hit[0]}", which needs ${needs}`);
  }
  // The file itself is on the card: article, term, and where the person is now.
  if (!card.who.includes(`article ${facts.article}`)) problems.push(`does not name article ${facts.article}`);
  for (const m of text.matchAll(/\b58-\d+(?:\/\d+)?/g)) {
    if (m[0] !== facts.article) problems.push(`names article ${m[0]}, not ${facts.article}`);
  }
  for (const m of text.matchAll(/\b(\d+|[a-z]+(?:-[a-z]+)?) years?\b/gi)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()];
    if (n !== undefined && n !== facts.termYears) problems.push(`says "${m[0]}", but the term is ${facts.termYears}`);
  }
  if (!new RegExp(`\\b${facts.termYears} years?\\b`).test(card.who)) problems.push("does not state the term");
  const now: Record<Custody, RegExp> = {
    camp: /labour camp/,
    exile: /exile/,
    released: /released/,
    psychiatric: /psychiatric/,
  };
  if (!now[facts.custody].test(card.who)) problems.push(`does not say the person is in ${facts.custody}`);
  // What the letter asks for fits where the person is.
  const asks: Record<CharacterCard["ask"], (f: CardFacts) => boolean> = {
    release: (f) => f.custody === "camp" || f.custody === "psychiatric",
    rehabilitation: (f) => f.custody !== "exile",
    endExile: (f) => f.custody === "exile",
    liveWithFamily: (f) => f.custody === "exile",
    rights: standing,
    spravka: (f) => f.custody === "released",
  };
  if (!asks[card.ask](facts)) problems.push(`asks for ${card.ask} while in ${facts.custody}`);
  if (card.story && card.story.source !== "invented") problems.push("tells a story not labelled invented");
  // Names and sexes agree.
  if (card.relative) {
    if (facts.custody === "released") problems.push("a relative writes for someone already released");
    const m = /^You are the (\w+) of (\S+ \S+), and you write for (him|her)\. (His|Her) case file: /.exec(card.who);
    if (!m) return [...problems, `relative card reads "${card.who}"`];
    const [relation, prisoner, them] = [m[1]!, m[2]!, m[3]!];
    const relativeSex = sexOf(card.name);
    const prisonerSex = sexOf(prisoner);
    if (relativeSex === "unknown" || prisonerSex === "unknown")
      problems.push(`unknown name ${card.name} / ${prisoner}`);
    if (FEMALE_RELATIONS.has(relation) && relativeSex !== "female") problems.push(`${card.name}, the ${relation}`);
    if (MALE_RELATIONS.has(relation) && relativeSex !== "male") problems.push(`${card.name}, the ${relation}`);
    if (!FEMALE_RELATIONS.has(relation) && !MALE_RELATIONS.has(relation)) problems.push(`relation ${relation}`);
    if (relation === "wife" && prisonerSex !== "male") problems.push(`the wife of ${prisoner}`);
    if (relation === "husband" && prisonerSex !== "female") problems.push(`the husband of ${prisoner}`);
    if ((them === "him") !== (prisonerSex === "male")) problems.push(`writes for ${them}: ${prisoner}`);
    if (card.name.split(" ")[0] === prisoner.split(" ")[0]) problems.push(`relative and prisoner both ${card.name}`);
  } else if (sexOf(card.name) === "unknown") {
    problems.push(`unknown name ${card.name}`);
  }
  return problems;
}

const anyFacts = fc.record({
  organ: fc.constantFrom(...SENTENCING_ORGANS),
  // A reclassified case, or a teacher's own scenario, may carry another article.
  article: fc.constantFrom<string>(...ARTICLES, "109", "59-3"),
  termYears: fc.integer({ min: 1, max: 25 }),
  custody: fc.constantFrom<Custody>("camp", "exile", "released", "psychiatric"),
  persons: fc.integer({ min: 1, max: 40 }),
  passportMinus: fc.option(fc.boolean(), { nil: undefined }),
});

// ── hand-picked cases ───────────────────────────────────────────────────────

describe("character cards", () => {
  test("the card follows the file: a court-sentenced agitator learns the commission can only recommend", () => {
    const card = characterCard(ROLE_CARD_CASES.agitator, 0);
    expect(card.card).toMatch(/58-10 agitator/);
    expect(card.who).toBe(
      "Sentenced by a regular court to 10 years under article 58-10 (anti-Soviet agitation); now in a labour camp.",
    );
    expect(card.wants).toMatch(/can only recommend/);
    expect(card.where).toBe("In a labour camp.");
  });

  test("a Special Conference exile is told the commission's word is final", () => {
    const card = characterCard(ROLE_CARD_CASES.specialConferenceExile, 1);
    expect(card.card).toMatch(/Special Conference exile/);
    expect(card.wants).toMatch(/final/);
    expect(card.where).toMatch(/exile/);
  });

  test("names are invented composites, stable per case, with the source of the history", () => {
    expect(characterCard(ROLE_CARD_CASES.agitator, 5).name).toBe(characterCard(ROLE_CARD_CASES.agitator, 5).name);
    expect(characterCard(ROLE_CARD_CASES.agitator, 5).name).not.toBe(characterCard(ROLE_CARD_CASES.agitator, 6).name);
    expect(characterCard(ROLE_CARD_CASES.agitator, 5).source).toBe("adler-ch3");
  });

  test("a group case says so", () => {
    expect(characterCard({ ...ROLE_CARD_CASES.agitator, persons: 3 }, 2).who).toMatch(/One of 3 people/);
  });

  test("the role card's story is kept apart from the file and labelled invented", () => {
    const card = characterCard(ROLE_CARD_CASES.agitator, 0);
    expect(card.story).toEqual({
      text: "Arrested for things said among acquaintances.",
      source: "invented",
      basis: "adler-ch3",
    });
    expect(card.who).not.toMatch(/acquaintances/);
  });
});

describe("the historian's findings (issue 21, §1.9)", () => {
  const indexes = Array.from({ length: 240 }, (_, i) => i);

  test("a 58-7/11 military-tribunal prisoner is never told of agitation or of being a student", () => {
    for (const custody of ["camp", "exile", "released", "psychiatric"] as const) {
      for (const i of indexes) {
        const card = characterCard({ ...ROLE_CARD_CASES.wreckers, organ: "militaryTribunal", custody }, i);
        expect(textOf(card)).not.toMatch(/agitation|student/i);
        expect(card.who).toMatch(/ntenced by a military tribunal to 15 years under article 58-7\/11/);
      }
    }
  });

  test("a five-year term never gets “six years rather than the amnesty's five”", () => {
    for (const custody of ["camp", "exile", "released", "psychiatric"] as const) {
      for (const i of indexes) {
        const text = textOf(characterCard({ ...ROLE_CARD_CASES.agitator, termYears: 5, custody }, i));
        expect(text).not.toMatch(/six years|amnesty's five/i);
      }
    }
    const six = { ...ROLE_CARD_CASES.agitator, termYears: 6, custody: "released" } as const;
    expect(indexes.map((i) => characterCard(six, i).wants)).toContainEqual(
      expect.stringMatching(/six years rather than/),
    );
  });

  test("exiles get exile cards, never the passport “minuses” of the released (cards 4 and 5)", () => {
    for (const organ of SENTENCING_ORGANS) {
      for (const i of indexes) {
        const card = characterCard(
          { ...ROLE_CARD_CASES.collaboratorInExile, article: "58-10", termYears: 10, organ },
          i,
        );
        expect(card.card).toMatch(organ === "specialConference" ? /^Card (8|12)/ : /^Card (3|12)/);
        expect(textOf(card)).not.toMatch(/passport|minuses|student/i);
      }
    }
  });

  test("a relative's name, the relation and the prisoner's sex agree", () => {
    for (const i of indexes.filter((i) => i % 4 === 3)) {
      const card = characterCard(ROLE_CARD_CASES.wreckers, i);
      expect(card.relative).toBe(true);
      expect(contradictions(ROLE_CARD_CASES.wreckers, card)).toEqual([]);
    }
  });
});

describe("every role card of the brief has a seat, where the file bears it out", () => {
  const card = (facts: CardFacts, i: number) => characterCard(facts, i).card;
  const courtAgitator = { ...ROLE_CARD_CASES.agitator, organ: "court" } as const;
  const released = { ...ROLE_CARD_CASES.agitator, custody: "released", passportMinus: true } as const;

  test("cards 6 and 7 share the court agitators with card 1; card 1 alone has the out-of-court ones", () => {
    expect(card(courtAgitator, 0)).toMatch(/^Card 1/);
    expect(card(courtAgitator, 1)).toMatch(/^Card 6/);
    expect(card(courtAgitator, 2)).toMatch(/^Card 7/);
    expect(characterCard(courtAgitator, 2).wants).toMatch(/a court must decide/);
    for (const i of [0, 1, 2]) expect(card({ ...courtAgitator, organ: "nkvdTroika" }, i)).toMatch(/^Card 1/);
  });

  test("cards 4 and 5 go to the released whose sentence stands: the student only under 58-10, the returnee only past the amnesty's five", () => {
    expect(card(released, 0)).toMatch(/^Card 4/);
    expect(card(released, 1)).toMatch(/^Card 5/);
    expect(characterCard(released, 1).where).toMatch(/passport with “minuses”/);
    expect(card({ ...released, termYears: 5 }, 0)).toMatch(/^Card 5/);
    expect(card({ ...released, article: "58-14" }, 1)).toMatch(/^Card 4/);
    expect(card({ ...released, article: "58-14", termYears: 5 }, 0)).toBe("A released prisoner whose sentence stands");
    expect(card({ ...released, passportMinus: false }, 0)).toBe("A released prisoner with rights restored");
  });

  test("one seat in four plays a relative writing from outside (card 12), for someone still held", () => {
    const relative = characterCard(ROLE_CARD_CASES.wreckers, 3);
    expect(relative.card).toMatch(/^Card 12: a relative writing for a prisoner \(the reclassified prisoner\)/);
    expect(relative.who).toMatch(/^You are the \w+ of /);
    expect(relative.where).toMatch(/outside the camp/);
    expect(characterCard(released, 3).relative).toBe(false);
  });

  test("every card variant fits some file, and is dealt to it", () => {
    const files: CardFacts[] = [];
    for (const organ of SENTENCING_ORGANS)
      for (const article of ARTICLES)
        for (const termYears of [4, 5, 6, 10, 25])
          for (const custody of ["camp", "exile", "released", "psychiatric"] as const)
            for (const passportMinus of [true, false])
              files.push({ organ, article, termYears, custody, persons: 1, passportMinus });
    const dealt = new Set(files.flatMap((f) => [0, 1, 2, 4, 5, 6].map((i) => characterCard(f, i).card)));
    for (const v of CARD_VARIANTS) expect(dealt, v.card).toContain(v.card);
  });
});

// ── properties ──────────────────────────────────────────────────────────────

describe("a card says only what its case file says", () => {
  afterEach(() => vi.restoreAllMocks());

  test("for any file: article, organ, term and custody agree, relatives' sexes agree, and the same case gives the same card", () => {
    // No randomness or clock: the card is a function of the file and the case index alone.
    vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random in a character card");
    });
    vi.spyOn(Date, "now").mockImplementation(() => {
      throw new Error("Date.now in a character card");
    });
    fc.assert(
      fc.property(anyFacts, fc.nat({ max: 1_000_000 }), (facts, i) => {
        const card = characterCard(facts, i);
        expect(contradictions(facts, card)).toEqual([]);
        expect(characterCard({ ...facts }, i)).toEqual(card);
      }),
      { numRuns: 3000 },
    );
  });

  // Every scenario a class can play, and the national queue too (with a smaller caseload: its
  // facts are drawn the same way, but no class is dealt its 467,946 cases).
  const scenarios = new Map<string, Scenario>(
    SCENARIOS.map((s) => [s.id, s.caseload.cases > 3000 ? { ...s, caseload: { ...s.caseload, cases: 3000 } } : s]),
  );
  /** The card a petitioner seat is shown for case i (lib/runs/seat-view/views.ts, startingFacts). */
  const seatCard = (world: World, i: number) => {
    const inCamp = world.startedInCamp(i);
    const facts = {
      ...world.caseFacts(i),
      custody: inCamp ? ("camp" as const) : ("exile" as const),
      passportMinus: !inCamp,
    };
    return { facts, card: characterCard(facts, i) };
  };

  test("for every case dealt in seeded runs of every scenario, at the start and to late joiners", () => {
    fc.assert(
      fc.property(fc.constantFrom(...scenarios.keys()), fc.integer({ min: 1, max: 10_000 }), (id, seed) => {
        const scenario = scenarios.get(id)!;
        const world = new World(scenario, seed);
        // A class at the start: three procurators and as many petitioners as the caseload allows.
        const petitioners = Math.min(40, world.caseCount - 3 * DESK_FILES_MIN);
        const seats = [
          ...Array.from({ length: 3 }, (_, k) => ({ key: `p${k}`, role: "procurator" as const })),
          ...Array.from({ length: Math.max(0, petitioners) }, (_, k) => ({
            key: `s${k}`,
            role: "petitioner" as const,
          })),
        ];
        const first = dealSeats(world, seed, [], seats, DESK_FILES_MIN);
        // Late joiners, halfway through the run, when cases have moved on.
        world.advanceTo(Math.floor(scenario.horizonDays / 2));
        const desks: Desk[] = seats.map((s) => ({
          key: s.key,
          role: s.role,
          cases: first.filter((d) => d.key === s.key).map((d) => d.caseIndex),
        }));
        const late = dealSeats(world, seed, desks, [{ key: "late", role: "petitioner" }], DESK_FILES_MIN);
        const dealt = [...first, ...late].filter((d) => d.role === "petitioner").map((d) => d.caseIndex);
        expect(dealt.length).toBeGreaterThan(0);
        for (const i of dealt) {
          const { facts, card } = seatCard(world, i);
          expect(contradictions(facts, card), `${scenario.id} seed ${seed} case ${i}: ${textOf(card)}`).toEqual([]);
        }
        // The whole caseload, too: any case can be dealt once the suited ones run out.
        for (let i = 0; i < world.caseCount; i++) {
          const { facts, card } = seatCard(world, i);
          const problems = contradictions(facts, card);
          if (problems.length > 0) expect(problems, `${scenario.id} seed ${seed} case ${i}`).toEqual([]);
        }
        // The same run, built again, deals the same cards.
        const again = new World(scenario, seed);
        again.advanceTo(world.now);
        for (const i of dealt.slice(0, 10)) expect(seatCard(again, i).card).toEqual(seatCard(world, i).card);
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe("a relative writes for one person", () => {
  test("the brother of a woman in a camp writes for her, not for “them”", () => {
    const card = characterCard(
      { organ: "court", article: "58-10", termYears: 10, custody: "camp", persons: 1 },
      // Case 19: the prisoner is Yelena D., and the seat plays her brother (card 12).
      19,
    );
    expect(card.relative).toBe(true);
    expect(card.who).toMatch(/^You are the brother of Yelena D\., and you write for her\. Her case file: /);
    expect(card.who).not.toMatch(/\bthem\b/);
  });
});
