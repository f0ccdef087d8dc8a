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

/**
 * What a person in this position could try next: the app's voice, not the
 * period's, with its source. `game`: a sentence about what this game does
 * (not history), shown apart and labelled as the game's own rule.
 */
export type NextStep = { text: string; source: SourceKey; game?: string };

/** Writing again, higher up (brief §2.1 side channel, §2.2 routing; role card 4), as people did after an answer they could not accept. */
const WRITE_HIGHER =
  "People wrote again, higher: to the USSR General Procuracy in Moscow, or to the Presidium of the Supreme Soviet.";

/**
 * In this game a final decision ends the review: the later appeals people
 * made are history, but the game does not play them (a game rule, not a source's).
 */
const NOT_PLAYED = "This game does not play those later appeals: for you, the review ends here.";

/** What the sources say about the grounds that weighed in a review (PETITION_EFFECTS.noEvidenceReview). */
const FACTS_NOT_STAMPS =
  "Reviews were told to weigh facts, not stamps and signatures: a forced confession, or handwriting experts alone, were found to be no proof.";

const DECIDED: Record<
  Exclude<Outcome, "pending">,
  [headline: string, detail: string, source: SourceKey, nextStep: NextStep]
> = {
  rehabilitated: [
    "Rehabilitated: the spravka is in your hands",
    "The certificate says the sentence was unjust. Your record is cleared.",
    "adler-ch3",
    {
      text: "There is nothing left to ask for. Keep the spravka safe: it is what opens a union card, the vote and a university place again.",
      source: "adler-ch3",
    },
  ],
  reclassified: [
    "Your crime was reclassified",
    "The review changed the article of your conviction; your sentence changes with it.",
    "adler-ch3",
    {
      text: `You are out of the camp, but the conviction stands, so the passport keeps its “minuses”. ${WRITE_HIGHER} Answers took months, and most brought nothing.`,
      source: "adler-ch3",
      game: NOT_PLAYED,
    },
  ],
  reduced: [
    "Your sentence was reduced",
    "You are still a convict, with a shorter term.",
    "adler-ch3",
    {
      text: `${WRITE_HIGHER} A relative could carry the letter. ${FACTS_NOT_STAMPS} Most such appeals changed nothing.`,
      source: "adler-ch3",
      game: NOT_PLAYED,
    },
  ],
  amnestied: [
    "Released under the March 1953 amnesty",
    "The review found that the amnesty covers your sentence. You are free; the conviction stands.",
    "adler-ch3",
    {
      text: `An amnesty frees; it does not clear a name, so no spravka comes with it. ${WRITE_HIGHER} Some waited until the late 1980s to be rehabilitated.`,
      source: "adler-ch3",
      game: NOT_PLAYED,
    },
  ],
  exileEnded: [
    "Your exile was ended",
    "You may leave the place of exile.",
    "adler-ch3",
    {
      text: "You may leave, but while the sentence stands the passport's “minuses” close the big cities: Barkhanov, freed from exile, asked to live with his wife 150 km from Leningrad. To clear the sentence itself, people wrote to Moscow again.",
      source: "adler-ch3",
    },
  ],
  upheld: [
    "Your complaint was rejected",
    "Your complaint has been examined. No grounds were found to change the sentence. The sentence stands.",
    "adler-ch3",
    {
      text: `Historically, a rejection was not always the end. ${WRITE_HIGHER} One man left out of the amnesty was told to “go to the Presidium”, and his sentence was eventually revoked. ${FACTS_NOT_STAMPS} Most appeals failed again: in Balashov 51 of 79 were rejected.`,
      source: "adler-ch3",
      game: NOT_PLAYED,
    },
  ],
  pardoned: [
    "Free, but not rehabilitated",
    "The Presidium's answer: you were \u201cjustifiably sentenced\u201d, but the Procuracy \u201cdoes not object\u201d to rescinding the sentence.",
    "adler-ch3",
    {
      text: "A pardon is mercy, not a finding of innocence: no spravka comes with it. To be cleared, people wrote to the USSR General Procuracy; some waited until the late 1980s.",
      source: "adler-ch3",
    },
  ],
  psychiatric: [
    "Sent for psychiatric examination",
    "Your sentence was rescinded, but instead of release you were sent to the Serbsky Institute.",
    "adler-ch3",
    {
      text: "The sources do not say what a person sent to the Serbsky Institute could do next: for Butov, the record stops here.",
      source: "adler-ch3",
    },
  ],
};

/** After a form reply (brief §2.1–2.2; role card 12). */
const AFTER_FORM_REPLY: NextStep = {
  text: "A form reply means the letter went no further. Write again: to another office, or on other grounds. The provincial procuracy ran the review commission, which was told to work from the complaints it received; the camp's own office often passed complaints to the very officials they accused. A relative can post the letter from home, outside the camp's post.",
  source: "adler-ch3",
};

/** Cleared on paper, no certificate (brief §2.8, §7: a gap in the system, not a reward for persistence). */
const ASK_FOR_SPRAVKA: NextStep = {
  text: "Ask for the spravka: people went first to the local MVD, then the provincial procuracy, then the USSR General Procuracy. In late 1955 courts were “not sending” spravki, and asking again helped only a little.",
  source: "adler-ch3",
};

/** After asking office k for the spravka: the next one in the loop, or nobody (RULES.noSpravka). */
function afterSpravkaAsk(asked: number): NextStep {
  const next = SPRAVKA_OFFICES[asked + 1];
  return next
    ? {
        text: `Give the office time to answer. If nothing comes, ask ${next}.`,
        source: "adler-ch3",
      }
    : {
        text: "There is no one higher to ask. The certificate could be “a very long time in coming”: the gap was in the system, not in how often people asked.",
        source: "adler-ch3",
      };
}

/** Release papers free a person; they do not clear the name (brief §2.7). */
const AFTER_RELEASE: NextStep = {
  text: "These papers free you; they do not clear your name. You can travel home on the free ticket, or stay on and work at the camp for wages, as some did.",
  source: "adler-ch3",
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
 * The outcome as the person lived it: only a case that has reached its final
 * state. The simulator counts a rehabilitation whose spravka has not come as
 * rehabilitated (RULES.noSpravka), and a release order the camp has not
 * carried out by its decision (RULES.heldAfterRelease); for the person neither
 * is settled: nothing is in their hands until the camp lets them go and, for a
 * rehabilitation, the certificate comes.
 */
export function petitionerOutcome(outcome: Outcome, path: string): Outcome {
  return path.split(".")[0] === outcome ? outcome : "pending";
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
    return { headline, detail: detail + after, waitingDays: null, source };
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
    detail: "Nobody reviews a case that nobody asks about. The spravka in your hands is possible, but not likely.",
    source: "adler-ch3",
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
export type Received = {
  day: number;
  title: string;
  /** what came back, in the period's wording (composed for the game) */
  text: string;
  source?: SourceKey;
  kind: "received" | "asked";
  /** what a person in this position could try next, in the app's voice */
  nextStep: NextStep;
};

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
    out.push({
      day,
      kind: "received",
      title: "Release papers",
      text: RELEASE_PAPERS,
      source: "adler-ch3",
      nextStep: AFTER_RELEASE,
    });
  };
  // "The spravka is in your hands" only once it was issued, whatever outcome the caller passes.
  if (outcome === "rehabilitated" && !history.some((h) => !h.noted && h.event.type === "spravka.issue")) {
    outcome = "pending";
  }
  for (const { day, event, noted } of history) {
    if (noted) continue;
    if (event.type === "complaint.file") lastTo = event.addressee;
    // The camp lets the person go: only now are the release papers in their hands (RULES.heldAfterRelease).
    if (event.type === "release.leaveCamp") releasePapers(day);
    else if (event.type === "review.decide") decision = event.decision;
    if (event.type === "complaint.formReply") {
      out.push({
        day,
        kind: "received",
        title: lastTo ? `A form reply from ${ADDRESSEE_LABELS[lastTo]}` : "A form reply",
        text: "Your complaint has been received. Nothing more.",
        nextStep: AFTER_FORM_REPLY,
      });
    } else if (event.type === "court.rule" && event.ruling === "suspend" && decision === "fullRehabilitation") {
      out.push({
        day,
        kind: "received",
        title: "The court's notice",
        text: "The court has stopped the case against you: you are cleared and free to go. No spravka came with it — the certificate that proves it.",
        source: "adler-ch3",
        nextStep: ASK_FOR_SPRAVKA,
      });
    } else if (extrajudicial && event.type === "review.decide" && event.decision === "fullRehabilitation") {
      out.push({
        day,
        kind: "received",
        title: "The commission's decision",
        text: "Your sentence is set aside: you are cleared and free to go. No spravka came with it — the certificate that proves it.",
        source: "adler-ch3",
        nextStep: ASK_FOR_SPRAVKA,
      });
    } else if (event.type === "spravka.request") {
      out.push({
        day,
        kind: "asked",
        title: `You asked ${SPRAVKA_OFFICES[Math.min(asked, 2)]} for your spravka`,
        text: "A request for the certificate of rehabilitation.",
        source: "adler-ch3",
        nextStep: afterSpravkaAsk(Math.min(asked, 2)),
      });
      asked++;
    }
  }
  if (outcome !== "pending" && history.length > 0) {
    const [title, text, source, nextStep] = DECIDED[outcome];
    const last = history.findLast((h) => !h.noted) ?? history.at(-1)!;
    out.push({ day: last.day, kind: "received", title, text, source, nextStep });
    // Without a release.leaveCamp in the story (a pardon frees at once), the papers come with the decision.
    if (RELEASING.includes(outcome)) releasePapers(last.day);
  }
  return out;
}
