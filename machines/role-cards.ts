import type { CaseInput } from "./case-setup";

/**
 * Cases shaped like the role cards of ../shared/domain/brief.md §4
 * (composites, never real named people), as machine input. Tests, the
 * benchmark and later the desks' character cards start from these.
 */
export const ROLE_CARD_CASES = {
  /** Card 1: a 58-10 agitator sentenced by a court to ten years; the commission can only protest. */
  agitator: {
    organ: "court",
    article: "58-10",
    termYears: 10,
    custody: "camp",
    persons: 1,
    originalsElsewhere: true,
    crossChecks: 1,
    maxComplaints: 2,
  },
  /** Card 8: a Special Conference exile; the commission's word is final. */
  specialConferenceExile: {
    organ: "specialConference",
    article: "58-10",
    termYears: 5,
    custody: "exile",
    persons: 1,
    originalsElsewhere: false,
    crossChecks: 0,
    maxComplaints: 3,
  },
  /** Card 2: a group wrecking case (58-7/11), fifteen years, from a troika, several accused. */
  wreckers: {
    organ: "nkvdTroika",
    article: "58-7/11",
    termYears: 15,
    custody: "camp",
    persons: 3,
    originalsElsewhere: true,
    crossChecks: 2,
    maxComplaints: 3,
  },
  /** A short military-tribunal sentence for collaboration (58-1), now in exile. */
  collaboratorInExile: {
    organ: "militaryTribunal",
    article: "58-1",
    termYears: 4,
    custody: "exile",
    persons: 1,
    originalsElsewhere: false,
    crossChecks: 1,
    maxComplaints: 1,
  },
  /**
   * Card 3 (Barkhanov type): arrested in 1938, seventeen years in Norilsk,
   * and exile to follow the camp (RULES.exileAfterCamp). The wrecking
   * article and the Special Conference are the game's choice.
   */
  exileAfterCamp: {
    organ: "specialConference",
    article: "58-7/11",
    termYears: 17,
    custody: "camp",
    exileAfterTerm: true,
    persons: 1,
    originalsElsewhere: false,
    crossChecks: 0,
    maxComplaints: 2,
  },
} as const satisfies Record<string, CaseInput>;
