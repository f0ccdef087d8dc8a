import type { SourceKey } from "./vocabulary";

/**
 * The historical rules the machines encode, each traced to a source key of
 * ../shared/domain/README.md (and shown in the app beside the claim).
 * Guards name the rule they implement; `machines/rules.test.ts` checks that
 * every key is a known source.
 */
export const RULES = {
  decreeMenu: {
    source: "adler-ch3",
    section: "brief §2.5",
    claim:
      "The May 19, 1954 decree let commissions reverse with full rehabilitation, reclassify the crime, reduce the sentence, apply the March 27, 1953 amnesty, end exile, or confirm the earlier refusal.",
  },
  extrajudicialFinal: {
    source: "adler-ch3",
    section: "brief §2.6",
    claim:
      "A commission's decision was final for sentences of the OGPU Collegium, NKVD troikas and the Special Conference; for court sentences it could only recommend (protest) and a court decided.",
  },
  amnestyFiveYears: {
    source: "blog-not-all-free",
    section: "brief §2 Rules",
    claim:
      "The March 27, 1953 amnesty freed everyone sentenced to up to five years, but excluded counter-revolutionaries with longer terms.",
  },
  reclassificationTo109: {
    source: "adler-ch3",
    section: "brief §1, Sep 24, 1954",
    claim:
      "On Sep 24, 1954 the RSFSR Supreme Court Presidium reclassified 58-7 and 58-11 conduct as art. 109 (five years), which brought the 1953 amnesty into reach.",
  },
  exileSeparateDecision: {
    source: "adler-ch3",
    section: "brief §2.8",
    claim: "Release did not end exile: ending exile was a separate decision.",
  },
  complaintsOnly: {
    source: "adler-ch3",
    section: "brief §2.1",
    claim:
      "The May 19 decree told commissions to work from registered complaints rather than wait for MVD lists, yet provinces still waited for camp lists.",
  },
  complaintsToAccused: {
    source: "adler-ch3",
    section: "brief §2.2",
    claim: "Complaints were often forwarded to the Gulag MVD or to the very camp chiefs they accused.",
  },
  originalsElsewhere: {
    source: "adler-ch3",
    section: "brief §2.3",
    claim:
      "Archival-investigative files were often copies; originals sat in Moscow or other provinces, and testimony had to be checked against other cases.",
  },
  courtRulings: {
    source: "adler-ch3",
    section: "brief §2.8–2.9",
    claim:
      "Courts could suspend a case, return it for investigation, send the person to psychiatric examination at the Serbsky Institute, or reject the protest.",
  },
  noSpravka: {
    source: "adler-ch3",
    section: "brief §2.8",
    claim:
      "After a case was suspended the court sent a notice but often no spravka; people complained to the local MVD, then the provincial procuracy, then the General Procuracy.",
  },
  presidiumPardon: {
    source: "adler-ch3",
    section: "brief §2.6",
    claim:
      "The Presidium of the RSFSR Supreme Soviet rescinded sentences on petition in stock wording (“justifiably sentenced” but the Procuracy “does not object”): a pardon, not rehabilitation.",
  },
  passportMinus: {
    source: "adler-ch3",
    section: "brief §2.8",
    claim:
      "Police passports carried “minuses” (cities a person could not live in) for 58ers whose sentences stood, even after release.",
  },
  reviewHours: {
    source: "adler-ch3",
    section: "brief §2 Delays (Tomsk)",
    claim: "Review desks were short-staffed: in Tomsk six staff faced 35 cases covering a few hundred people.",
  },
  collaboratorsAmnesty: {
    source: "adler-ch3",
    section: "brief §1, Sep 17, 1955",
    claim:
      "The amnesty of September 17, 1955 reached those accused of collaboration with the occupiers during the war (in the game: article 58-1), whatever their term.",
  },
  pressure: {
    source: "adler-ch3",
    section: "brief §2 Rules",
    claim:
      "Procurators were told not to weaken the struggle against “real enemies”; an acquittal stigmatised the agency.",
  },
  heldAfterRelease: {
    source: "adler-ch3",
    section: "brief §1 Dec 1954; §2 Delays (Held after release)",
    claim:
      "In December 1954 the RSFSR Procuracy reported prisoners already legally freed still held in the camps; too few medical examinations for release on medical grounds. How long they were held is not given: the game's delay is invented.",
  },
  exileAfterCamp: {
    source: "adler-ch3",
    section: "brief §2.8; role card 3 (Barkhanov); §1 Apr 24, 1954",
    claim:
      "Leaving the camp did not end exile (Barkhanov, released early, then exile in Norilsk; Chita's 7 and Stalingrad's 16 “freed from exile” needed their own decisions). The MVD–Procuracy order of 24 April 1954 ended exile for counter-revolutionaries with terms up to five years; the game reads “terms” as the sentence's term, which the source leaves unclear.",
  },
  newArrests: {
    source: "adler-ch3",
    section: "brief §2 Delays (Two-way flow); §3 figures",
    claim:
      "The flow ran both ways: 12,765 new arrests under Article 59 in 1955 while the review released people. Article 59 of the RSFSR code covered especially dangerous crimes against the order of government (mass disorder and banditry among them), not Article 58's counter-revolutionary crimes. A province's share of the 12,765 is the game's estimate, scaled by its caseload.",
  },
  // The amnesty of July 7, 1945 (the optional earlier scenario, brief §6).
  amnesty1945Release: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "The July 7, 1945 amnesty freed those sentenced to three years or less, those convicted under the December 26, 1941 law (leaving work at war factories), for military crimes such as desertion, and soldiers whose sentences had been postponed.",
  },
  amnesty1945Halving: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "For terms over three years the rest of the term was halved (2 y 8 m 10 d became 1 y 4 m 5 d), except for counter-revolution, the August 7, 1932 theft law, banditry, counterfeiting, murder and robbery.",
  },
  amnesty1945Recidivists: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "Recidivists (two or more convictions for theft, embezzlement, robbery, hooliganism and the like) were left out, so each file had to be checked for earlier convictions.",
  },
  amnesty1945Priority: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "A July 12 order set who went first: minors, pregnant women and mothers of small children, the elderly, invalids, local residents, then those sentenced for shirking.",
  },
  amnesty1945Records: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "The records-and-assignment departments (OURZ) were “extremely overburdened”: every file was checked for earlier convictions and every determination signed by the prisoner.",
  },
  amnesty1945Passports: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "Each person released went on a passport roster with two photographs and received a passport for five years (without limit over 55) and food for 10–15 days.",
  },
  amnesty1945Transit: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim: "People travelled home through 115 transit checkpoints, and there were too few railcars to carry them.",
  },
  amnesty1945Errors: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim: "People released in error were hunted down and returned.",
  },
  amnesty1945KeptOn: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "Amnestied people were kept on at the camps as “voluntary” wage labour, and homes for invalids refused to take ex-prisoners.",
  },
  amnesty1945RevolvingDoor: {
    source: "alexopoulos-1945",
    section: "brief §6",
    claim:
      "New prisoners kept arriving: 194,074 by October 1, 1945, 78% of them for shirking (about 75,000 a month), while 620,753 went out.",
  },
} as const satisfies Record<string, { source: SourceKey; section: string; claim: string }>;

export type RuleId = keyof typeof RULES;

/**
 * The numbers in the rules, each named once and imported wherever a rule
 * uses it, so a change to the history is a change in one place.
 */

/** The longest sentence, in years, that the March 27, 1953 amnesty reached (RULES.amnestyFiveYears). */
export const AMNESTY_1953_MAX_TERM_YEARS = 5;

/** The articles the Sep 24, 1954 ruling moved to art. 109 (RULES.reclassificationTo109). */
export const RECLASSIFIABLE_ARTICLE = "58-7/11";

/** Whether a case under this article could be reclassified at all (RULES.reclassificationTo109). */
export function reclassifiable(article: string): boolean {
  return article === RECLASSIFIABLE_ARTICLE;
}

/**
 * How a scenario reads the sources on the 1953 amnesty and political
 * prisoners, which disagree (lib/sources/conflicts.ts "amnesty-1953-politicals"):
 * - shortTermsFreed: the decree's rule (blog-not-all-free): a political with
 *   five years or less was covered, so a commission could apply it to one
 *   missed in 1953;
 * - politicalsLeftOut: politicals were left out (adler-ch3): the amnesty
 *   reached a 58 case only once it was reclassified (58-7/11 as art. 109).
 */
export const AMNESTY_READINGS = ["shortTermsFreed", "politicalsLeftOut"] as const;
export type AmnestyReading = (typeof AMNESTY_READINGS)[number];

/** The article of collaboration with the occupiers, whom the Sep 17, 1955 amnesty reached (RULES.collaboratorsAmnesty). */
export const COLLABORATION_ARTICLE = "58-1";

/** Whether the March 1953 amnesty reached a sentence of this many years (RULES.amnestyFiveYears). */
export function amnesty1953Covers(termYears: number): boolean {
  return termYears <= AMNESTY_1953_MAX_TERM_YEARS;
}

/** The longest sentence, in years, the July 7, 1945 amnesty freed outright (RULES.amnesty1945Release). */
export const AMNESTY_1945_MAX_TERM_YEARS = 3;

/**
 * The longest sentence, in years, whose exile the MVD–Procuracy order of
 * 24 April 1954 ended (RULES.exileAfterCamp). Equal to the 1953 amnesty's
 * five years, which lets the engine's memo keep one "up to five years" fact
 * for both (lib/sim/case-stepper.ts canonicalFacts).
 */
export const EXILE_ORDER_1954_MAX_TERM_YEARS = 5;

/** Whether the 24 April 1954 order ended the exile that followed a sentence of this many years (RULES.exileAfterCamp). */
export function exileOrder1954Covers(termYears: number): boolean {
  return termYears <= EXILE_ORDER_1954_MAX_TERM_YEARS;
}

/** New Article 59 arrests in the USSR in 1955 (RULES.newArrests). */
export const NEW_ARRESTS_1955 = 12_765;

/** The counter-revolutionary prisoners of early 1954 (brief §3), the national caseload a province's share of new arrests is scaled by (RULES.newArrests). */
export const COUNTER_REVOLUTIONARY_PRISONERS_1954 = 467_946;

/** The year the 12,765 new arrests were counted in: they enter a run from its first day (RULES.newArrests). */
export const NEW_ARRESTS_FROM = "1955-01-01";
export const NEW_ARRESTS_UNTIL = "1955-12-31";

/** The article the new arrests came under (RULES.newArrests): not an Article 58 clause. */
export const NEW_ARREST_ARTICLE = "59";

/**
 * A province's new Article 59 arrests a year: the national 12,765 (1955)
 * scaled by its caseload against the national 467,946 (RULES.newArrests;
 * the scaling is the game's estimate, not a source's figure).
 */
export function provincialNewArrests(cases: number): number {
  return Math.round((NEW_ARRESTS_1955 * cases) / COUNTER_REVOLUTIONARY_PRISONERS_1954);
}
