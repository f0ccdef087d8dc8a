import { ADDRESSEE_LABELS } from "@/lib/labels";
import type { CaseEvent } from "@/machines/case-setup";
import type { Addressee, Custody, Outcome, SourceKey } from "@/machines/vocabulary";

export type Knowledge = {
  /** what the petitioner knows, in a line */
  headline: string;
  /** a sentence more */
  detail: string;
  /** days since the last thing the petitioner did or received (null if nothing yet) */
  waitingDays: number | null;
  source?: SourceKey;
  /** whom the last letter went to, while no answer has come (for "why is nothing happening?") */
  waitingOn?: Addressee | null;
};

const DECIDED: Record<Exclude<Outcome, "pending">, [headline: string, detail: string, source?: SourceKey]> = {
  rehabilitated: [
    "Rehabilitated: the spravka is in your hands",
    "The certificate says the sentence was unjust. Your record is cleared.",
    "adler-ch3",
  ],
  reclassified: [
    "Your crime was reclassified",
    "The review changed the article of your conviction; your sentence changes with it.",
    "adler-ch3",
  ],
  reduced: ["Your sentence was reduced", "You are still a convict, with a shorter term.", "adler-ch3"],
  amnestied: [
    "Released under the March 1953 amnesty",
    "The review found that the amnesty covers your sentence. You are free; the conviction stands.",
    "adler-ch3",
  ],
  exileEnded: ["Your exile was ended", "You may leave the place of exile.", "adler-ch3"],
  upheld: ["Your complaint was rejected", "The sentence stands.", "adler-ch3"],
  pardoned: [
    "Free, but not rehabilitated",
    "The Presidium's answer: you were \u201cjustifiably sentenced\u201d, but the Procuracy \u201cdoes not object\u201d to rescinding the sentence.",
    "adler-ch3",
  ],
  psychiatric: [
    "Sent for psychiatric examination",
    "Your sentence was rescinded, but instead of release you were sent to the Serbsky Institute.",
    "adler-ch3",
  ],
};

/**
 * What a petitioner could actually know about their own case (issue #5):
 * their own letters, the answers that came back, and a final decision — not
 * where the case sits inside the machine. A letter forwarded to the official
 * it accused, lost, registered or lying on a desk all look the same from
 * outside: no answer.
 */
/** What being free (or not) meant afterwards, from the person's custody and passport. */
export function afterwards(custody: Custody, passportMinus: boolean): string {
  if (custody === "exile") return " Exile goes on: ending it needs a separate decision.";
  if (custody === "released" && passportMinus) {
    return " Your passport carries “minuses”: big cities are closed to you, and with the sentence standing there is no union card, no vote, no university.";
  }
  if (custody === "camp") return " You are still in the camp.";
  return "";
}

export function petitionerKnowledge(
  history: readonly { day: number; event: CaseEvent }[],
  outcome: Outcome,
  path: string,
  now: number,
  status: { custody: Custody; passportMinus: boolean } = { custody: "camp", passportMinus: false },
): Knowledge {
  let lastLetter: { day: number; to: string; addressee: Addressee } | null = null;
  let lastReply: number | null = null;
  for (const { day, event } of history) {
    if (event.type === "complaint.file") {
      lastLetter = { day, to: ADDRESSEE_LABELS[event.addressee], addressee: event.addressee };
      lastReply = null;
    } else if (event.type === "complaint.formReply") {
      lastReply = day;
    }
  }
  const since = (day: number) => Math.floor(now - day);
  if (outcome !== "pending") {
    const [headline, detail, source] = DECIDED[outcome];
    const after = outcome === "psychiatric" ? "" : afterwards(status.custody, status.passportMinus);
    return { headline, detail: detail + after, waitingDays: null, ...(source ? { source } : {}) };
  }
  if (path.startsWith("spravka.")) {
    return {
      headline: "The court suspended your case, but no spravka has come",
      detail:
        "You hold only the court's notice. Without the certificate you cannot prove you were cleared: ask again, and wait.",
      waitingDays: null,
      source: "adler-ch3",
    };
  }
  if (lastReply !== null) {
    return {
      headline: "A form reply came",
      detail: "It says your complaint was received. It says nothing else.",
      waitingDays: since(lastReply),
    };
  }
  if (lastLetter) {
    return {
      headline: `You wrote to ${lastLetter.to}`,
      detail: "No answer has come. You cannot know where your letter is.",
      waitingDays: since(lastLetter.day),
      waitingOn: lastLetter.addressee,
    };
  }
  return {
    headline: "You have not written yet",
    detail: "Nobody reviews a case that nobody asks about.",
    waitingDays: null,
    waitingOn: null,
  };
}

/** Something that reached the petitioner, for their timeline. */
export type Received = { day: number; title: string; text: string; source?: SourceKey };

/**
 * What came back to the petitioner and when: form replies, the court's notice,
 * the spravka, a pardon, the final decision. Letters that vanished leave no trace.
 */
export function petitionerReceived(
  history: readonly { day: number; event: CaseEvent }[],
  outcome: Outcome,
): Received[] {
  const out: Received[] = [];
  for (const { day, event } of history) {
    if (event.type === "complaint.formReply") {
      out.push({ day, title: "A form reply", text: "Your complaint has been received. Nothing more." });
    } else if (event.type === "court.rule" && event.ruling === "suspend") {
      out.push({
        day,
        title: "The court's notice",
        text: "The case is suspended. No spravka came with it.",
        source: "adler-ch3",
      });
    }
  }
  if (outcome !== "pending" && history.length > 0) {
    const [title, text, source] = DECIDED[outcome];
    out.push({ day: history[history.length - 1]!.day, title, text, ...(source ? { source } : {}) });
  }
  return out;
}
