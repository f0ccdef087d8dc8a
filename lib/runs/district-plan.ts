import type { Scenario } from "@/lib/sim/scenario-schema";
import { DESK_COSTS } from "@/lib/desk/work";
import { typicalDays } from "@/lib/runs/seat-view/why-nothing-happens";

/**
 * How big the class's district is: the files dealt to each student
 * procurator. The class is its district's commission (ADR 0020), and the
 * lesson is meant to let students feel what the commissions felt: more
 * files than they could decide. So the district is sized from the lesson,
 * not fixed: what a brisk procurator can decide in it (one school period at
 * most), and half as much again. The figures below are game choices, not
 * history.
 */

/** Minutes a brisk student needs for one file: reading it through, the steps it needs, writing the grounds. */
export const BRISK_MINUTES_PER_FILE = 1.5;
/** A school period: a slow clock plays longer than one lesson, and the teacher jumps ahead rather than wait. */
export const LESSON_MINUTES_MAX = 45;
/** The desk holds this many times what a brisk student decides: they keep up only partly, and the backlog is theirs. */
export const BEYOND_REACH = 1.5;
/** Fewest files on a desk, so even a short lesson has a backlog; most, so a desk still fits on a phone. */
export const DESK_FILES_MIN = 6;
export const DESK_FILES_MAX = 60;

/**
 * With "the computer helps" on, a file left this many simulated days at
 * review on a student's desk goes to a computer desk (World.letComputerHelp).
 * Two months: long enough that a working class decides its own files.
 */
export const HELP_AFTER_DAYS = 60;

/** What the plan rests on, from the scenario and the form. */
export type DistrictInput = {
  scenario: Pick<Scenario, "horizonDays" | "desks"> & {
    caseload: Pick<Scenario["caseload"], "cases" | "personsPerCase">;
  };
  /** simulated days per real minute */
  speed: number;
  procurators: number;
  petitioners: number;
};

export type DistrictPlan = {
  /** files dealt to each student procurator */
  filesPerDesk: number;
  /** the district: every student procurator's files */
  files: number;
  /** the whole scenario at this speed, in real minutes */
  lessonMinutes: number;
  /** the minutes of play the district is sized for: the whole scenario, or one school period if that is shorter */
  playedMinutes: number;
  /** files a brisk procurator could decide in the lesson: their pace, or the desk's hours, whichever is less */
  briskDecisions: number;
  limitedBy: "pace" | "hours";
  /** the form's sentence: what was chosen, and why */
  explanation: string;
};

/** Mean persons in a case, from the scenario's weights for 1, 2, 3 … persons. */
function meanPersons(weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return total === 0 ? 1 : weights.reduce((sum, w, k) => sum + w * (k + 1), 0) / total;
}

/**
 * The district for a class: null when there are no procurator seats (the
 * computer is the whole commission) or the speed is not a number yet. A
 * desk holds at least its share of classmates' cases and DESK_FILES_MIN,
 * and no more than the scenario's cases can give each desk.
 */
export function planDistrict({ scenario, speed, procurators, petitioners }: DistrictInput): DistrictPlan | null {
  if (!(procurators > 0) || !(speed > 0) || !Number.isFinite(speed)) return null;
  const lessonMinutes = scenario.horizonDays / speed;
  const playedMinutes = Math.min(lessonMinutes, LESSON_MINUTES_MAX);
  const byPace = Math.floor(playedMinutes / BRISK_MINUTES_PER_FILE);
  const hoursPerFile =
    typicalDays(scenario.desks.reviewHoursPerPerson) * meanPersons(scenario.caseload.personsPerCase) +
    DESK_COSTS["review.decide"].hours +
    DESK_COSTS["letter.read"].hours;
  const byHours = Math.floor((scenario.horizonDays * scenario.desks.hoursPerDay) / hoursPerFile);
  const briskDecisions = Math.min(byPace, byHours);
  const fits = Math.floor(scenario.caseload.cases / procurators);
  const fewest = Math.max(DESK_FILES_MIN, Math.ceil(Math.max(0, petitioners) / procurators));
  // Never fewer than the fewest: a scenario too small for that many desks is refused (seatsFit), not thinned.
  const filesPerDesk = Math.max(fewest, Math.min(fits, DESK_FILES_MAX, Math.ceil(briskDecisions * BEYOND_REACH)));
  const limitedBy = byPace <= byHours ? "pace" : "hours";
  const minutes = Math.round(lessonMinutes);
  const period =
    lessonMinutes > LESSON_MINUTES_MAX ? `; the district is sized for one ${LESSON_MINUTES_MAX}-minute lesson` : "";
  const reach =
    limitedBy === "pace"
      ? `a brisk procurator decides about one file every ${BRISK_MINUTES_PER_FILE} minutes (a game estimate), so about ${briskDecisions}`
      : `a desk's ${scenario.desks.hoursPerDay} hours a day cover about ${briskDecisions} files`;
  const capped =
    filesPerDesk === fits
      ? " That is all the scenario's cases can give each desk."
      : filesPerDesk === DESK_FILES_MAX
        ? ` That is the most a desk holds (${DESK_FILES_MAX}).`
        : "";
  return {
    filesPerDesk,
    files: filesPerDesk * procurators,
    lessonMinutes,
    playedMinutes,
    briskDecisions,
    limitedBy,
    explanation:
      `Each student procurator gets ${filesPerDesk} files (${filesPerDesk * procurators} in the class's district). ` +
      `At this speed the scenario lasts about ${minutes} minutes${period}, and ${reach}: ` +
      `more files than the class can clear, as the commissions had.${capped}`,
  };
}

/**
 * Files per student procurator: the plan's, or the fewest a desk takes when
 * there is nothing to plan (no procurator seats, or a self-guided run).
 */
export function filesPerDesk(input: DistrictInput): number {
  return planDistrict(input)?.filesPerDesk ?? DESK_FILES_MIN;
}

/** Why a caseload cannot seat a class, in a sentence (create-run and the lobby's reassigning). */
export function classNeeds(cases: number, deskFiles: number): string {
  return `This scenario has ${cases} cases: each petitioner needs one, and each procurator's desk ${deskFiles}.`;
}
