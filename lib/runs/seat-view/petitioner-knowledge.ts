import { ADDRESSEE_LABELS } from "@/lib/labels";
import type { CaseHistoryEntry } from "@/lib/sim/engine";
import type { Addressee, Custody, Outcome, SourceKey } from "@/machines/vocabulary";
import { RULES } from "@/machines/rules";

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
 * What a petitioner could actually know about their own case:
 * their own letters, the answers that came back, and a final decision — not
 * where the case sits inside the machine. A letter forwarded to the official
 * it accused, lost, registered or lying on a desk all look the same from
 * outside: no answer.
 */
/** What being free (or not) meant afterwards, from the person's custody and passport. */
export function afterwards(custody: Custody, passportMinus: boolean): string {
  if (custody === "exile") return " Exile goes on: ending it needs a separate decision.";
  if (custody === "released" && passportMinus) {
    return " The passport carries “minuses”: big cities are closed, and with the sentence standing there is no union card, no vote, no university.";
  }
  if (custody === "camp") return " Still in the camp.";
  return "";
}

/** The offices a rehabilitated person asked for the spravka, in order (RULES.noSpravka). */
export const SPRAVKA_OFFICES = [
  "the local MVD office",
  "the provincial procuracy",
  "the USSR General Procuracy",
] as const;

/** What the petitioner's own situation is, beyond the story: custody, passport, spravka requests so far. */
export type PetitionerStatus = { custody: Custody; passportMinus: boolean; spravkaRequests?: number };

type Story = readonly CaseHistoryEntry[];

/**
 * The outcome as the person lived it: the simulator counts a rehabilitation
 * whose spravka has not come as rehabilitated (RULES.noSpravka), but for the
 * person nothing is settled until the certificate is in their hands.
 */
export function petitionerOutcome(outcome: Outcome, path: string): Outcome {
  return path.startsWith("spravka.") ? "pending" : outcome;
}

export function petitionerKnowledge(
  history: Story,
  outcome: Outcome,
  path: string,
  now: number,
  status: PetitionerStatus = { custody: "camp", passportMinus: false },
): Knowledge {
  let lastLetter: { day: number; to: string; addressee: Addressee } | null = null;
  let lastReply: number | null = null;
  let lastSpravkaAsk: number | null = null;
  for (const { day, event } of history) {
    // Every letter the petitioner wrote, whether or not it moved anything: they cannot tell the difference.
    if (event.type === "complaint.file") {
      lastLetter = { day, to: ADDRESSEE_LABELS[event.addressee], addressee: event.addressee };
      lastReply = null;
    } else if (event.type === "complaint.formReply") {
      lastReply = day;
    } else if (event.type === "spravka.request") {
      lastSpravkaAsk = day;
    }
  }
  const since = (day: number) => Math.floor(now - day);
  // A release order the camp has not carried out (RULES.heldAfterRelease): decided, but nothing in hand yet.
  if (path === "heldAfterRelease") {
    return {
      headline: "Freed on paper, still held",
      detail:
        "The decision to free you has been made, but the camp has not let you go yet. In December 1954 the Procuracy reported prisoners already legally freed still held in the camps.",
      waitingDays: lastReply === null ? null : since(lastReply),
      source: RULES.heldAfterRelease.source,
    };
  }
  outcome = petitionerOutcome(outcome, path);
  if (outcome !== "pending") {
    const [headline, detail, source] = DECIDED[outcome];
    const after = outcome === "psychiatric" ? "" : afterwards(status.custody, status.passportMinus);
    return { headline, detail: detail + after, waitingDays: null, ...(source ? { source } : {}) };
  }
  if (path.startsWith("spravka.")) {
    const asked = status.spravkaRequests ?? 0;
    const next = SPRAVKA_OFFICES[asked];
    const then = next
      ? ` You can ask ${next}.`
      : " You have asked everyone there is to ask. Now there is only waiting.";
    if (asked > 0 && lastSpravkaAsk !== null) {
      return {
        headline: `You asked ${SPRAVKA_OFFICES[asked - 1]} for your spravka`,
        detail: `No certificate has come.${then}`,
        waitingDays: since(lastSpravkaAsk),
        source: "adler-ch3",
      };
    }
    return {
      headline: "You are cleared, but no spravka has come",
      detail: `You hold only a notice. Without the certificate you cannot prove you were cleared: no union card, no vote, no university.${then}`,
      waitingDays: null,
      source: "adler-ch3",
    };
  }
  if (lastReply !== null) {
    return {
      headline: "A form reply came",
      detail:
        "It says your complaint was received. It says nothing else. You may write again — elsewhere, or on other grounds.",
      waitingDays: since(lastReply),
      waitingOn: lastLetter?.addressee ?? null,
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

/**
 * From which simulated day the petitioner may ask the next office for the
 * spravka: a game rule, so the chain is not rushed in seconds — an office gets
 * the scenario's typical answering time first. Null before any request.
 */
export function nextSpravkaAskDay(history: Story, typicalWaitDays: number): number | null {
  const last = history.findLast((h) => !h.noted && h.event.type === "spravka.request");
  return last ? last.day + typicalWaitDays : null;
}

/**
 * A number that changes exactly when what the petitioner can know changes
 * (a letter written, something received) — never on hidden moves inside the
 * machine, so neither the page nor the timing of live updates gives them away.
 */
export function petitionerVersion(history: Story, outcome: Outcome, extrajudicial: boolean): number {
  const letters = history.filter((h) => h.event.type === "complaint.file").length;
  return letters + petitionerReceived(history, outcome, extrajudicial).length;
}

/** Something that reached the petitioner (or a request they made), for their timeline. */
export type Received = { day: number; title: string; text: string; source?: SourceKey; kind: "received" | "asked" };

/**
 * What came back to the petitioner and when: form replies, the court's notice
 * or the commission's decision, the spravka requests they made, a pardon, the
 * final decision. Letters that vanished leave no trace.
 */
/** What a prisoner was handed on release (brief §2, "Release"). */
const RELEASE_PAPERS =
  "A certificate of release, a kharakteristika (the camp's report on conduct), papers on trade and years of work, documents and belongings returned, a free ticket home, and food or money for the road.";

/** Outcomes that walked a prisoner out of the camp gate. */
const RELEASING: readonly Outcome[] = ["rehabilitated", "reclassified", "amnestied", "pardoned"];

export function petitionerReceived(
  history: Story,
  outcome: Outcome,
  extrajudicial = false,
  /** whether they were in a camp before the decision (only then are there release papers) */
  fromCamp = false,
): Received[] {
  const out: Received[] = [];
  let asked = 0;
  let released = false;
  let lastTo: Addressee | null = null;
  let decision: string | null = null;
  const releasePapers = (day: number) => {
    if (!fromCamp || released) return;
    released = true;
    out.push({ day, kind: "received", title: "Release papers", text: RELEASE_PAPERS, source: "adler-ch3" });
  };
  for (const { day, event, noted } of history) {
    if (noted) continue;
    if (event.type === "complaint.file") lastTo = event.addressee;
    else if (event.type === "review.decide") decision = event.decision;
    if (event.type === "complaint.formReply") {
      out.push({
        day,
        kind: "received",
        title: lastTo ? `A form reply from ${ADDRESSEE_LABELS[lastTo]}` : "A form reply",
        text: "Your complaint has been received. Nothing more.",
      });
    } else if (event.type === "court.rule" && event.ruling === "suspend" && decision === "fullRehabilitation") {
      out.push({
        day,
        kind: "received",
        title: "The court's notice",
        text: "The court has stopped the case against you: you are cleared and free to go. No spravka came with it — the certificate that proves it.",
        source: "adler-ch3",
      });
      releasePapers(day);
    } else if (extrajudicial && event.type === "review.decide" && event.decision === "fullRehabilitation") {
      out.push({
        day,
        kind: "received",
        title: "The commission's decision",
        text: "Your sentence is set aside: you are cleared and free to go. No spravka came with it — the certificate that proves it.",
        source: "adler-ch3",
      });
      releasePapers(day);
    } else if (event.type === "spravka.request") {
      out.push({
        day,
        kind: "asked",
        title: `You asked ${SPRAVKA_OFFICES[Math.min(asked, 2)]} for your spravka`,
        text: "A request for the certificate of rehabilitation.",
        source: "adler-ch3",
      });
      asked++;
    }
  }
  if (outcome !== "pending" && history.length > 0) {
    const [title, text, source] = DECIDED[outcome];
    const last = history.findLast((h) => !h.noted) ?? history.at(-1)!;
    out.push({ day: last.day, kind: "received", title, text, ...(source ? { source } : {}) });
    if (RELEASING.includes(outcome)) releasePapers(last.day);
  }
  return out;
}
