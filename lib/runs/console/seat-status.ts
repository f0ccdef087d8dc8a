import { SEAT_HELD_FOR_MS } from "@/lib/runs/policy";

/** A student who has not acted for this long is idle (a choice about a lesson's pace, not history). */
export const IDLE_AFTER_MS = 3 * 60 * 1000;

/** What the teacher needs to know about one student now, for the seat list and the presenter's strip. */
export type SeatStatus = {
  kind: "active" | "idle" | "offline";
  /** "Active", "Idle for 5 min", "Offline for 2 min", with "out of hours today" or unread letters after it */
  text: string;
};

const minutes = (ms: number) => Math.max(1, Math.floor(ms / 60_000));

/**
 * A seat's status from when its browser was last seen (the live stream
 * says so every few seconds), when it last acted (or joined), and for a
 * procurator its hours left today and unread letters.
 */
export function seatStatus(input: {
  now: number;
  lastSeenAt: number;
  /** the seat's latest action, or when it joined if it has not acted */
  lastActiveAt: number;
  running: boolean;
  procurator?: { hoursLeft: number; unreadLetters: number };
}): SeatStatus {
  const { now, lastSeenAt, lastActiveAt, running, procurator } = input;
  const notes: string[] = [];
  if (procurator && running && procurator.hoursLeft <= 0) notes.push("out of hours today");
  if (procurator && procurator.unreadLetters > 0) {
    notes.push(`${procurator.unreadLetters} unread ${procurator.unreadLetters === 1 ? "letter" : "letters"}`);
  }
  const tail = notes.length > 0 ? ` · ${notes.join(" · ")}` : "";
  if (now - lastSeenAt > SEAT_HELD_FOR_MS) {
    return { kind: "offline", text: `Offline for ${minutes(now - lastSeenAt)} min${tail}` };
  }
  if (running && now - lastActiveAt > IDLE_AFTER_MS) {
    return { kind: "idle", text: `Idle for ${minutes(now - lastActiveAt)} min${tail}` };
  }
  return { kind: "active", text: `Active${tail}` };
}

/** Seat numbers whose display names a class would mix up with another seat's (see nameKey). */
export function collidingNames(seats: readonly { number: number; key: string }[]): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  for (const s of seats) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.number]);
  const out = new Map<number, number[]>();
  for (const numbers of byKey.values()) {
    if (numbers.length < 2) continue;
    for (const n of numbers)
      out.set(
        n,
        numbers.filter((m) => m !== n),
      );
  }
  return out;
}
