import { describe, expect, test } from "vitest";
import { OUTCOME_LABELS } from "@/lib/labels";
import { outcomeOf } from "@/lib/sim/case-stepper";
import type { CaseContext } from "@/machines/case-setup";
import { timelineEnding } from "./personal";

describe("a case timeline's heading and ending agree", () => {
  const PATHS = [
    "heldAfterRelease",
    "spravka.awaiting",
    "spravka.atGeneralProcuracy",
    "spravka.refused",
    "commission.review",
    "court.awaitingRuling",
  ];
  const DECISIONS = ["fullRehabilitation", "reclassification", "amnesty1953", undefined];

  test.each(PATHS)("%s: a decided outcome is never said to be “not decided”", (path) => {
    for (const decision of DECISIONS) {
      // The outcome as the simulator counts it (a spravka pending or a held release counts by its decision).
      const outcome = outcomeOf(path, { decision } as unknown as CaseContext);
      const { outcomeLabel, ending } = timelineEnding(path, OUTCOME_LABELS[outcome], false);
      if (outcome !== "pending") expect(ending, `${path} ${decision}`).not.toMatch(/not decided/);
      expect(outcomeLabel.startsWith(OUTCOME_LABELS[outcome])).toBe(true);
    }
  });

  test("the tryout's case: rehabilitated, spravka not come", () => {
    expect(timelineEnding("spravka.awaiting", "Rehabilitated", false)).toEqual({
      outcomeLabel: "Rehabilitated on paper, no spravka yet",
      ending: "and when the run ended the person was cleared on paper, but the spravka had not come.",
    });
    expect(timelineEnding("rehabilitated", "Rehabilitated", true).ending).toBe("until the case was decided for good.");
    expect(timelineEnding("commission.review", "Not decided", false).ending).toBe(
      "and the case was still not decided when the run ended.",
    );
  });
});
