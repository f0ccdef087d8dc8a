import { World } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { CASE_EVENTS } from "@/machines/case-events";
import type { CaseEvent } from "@/machines/case-setup";
import { OUTCOMES, type Outcome, type Stage } from "@/machines/vocabulary";
import { applyToWorld } from "@/lib/runs/store/apply-to-world";
import type { LogVariant } from "@/lib/runs/store/log-entry";

/** One logged entry of a run, parsed (see readRunLog), as the replay needs it. */
export type ReplayEntry = LogVariant & { seq: number; simDay: number; actor: string };

/**
 * One event a case took: when (simulated day, fractional), and who moved it —
 * a seat ("seat:3") or the machine ("system"); for a seat's, `seq` is the log
 * entry that made it (its letter's text or decision's grounds are there).
 */
export type HistoryEvent = { caseIndex: number; day: number; event: CaseEvent; actor: string; seq?: number };

/** Where every case stood at the end of a simulated day. */
export type DayFigures = {
  day: number;
  stages: Record<Stage, number>;
  unpursued: number;
  decided: number;
  outcomes: Record<Outcome, number>;
};

export type RunHistory = {
  /** the last simulated day replayed (the run's clock) */
  readonly simDay: number;
  /** the last log entry replayed */
  readonly seq: number;
  /** one entry per whole simulated day from 0, then the run's own instant */
  readonly series: readonly DayFigures[];
  /** every event every case took, in order */
  readonly events: readonly HistoryEvent[];
  /** the world at `simDay`: equal to the live one (tests compare them) */
  readonly world: World;
};

function figures(world: World, day: number): DayFigures {
  const { stages, unpursued, decided } = world.tally();
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (let i = 0; i < world.caseCount; i++) outcomes[world.caseState(i).outcome]++;
  return { day, stages, unpursued, decided, outcomes };
}

/**
 * Replays a run from its first entry — a fresh world from the scenario and
 * seed, then every logged action at its simulated day, as the store does —
 * recording where the cases stood each day and every event every case took.
 * Deterministic: the same log gives the same history (ADR 0008), so a debrief,
 * an export and a replay all tell one story. `extend` carries a replay on as
 * the run goes on, so a live console never replays from the start.
 */
export class RunReplay implements RunHistory {
  readonly world: World;
  readonly series: DayFigures[] = [];
  readonly events: HistoryEvent[] = [];
  simDay = 0;
  /** the last log entry applied */
  seq = 0;
  /** logged actions a what-if replay could not apply (its world had moved differently) */
  skipped = 0;
  private actor = "system";
  private actorSeq: number | undefined;
  private nextDay = 0;

  /** `whatIf`: the scenario was changed, so actions the changed world refuses are skipped, not an error. */
  constructor(
    scenario: Scenario,
    seed: number,
    private readonly options: { whatIf?: boolean } = {},
  ) {
    this.world = new World(scenario, seed);
    this.world.onCaseEvent = (caseIndex, eventId) =>
      this.events.push({
        caseIndex,
        day: this.world.now,
        event: CASE_EVENTS[eventId]!,
        actor: this.actor,
        ...(this.actorSeq !== undefined ? { seq: this.actorSeq } : {}),
      });
  }

  /** Applies `entries` (the log after `seq`, in order) and moves the clock to `untilDay`. */
  extend(entries: readonly ReplayEntry[], untilDay: number): this {
    if (untilDay < this.simDay) throw new RangeError("A replay only moves forward.");
    // The run's own instant was the last point; whole days replace it.
    if (this.series.length > 0 && this.series.at(-1)!.day % 1 !== 0) this.series.pop();
    let k = 0;
    const applyUpTo = (day: number) => {
      while (k < entries.length && entries[k]!.simDay <= day) {
        const entry = entries[k++]!;
        this.world.advanceTo(entry.simDay);
        const bySeat = entry.actor.startsWith("seat:");
        this.actor = bySeat ? entry.actor : "system";
        this.actorSeq = bySeat ? entry.seq : undefined;
        if (!applyToWorld(this.world, entry, this.options)) this.skipped++;
        this.actor = "system";
        this.actorSeq = undefined;
        this.seq = entry.seq;
      }
    };
    for (; this.nextDay <= Math.floor(untilDay); this.nextDay++) {
      applyUpTo(this.nextDay);
      this.world.advanceTo(this.nextDay);
      this.series.push(figures(this.world, this.nextDay));
    }
    applyUpTo(untilDay);
    this.world.advanceTo(untilDay);
    if (untilDay % 1 !== 0) this.series.push(figures(this.world, untilDay));
    this.simDay = untilDay;
    return this;
  }
}

/** A whole replay at once (see RunReplay). */
export function replayRun(
  scenario: Scenario,
  seed: number,
  entries: readonly ReplayEntry[],
  untilDay: number,
): RunHistory {
  return new RunReplay(scenario, seed).extend(entries, untilDay);
}

/**
 * Days each case waited from the first thing that happened to it: to its
 * decision (or pardon) for the decided, to `endDay` for those still waiting
 * (counted as waiting, so a median over them is honest: lib/sim/survival.ts).
 */
export function decisionWaits(
  events: readonly HistoryEvent[],
  endDay: number,
): { decided: number[]; waiting: number[] } {
  const first = new Map<number, number>();
  const decided: number[] = [];
  const done = new Set<number>();
  for (const e of events) {
    if (!first.has(e.caseIndex)) first.set(e.caseIndex, e.day);
    if ((e.event.type === "review.decide" || e.event.type === "presidium.pardon") && !done.has(e.caseIndex)) {
      done.add(e.caseIndex);
      decided.push(e.day - first.get(e.caseIndex)!);
    }
  }
  const waiting: number[] = [];
  for (const [i, day] of first) if (!done.has(i)) waiting.push(Math.max(0, endDay - day));
  return { decided, waiting };
}
