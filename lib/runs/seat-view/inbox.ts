import type { CaseHistoryEntry, World } from "@/lib/sim/engine";
import type { CaseEvent } from "@/machines/case-setup";
import { caseLabel } from "@/lib/runs/case-label";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { daysText } from "@/lib/runs/days-text";

/** A desk that no student holds: the computer plays that procurator. */
export const COMPUTER_DESK = "another procurator's desk (played by the computer)";

/**
 * Whose desk a case sat on at the commission, as the viewing seat reads it:
 * its own ("your desk"), a classmate's by name (never in a solo run, where
 * there are no classmates), or one the computer played.
 */
export function deskName(
  holder: { number: number; displayName: string } | undefined,
  viewerSeat: number,
  solo: boolean,
): string {
  if (!holder) return COMPUTER_DESK;
  if (holder.number === viewerSeat || solo) return "your desk";
  return `${holder.displayName}'s desk (seat ${holder.number}, a classmate)`;
}

/** A classmate's letter about a case on this procurator's desk, as the database keeps it. */
export type ClassmateLetter = { caseIndex: number; body: string; simDay: number; seatNumber: number };

/** A letter in a procurator's inbox: in the petitioner's own words, with the day it reached the commission. */
export type InboxLetter = {
  caseIndex: number;
  caseLabel: string;
  /** the petitioner's seat: a classmate writes as the person in the case */
  fromSeat: number;
  /** the letter as written, once the desk has read it (reading costs desk time); null before */
  body: string | null;
  arrivedDay: number;
  arrivedLabel: string;
  /** days it has waited since it arrived: until the desk decided the case, or until today */
  waitedDays: number;
  /** whether the desk has decided the case since the letter arrived */
  answered: boolean;
};

/**
 * What ends a letter's route at the commission: the office registers it, or
 * the camp's list arrives while it is on its way, taking the case to the
 * commission at once (the letter, addressed there, joins the file). The one
 * statement of the rule: the reveal and the load test's figures use it too.
 */
export const REACHES_COMMISSION: ReadonlySet<CaseEvent["type"]> = new Set(["complaint.register", "lists.arrive"]);
/** What ends a letter's route anywhere else (RULES in machines/case.machine.ts). */
export const GOES_ASTRAY: ReadonlySet<CaseEvent["type"]> = new Set([
  "complaint.forwardToAccused",
  "complaint.lose",
  "complaint.formReply",
]);

/**
 * When each letter about case i reached the commission, or null for one that
 * never did (the machine forwarded it to the accused, lost it, or answered it
 * with a form: RULES in machines/case.machine.ts). The case's story lists
 * every letter the machine took and every one it only noted (an earlier one
 * still unanswered, or the case already under review), in the order they were
 * sent, as the letters themselves are; a noted letter joins the file if the
 * case had already reached the commission, and one overtaken on its way by
 * the camp's list joins it the day the list came.
 */
export function arrivals(story: readonly CaseHistoryEntry[]): (number | null)[] {
  const out: (number | null)[] = [];
  let reached = false;
  for (let k = 0; k < story.length; k++) {
    const entry = story[k]!;
    if (REACHES_COMMISSION.has(entry.event.type)) reached = true;
    if (entry.event.type !== "complaint.file") continue;
    if (entry.noted) {
      out.push(reached ? entry.day : null);
      continue;
    }
    const routed = story
      .slice(k + 1)
      .find((e) => !e.noted && (REACHES_COMMISSION.has(e.event.type) || GOES_ASTRAY.has(e.event.type)));
    out.push(routed && REACHES_COMMISSION.has(routed.event.type) ? routed.day : null);
  }
  return out;
}

/**
 * How many of a classmate's letters about case i have reached its procurator
 * by today and are not read yet (letters are read oldest first). Only a
 * student petitioner's letters have words to read; the computer's
 * petitioners are counted in the figures, not in the inbox.
 */
export function unreadLetters(world: World, i: number): number {
  if (!world.hasStudent(i, "petitioner")) return 0;
  const arrived = arrivals(world.caseHistory(i)).filter((day) => day !== null && day <= world.now).length;
  return Math.max(0, arrived - world.deskState(i).lettersRead);
}

/**
 * What the inbox needs of each case on a desk: its story and how many
 * letters the desk has read. Once the run has ended (`ended`), every letter
 * shows in full: the desk is read-only and the reveal hides nothing.
 */
export function deskOf(world: World, cases: readonly number[], ended = false) {
  return new Map(
    cases.map((i) => [
      i,
      { story: world.caseHistory(i), lettersRead: ended ? Infinity : world.deskState(i).lettersRead },
    ]),
  );
}

/** The first decision on the case after `day`, if any. */
function decidedAfter(story: readonly CaseHistoryEntry[], day: number): number | null {
  return story.find((e) => !e.noted && e.event.type === "review.decide" && e.day >= day)?.day ?? null;
}

/**
 * A procurator's inbox: classmates' letters about the desk's cases that have
 * reached the commission by today, the longest waiting first. Letters that
 * went astray never show: the desk could not have known of them.
 */
export function inbox(
  desk: ReadonlyMap<number, { story: readonly CaseHistoryEntry[]; lettersRead: number }>,
  letters: readonly ClassmateLetter[],
  today: number,
  startDate: string,
): InboxLetter[] {
  const out: InboxLetter[] = [];
  const byCase = new Map<number, ClassmateLetter[]>();
  for (const letter of letters) byCase.set(letter.caseIndex, [...(byCase.get(letter.caseIndex) ?? []), letter]);
  for (const [caseIndex, written] of byCase) {
    const { story = [], lettersRead = 0 } = desk.get(caseIndex) ?? {};
    const arrived = arrivals(story);
    let position = 0; // among the letters that have arrived, oldest first: the desk reads them in that order
    [...written]
      .sort((a, b) => a.simDay - b.simDay)
      .forEach((letter, k) => {
        const day = arrived[k];
        if (day === null || day === undefined || day > today) return;
        const read = position++ < lettersRead;
        const decided = decidedAfter(story, day);
        const until = decided !== null && decided <= today ? decided : today;
        out.push({
          caseIndex,
          caseLabel: caseLabel(caseIndex),
          fromSeat: letter.seatNumber,
          body: read ? letter.body : null,
          arrivedDay: day,
          arrivedLabel: dateLabel(simDate(startDate, day)),
          waitedDays: Math.max(0, Math.floor(until - day)),
          answered: decided !== null && decided <= today,
        });
      });
  }
  return out.sort((a, b) => Number(a.answered) - Number(b.answered) || a.arrivedDay - b.arrivedDay);
}

/**
 * Each letter's fate in a sentence, for the reveal and the teacher's report:
 * where it went, and how long it waited on `desk` (a classmate's, by name,
 * or one the computer played) before a decision or the run's end at `now`.
 */
export function letterFates(
  story: readonly CaseHistoryEntry[],
  now: number,
  desk: string,
  startDate: string,
): string[] {
  const day = (d: number) => dateLabel(simDate(startDate, d));
  const sent = story.filter((e) => e.event.type === "complaint.file").map((e) => e.day);
  return arrivals(story).map((arrived, k) => {
    const from = `The letter of ${day(sent[k]!)}`;
    if (arrived === null) return `${from} never reached the commission.`;
    const decided = story.find((e) => !e.noted && e.event.type === "review.decide" && e.day >= arrived);
    const waited = `${daysText(Math.max(0, Math.floor((decided ? decided.day : now) - arrived)))} on ${desk}`;
    return decided
      ? `${from} reached the commission on ${day(arrived)} and waited ${waited} before a decision.`
      : `${from} reached the commission on ${day(arrived)} and waited ${waited}; no decision yet.`;
  });
}
