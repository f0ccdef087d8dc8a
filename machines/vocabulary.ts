/**
 * The shared vocabulary of ../shared/architecture.md §3: the same names in
 * machines, engine, UI, exports and CLI.
 */

/** The source documents' keys (../shared/domain/README.md); lib/sources.ts gives their titles. */
export const SOURCE_KEYS = [
  "adler-ch3",
  "alexopoulos-1945",
  "17moments",
  "blog-not-all-free",
  "blog-destalinization",
] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** Who passed the original sentence. */
export const SENTENCING_ORGANS = [
  "ogpuCollegium",
  "nkvdTroika",
  "specialConference",
  "court",
  "militaryTribunal",
  "militaryCollegium",
] as const;
export type SentencingOrgan = (typeof SENTENCING_ORGANS)[number];

/** Extrajudicial organs: the commission's decision is final (RULES.extrajudicialFinal). */
export const EXTRAJUDICIAL_ORGANS: readonly SentencingOrgan[] = ["ogpuCollegium", "nkvdTroika", "specialConference"];

/**
 * Article 58 clauses the caseload draws from: anti-Soviet agitation (58-10),
 * treason including collaboration (58-1), wrecking with group activity
 * (58-7/11), sabotage (58-14).
 */
export const ARTICLES = ["58-10", "58-1", "58-7/11", "58-14"] as const;
export type Article = (typeof ARTICLES)[number];

/** Where a prisoner or relative could send a complaint. */
export const ADDRESSEES = [
  "campAdministration",
  "campProcurator",
  "provincialProcuracy",
  "kgb",
  "presidium",
  "generalProcurator",
] as const;
export type Addressee = (typeof ADDRESSEES)[number];

/**
 * What a petitioner rests a letter on (lib/sim/petitions.ts gives each its
 * effect and source). Bots' letters plead plain innocence.
 */
export const GROUNDS = ["innocence", "noEvidence", "amnesty", "mercy"] as const;
export type Grounds = (typeof GROUNDS)[number];

/** How a letter travels: through the camp post, through a relative, or by a friend's hand in Moscow. */
export const CARRIERS = ["self", "relative", "friend"] as const;
export type Carrier = (typeof CARRIERS)[number];

/** What a letter asks for (recorded and shown; the grounds, not the wish, move the odds). */
export const ASKS = ["release", "rehabilitation", "endExile", "liveWithFamily", "spravka", "rights"] as const;
export type Ask = (typeof ASKS)[number];

/** The May 19, 1954 decision menu (RULES.decreeMenu). */
export const DECISIONS = [
  "fullRehabilitation",
  "reclassification",
  "sentenceReduction",
  "amnesty1953",
  "endExile",
  "confirmRefusal",
] as const;
export type Decision = (typeof DECISIONS)[number];

/** What a court may do with a protest (RULES.courtRulings). */
export const COURT_RULINGS = ["suspend", "returnForInvestigation", "psychiatric", "reject"] as const;
export type CourtRuling = (typeof COURT_RULINGS)[number];

/** Final outcomes, one per case: the CLI's `outcomes` keys. */
export const OUTCOMES = [
  "rehabilitated",
  "reclassified",
  "reduced",
  "amnestied",
  "exileEnded",
  "upheld",
  "pardoned",
  "psychiatric",
  "pending",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes that free the person, whether rehabilitated or not. */
export const RELEASING_OUTCOMES: readonly Outcome[] = [
  "rehabilitated",
  "reclassified",
  "amnestied",
  "exileEnded",
  "pardoned",
];

/** Pipeline stages, in order. */
export const STAGES = ["complaint", "lists", "commission", "court", "spravka"] as const;
export type Stage = (typeof STAGES)[number];

/** Where the person is, which is part of their state, not decoration. */
export type Custody = "camp" | "exile" | "released" | "psychiatric";
