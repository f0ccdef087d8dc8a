import { dayNumber, type World } from "@/lib/sim/engine";
import type { SourceKey } from "@/machines/vocabulary";
import { RULING_LABELS } from "@/lib/labels";
import { caseLabel } from "@/lib/runs/case-label";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { findInjection, historicalDateLabel } from "@/lib/runs/injections";

/**
 * A memo from above on a procurator's desk: it tells, it never limits what the
 * player may choose. Memos are written in this game's words; only words in
 * quotation marks are the source's. A memo no source records is `source:
 * "invented"`, with `basis` naming the source for the pressure it acts out —
 * so the tag never suggests the words themselves came from a source.
 */
export type Memo = {
  id: string;
  date: string;
  dateLabel: string;
  title: string;
  text: string;
  source: SourceKey | "invented";
  basis?: SourceKey;
};

/** The day the desk is first asked for its figures. */
const QUOTA_DAY = 30;

/** Decisions that cleared a person more or less fully: the ones superiors counted as "acquittals". */
const ACQUITTALS = new Set(["fullRehabilitation", "reclassification"]);

/**
 * The memos a procurator seat has received by now: the standing order not to
 * weaken the struggle against "real enemies" (RULES.pressure), the question
 * "why so many acquittals?" once their own desk has cleared two people, and
 * the scenario's historical events as they happen (each with its source).
 */
export function memosFor(world: World, caseIndexes: readonly number[]): Memo[] {
  const start = world.scenario.startDate;
  const at = (day: number) => {
    const date = simDate(start, Math.max(0, Math.floor(day)));
    return { date, dateLabel: dateLabel(date) };
  };
  const memos: Memo[] = [
    {
      id: "real-enemies",
      ...at(0),
      title: "From the Procuracy",
      // The order is the source's (brief §2, §7); the quoted words are its own.
      text: "Review the cases before you on their facts, not on stamps and signatures — but do not weaken the struggle against “real enemies of the Soviet state”.",
      source: "adler-ch3",
    },
  ];
  const acquittals = caseIndexes
    .flatMap((i) => world.caseHistory(i))
    .filter((h) => h.event.type === "review.decide" && ACQUITTALS.has(h.event.decision))
    .map((h) => h.day)
    .sort((a, b) => a - b);
  if (acquittals.length >= 2) {
    memos.push({
      id: "acquittals",
      ...at(acquittals[1]!),
      title: "From the provincial procurator",
      // No such memo is recorded: the bias against acquittals is (adler-ch3), these words are the game's.
      text: "Why so many acquittals? Every one of them asks who was to blame for the sentence. Check your work.",
      source: "invented",
      basis: "adler-ch3",
    });
  }
  // Figures wanted: a month in, the desk is asked how many files it has finished (the sources name no quota: invented).
  if (world.now >= QUOTA_DAY) {
    memos.push({
      id: "figures",
      ...at(QUOTA_DAY),
      title: "From the provincial procurator",
      text: "Moscow wants each commission's monthly figures: files reviewed, files still waiting. Commissions that fall behind will be named in the report.",
      source: "invented",
    });
  }
  for (const event of world.scenario.events) {
    const day = dayNumber(event.date) - dayNumber(start);
    if (day < 0 || day > world.now) continue;
    memos.push({
      id: `event-${event.id}`,
      ...at(day),
      title: "News from Moscow",
      text: event.title,
      source: event.source,
    });
  }
  for (const i of caseIndexes) memos.push(...courtNotices(world, i));
  return memos.sort((a, b) => a.date.localeCompare(b.date));
}

/** A protest comes back: each court ruling on case i, as the notice the procurator gets (RULES.courtRulings). */
export function courtNotices(world: World, i: number): Memo[] {
  return world.caseHistory(i).flatMap((h, k) => {
    if (h.event.type !== "court.rule") return [];
    const date = simDate(world.scenario.startDate, Math.max(0, Math.floor(h.day)));
    return [
      {
        id: `ruling-${i}-${k}`,
        date,
        dateLabel: dateLabel(date),
        title: `From the court: ${caseLabel(i)}`,
        text: RULING_LABELS[h.event.ruling],
        source: "adler-ch3" as const,
      },
    ];
  });
}

/** What each event the teacher injected announced to the class (lib/runs/injections.ts), oldest first. */
export function injectedNews(world: World): Memo[] {
  return world.injections().flatMap(({ id, day, counterfactual }) => {
    const injection = findInjection(id);
    if (!injection) return [];
    // Injected before its date: the class must not take it for what happened then.
    const whatIf = counterfactual
      ? ` (A what-if: historically this came on ${historicalDateLabel(injection.date)}, not now.)`
      : "";
    const date = simDate(world.scenario.startDate, Math.max(0, Math.floor(day)));
    return [
      {
        id: `injected-${id}`,
        date,
        dateLabel: dateLabel(date),
        title: injection.title,
        text: injection.news + whatIf,
        source: injection.source,
      },
    ];
  });
}
