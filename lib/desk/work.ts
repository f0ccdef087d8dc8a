import type { SourceKey } from "@/machines/vocabulary";

/**
 * The procurator's working day: what each piece of desk work costs
 * in simulated hours. The scenario sets the hours a day (`desks.hoursPerDay`)
 * and the reading time per person (`desks.reviewHoursPerPerson`); the costs
 * below are the game's own (the sources give none), so they are labelled
 * invented; what each step was rests on the sources.
 */
export type DeskWork =
  | "letter.read"
  | "file.requestOriginals"
  | "file.crossCheck"
  | "lists.request"
  | "lists.proceedWithout"
  | "desk.deputy"
  | "review.decide";

export const DESK_COSTS: Record<DeskWork, { hours: number; label: string; note: string; source: SourceKey }> = {
  "letter.read": {
    hours: 0.25,
    label: "Read the petitioner's letter",
    note: "The decree told commissions to work from registered complaints: each letter that reached the office had to be read before it could count.",
    source: "adler-ch3",
  },
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

/** The most hours a desk spends on reading in one go: what is left of today, and what is left of the file. */
export function readingHours(hoursLeft: number, reviewHours: number, readHours: number): number {
  return Math.max(0, Math.min(hoursLeft, reviewHours - readHours));
}
