import { OUTCOME_LABELS } from "@/lib/labels";
import { caseLabel } from "@/lib/runs/case-label";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import type { World } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import type { SourceKey } from "@/machines/vocabulary";
import { caseWaits, type WaitCause } from "./case-waits";

/** One stretch of a case's wait as the debrief shows it: dates, whole days between them, the cause and its sources. */
export type WaitView = {
  cause: WaitCause;
  label: string;
  fromDate: string;
  fromDateLabel: string;
  toDate: string;
  toDateLabel: string;
  /** calendar days from the first date to the second (so the stretches add up to the whole) */
  days: number;
  /** share of the whole timeline, for the bar (0–1) */
  share: number;
  source: SourceKey | "invented";
  lengthSource: SourceKey | "invented";
  lengthNote: string | null;
};

export type CaseTimelineView = {
  index: number;
  label: string;
  outcomeLabel: string;
  fromDateLabel: string;
  toDateLabel: string;
  /** decided: the timeline stops at the decision; otherwise at the run's end */
  decided: boolean;
  /** how the timeline ends, in words after "From … to …: N days," (see timelineEnding) */
  ending: string;
  totalDays: number;
  waits: WaitView[];
};

/**
 * The heading and closing words of a case's timeline. A commission's or a
 * court's decision is not the end of the story while the camp still holds
 * the person (RULES.heldAfterRelease) or the spravka has not come
 * (RULES.noSpravka): the simulator counts such a case by its decision, so
 * the heading says what was decided and the ending what was still missing,
 * never "not decided" beside "Rehabilitated".
 */
export function timelineEnding(
  path: string,
  outcomeLabel: string,
  decided: boolean,
): { outcomeLabel: string; ending: string } {
  if (decided) return { outcomeLabel, ending: "until the case was decided for good." };
  if (path === "heldAfterRelease") {
    return {
      outcomeLabel: `${outcomeLabel}, but still held`,
      ending: "and when the run ended the release order had been issued, but the camp still held the person.",
    };
  }
  if (path.startsWith("spravka.")) {
    return {
      outcomeLabel: `${outcomeLabel} on paper, no spravka yet`,
      ending: "and when the run ended the person was cleared on paper, but the spravka had not come.",
    };
  }
  return { outcomeLabel, ending: "and the case was still not decided when the run ended." };
}

/** What a "cite this run" line needs besides the share link. */
export type CiteView = {
  scenarioTitle: string;
  seed: number;
  /** the real day the run was played (ended), ISO and in words */
  runDate: string;
  runDateLabel: string;
  /** the simulated span the run covered */
  simFromLabel: string;
  simToLabel: string;
};

/** A self-guided run's own debrief, beyond the province's figures: each case's timeline, and how to cite the run. */
export type PersonalView = {
  timelines: CaseTimelineView[];
  cite: CiteView;
};

/**
 * Each of the seat's cases from the run's start to its decision (or the
 * run's end), split by what it waited for (./case-waits.ts), in dates. A
 * self-guided seat is dealt its cases as the run starts, on day 0, before
 * anyone has written.
 */
export function caseTimelines(world: World, caseIndexes: readonly number[]): CaseTimelineView[] {
  const start = world.scenario.startDate;
  const date = (day: number) => simDate(start, day);
  return [...caseIndexes]
    .sort((a, b) => a - b)
    .map((i) => {
      const { path, outcome } = world.caseState(i);
      const { segments, decidedDay, endDay } = caseWaits({
        history: world.caseHistory(i),
        path,
        startDay: 0,
        endDay: world.now,
        provenance: world.scenario.provenance,
      });
      const total = Math.floor(endDay);
      return {
        index: i,
        label: caseLabel(i),
        ...timelineEnding(path, OUTCOME_LABELS[outcome], decidedDay !== null),
        fromDateLabel: dateLabel(date(0)),
        toDateLabel: dateLabel(date(endDay)),
        decided: decidedDay !== null,
        totalDays: total,
        waits: segments.map((s) => ({
          cause: s.cause,
          label: s.label,
          fromDate: date(s.fromDay),
          fromDateLabel: dateLabel(date(s.fromDay)),
          toDate: date(s.toDay),
          toDateLabel: dateLabel(date(s.toDay)),
          days: Math.floor(s.toDay) - Math.floor(s.fromDay),
          share: endDay > 0 ? s.days / endDay : 0,
          source: s.source,
          lengthSource: s.lengthSource,
          lengthNote: s.lengthNote,
        })),
      };
    });
}

export function personalView(
  world: World,
  scenario: Pick<Scenario, "title" | "startDate">,
  run: { seed: number; endedAt: Date | null; updatedAt: Date },
  caseIndexes: readonly number[],
): PersonalView {
  const played = (run.endedAt ?? run.updatedAt).toISOString().slice(0, 10);
  return {
    timelines: caseTimelines(world, caseIndexes),
    cite: {
      scenarioTitle: scenario.title,
      seed: run.seed,
      runDate: played,
      runDateLabel: dateLabel(played),
      simFromLabel: dateLabel(simDate(scenario.startDate, 0)),
      simToLabel: dateLabel(simDate(scenario.startDate, world.now)),
    },
  };
}
