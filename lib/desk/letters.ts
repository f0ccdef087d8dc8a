import { dateLabel, simDate } from "@/lib/runs/calendar";
import { LETTERS_PER_CASE, LETTERS_PER_WEEK } from "@/lib/runs/policy";
import type { Carrier } from "@/machines/vocabulary";

/** A letter a petitioner seat has sent about one case: when, and how it travelled. */
export type SentLetter = { simDay: number; carrier: string };

export const FRIEND_ONCE =
  "Your friend in Moscow has already carried a letter for you: a favour like that is asked once.";

/**
 * Why the seat's next letter about this case may not go yet (whatever it
 * says and whoever it is to), or null. A game rule, not a historical one: at
 * most LETTERS_PER_WEEK letters in any seven simulated days and
 * LETTERS_PER_CASE in all, so one seat cannot flood the run.
 */
export function letterPaceBar(sent: readonly SentLetter[], today: number, startDate: string): string | null {
  if (sent.length >= LETTERS_PER_CASE) {
    return `You have written ${LETTERS_PER_CASE} letters about this case, the most this game allows. Now there is only waiting.`;
  }
  const recent = sent.filter((l) => l.simDay > today - 7).map((l) => l.simDay);
  if (recent.length >= LETTERS_PER_WEEK) {
    // Free again once the oldest of this week's letters is seven days old.
    const again = dateLabel(simDate(startDate, Math.floor(Math.min(...recent) + 7) + 1));
    return `You have sent ${LETTERS_PER_WEEK} letters in the last seven days, the most this game allows in a week. You can write again on ${again}; your draft is kept.`;
  }
  return null;
}

/** Why a letter by this carrier may not go (the pace, or the friend in Moscow asked twice), or null. */
export function letterBar(
  sent: readonly SentLetter[],
  today: number,
  startDate: string,
  carrier: Carrier,
): string | null {
  const pace = letterPaceBar(sent, today, startDate);
  if (pace) return pace;
  if (carrier === "friend" && sent.some((l) => l.carrier === "friend")) return FRIEND_ONCE;
  return null;
}
