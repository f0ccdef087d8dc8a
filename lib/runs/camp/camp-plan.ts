import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import { AMNESTY_CLASS_SAMPLE } from "@/lib/sim/amnesty/scenarios";
import { BEYOND_REACH, LESSON_MINUTES_MAX } from "@/lib/runs/district-plan";

/**
 * How big the camp a class plays is (ADR 0024). As with the 1954–55
 * district (lib/runs/district-plan.ts), the class's own pace should be the
 * bottleneck: the release files are sized so that the class's records
 * clerks, checking briskly for the whole lesson, get through only part of
 * them. The figures are game choices, not history.
 */

/** Real seconds a brisk student clerk needs for one release file: reading it, choosing the check. */
export const BRISK_SECONDS_PER_CHECK = 15;
/** Fewest prisoners in a camp (so even two clerks have a queue); most, the lab's sampled camp. */
export const CAMP_PRISONERS_MIN = 200;
export const CAMP_PRISONERS_MAX = AMNESTY_CLASS_SAMPLE;

export type CampPlan = {
  prisoners: number;
  /** release files the decree's sorting is expected to send to the class's clerks */
  expectedFiles: number;
  /** files the clerks could check at a brisk pace in the lesson (0 without clerks) */
  briskChecks: number;
  /** the form's sentence: what was chosen, and why */
  explanation: string;
};

/** The camp for a class run: `clerks` student records clerks, the clock at `speed` simulated days a real minute. */
export function planCamp({
  scenario,
  speed,
  clerks,
}: {
  scenario: Pick<AmnestyScenario, "horizonDays" | "population" | "stages">;
  speed: number;
  clerks: number;
}): CampPlan {
  const weights = scenario.population.categories;
  const freedShare = weights.freed / (weights.freed + weights.halved + weights.notCovered);
  if (clerks === 0) {
    const prisoners = CAMP_PRISONERS_MAX;
    return {
      prisoners,
      expectedFiles: Math.round(prisoners * freedShare),
      briskChecks: 0,
      explanation: `With no student clerks the camp's own records department checks the files: a camp of ${prisoners.toLocaleString("en-GB")} prisoners, as in the lab.`,
    };
  }
  // Clerks can check only once the July 12 order has come.
  const checkingDays = Math.max(0, scenario.horizonDays - scenario.stages.recordsStartDay);
  const minutes = Math.min(LESSON_MINUTES_MAX, checkingDays / speed);
  const briskChecks = Math.round(clerks * minutes * (60 / BRISK_SECONDS_PER_CHECK));
  const wanted = Math.round((briskChecks * BEYOND_REACH) / freedShare);
  const prisoners = Math.min(CAMP_PRISONERS_MAX, Math.max(CAMP_PRISONERS_MIN, wanted));
  const expectedFiles = Math.round(prisoners * freedShare);
  return {
    prisoners,
    expectedFiles,
    briskChecks,
    explanation:
      `A camp of ${prisoners.toLocaleString("en-GB")} prisoners: about ${expectedFiles.toLocaleString("en-GB")} release files for ${clerks} ` +
      `student clerk${clerks === 1 ? "" : "s"}, who can check about ${briskChecks.toLocaleString("en-GB")} at a brisk pace ` +
      `(one every ${BRISK_SECONDS_PER_CHECK} seconds for ${Math.round(minutes)} minutes). The backlog is theirs.`,
  };
}
