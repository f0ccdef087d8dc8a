import { ADDRESSEE_LABELS } from "@/lib/labels";
import type { Distribution } from "@/lib/sim/distributions";
import type { Scenario } from "@/lib/sim/scenario-schema";
import { RULES } from "@/machines/rules";
import type { Addressee, Outcome, SourceKey } from "@/machines/vocabulary";

/**
 * One claim of the explanation, with its source (or marked as the scenario's
 * invention; `basis` then names the source the invented figure was set from).
 */
export type Reason = { text: string; source: SourceKey | "invented"; basis?: SourceKey };

export function typicalDays(d: Distribution): number {
  if (d.kind === "fixed") return d.days;
  if (d.kind === "uniform") return (d.min + d.max) / 2;
  return d.median;
}

/**
 * Where a scenario parameter's *number* comes from. A provenance entry can
 * name a source for what the parameter models while its note says the value
 * itself is invented or calibrated ("the shares are invented"): then the
 * number is the game's, shown as invented and based on that source, never as
 * the source's own figure.
 */
export function numberSource(scenario: Scenario, key: string): Pick<Reason, "source" | "basis"> {
  const p = scenario.provenance[key];
  if (!p || p.source === "invented") return { source: "invented" };
  return /invented|calibrated/i.test(p.note) ? { source: "invented", basis: p.source } : { source: p.source };
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * "Why is nothing happening?": where a letter like this one typically was
 * after this long, in this scenario — from the addressee and the days waited
 * only, never from the case's own hidden state.
 */
export function whyNothingHappens(
  scenario: Scenario,
  addressee: Addressee | null,
  waitedDays: number | null,
): Reason[] {
  const i = scenario.institutions;
  if (addressee === null) {
    return [
      {
        text: "The May 19, 1954 decree told commissions to work from registered complaints. A case nobody complained about waited until the camp sent its list of prisoners — and many camps never did.",
        source: "adler-ch3",
      },
    ];
  }
  const transit = Math.round(typicalDays(i.complaintTransit));
  const r = i.routing[addressee];
  const total = r.register + r.forwardToAccused + r.lose + r.formReply;
  const reasons: Reason[] = [
    {
      text: `A letter took about ${transit} days through camp censorship and the post${waitedDays !== null && waitedDays < transit ? ", so yours may still be on its way" : ""}.`,
      ...numberSource(scenario, "institutions.complaintTransit"),
    },
    {
      text: "Complaints often went to the camp chiefs they accused, or to the Gulag MVD, which did not check them: in one region only 15% went to other departments; in Mordovia 24% “fell into this category”. Nobody told the writer where their letter went.",
      source: "adler-ch3",
    },
    {
      text: `In this scenario, of letters to ${ADDRESSEE_LABELS[addressee]} sent by the camp post, about ${percent(r.register / total)} are registered for review, ${percent(r.forwardToAccused / total)} sent on to the officials they complained about, ${percent(r.lose / total)} lost and ${percent(r.formReply / total)} answered with a form letter. A letter carried by a relative or a friend fares differently.`,
      ...numberSource(scenario, "institutions.routing"),
    },
    {
      text: "Even a registered complaint waited: for the camp's list of prisoners, for the file (often only copies, the originals in Moscow), and for a procurator with time to read it.",
      source: "adler-ch3",
    },
  ];
  return reasons;
}

/**
 * "Why is nothing happening?" while a rehabilitated person waits for the
 * spravka: the loop of offices, and this scenario's odds at each step.
 */
export function whyNoSpravka(scenario: Scenario, asked: number): Reason[] {
  const i = scenario.institutions;
  const share = i.spravkaIssueShare[Math.min(3, asked)]!;
  const wait = numberSource(scenario, "institutions.spravkaWait");
  const odds = numberSource(scenario, "institutions.spravkaIssueShare");
  return [
    {
      text: "In late 1955 courts were “not sending” spravki: many people cleared on paper held only the court's notice that their case was suspended, and the certificate was “a very long time in coming”. People asked the local MVD, then the provincial procuracy, then the USSR General Procuracy. The gap was in the system: asking again helped only a little.",
      source: "adler-ch3",
    },
    {
      text:
        asked === 0
          ? `In this scenario about ${percent(share)} of certificates are sent without anyone asking, after about ${Math.round(typicalDays(i.spravkaWait))} days.`
          : `In this scenario an answer takes about ${Math.round(typicalDays(i.spravkaWait))} days, and only about ${percent(share)} of requests at this step bring the certificate.`,
      // Both figures are in the sentence: it is sourced only if both are.
      ...(wait.source === "invented" ? { ...odds, source: "invented" as const } : odds),
    },
  ];
}

/**
 * "Why is nothing happening?" while a release order waits at the camp gate
 * (RULES.heldAfterRelease): the December 1954 report, and how long this
 * scenario's camps held people, which the sources do not give.
 */
export function whyHeldAfterRelease(scenario: Scenario): Reason[] {
  return [
    {
      text: "In December 1954 the RSFSR Procuracy reported prisoners already legally freed still held in the camps, and too few medical examinations for release on medical grounds.",
      source: RULES.heldAfterRelease.source,
    },
    {
      text: `In this scenario a camp sits on a release order for about ${Math.round(typicalDays(scenario.institutions.heldAfterRelease))} days. How long it really was is not recorded.`,
      ...numberSource(scenario, "institutions.heldAfterRelease"),
    },
  ];
}

/** The decisions that left the sentence standing: no spravka follows them (brief §2.6, §2.8). */
const NO_SPRAVKA_AFTER: Partial<Record<Outcome, string>> = {
  reclassified:
    "A reclassification changes the article, not the verdict: you were not cleared, so no spravka comes. The passport's “minuses” stay while the conviction stands.",
  reduced: "A shorter term is still a sentence: you were not cleared, so no spravka comes. You wait out the new term.",
  amnestied:
    "The amnesty freed you without clearing you: no spravka comes, and the passport's “minuses” stay while the conviction stands.",
  exileEnded:
    "Ending exile was a separate decision from clearing the sentence: no spravka comes, and the passport's “minuses” stay.",
  pardoned:
    "The Presidium's pardon came in stock words, “justifiably sentenced”, with no objection to rescinding: a pardon, not rehabilitation, so no spravka comes.",
};

/**
 * "Why is nothing happening?" once a decision has come: what the present
 * wait is (a rejection stands, a conviction stays without a spravka, the
 * Serbsky Institute), so the panel stays to the end of the run.
 */
export function whyAfterDecision(outcome: Exclude<Outcome, "pending">): Reason[] {
  switch (outcome) {
    case "rehabilitated":
      return [
        {
          text: "Nothing is left to wait for: the spravka is in your hands. In late 1955 many people cleared on paper were still waiting for theirs.",
          source: "adler-ch3",
        },
      ];
    case "upheld":
      return [
        {
          text: "The review is over and the sentence stands. Most reviews ended so: in Stalingrad in 1955 about three in four complaints were rejected, in Chita 37% of cases.",
          source: "adler-ch3",
        },
        {
          text: "Procurators were told not to weaken the struggle against “real enemies of the Soviet state”, and an acquittal stigmatised the agency that had made the arrest.",
          source: RULES.pressure.source,
        },
        {
          text: "Nothing more will come in this run. People wrote again, to Moscow; answers took months (Barkhanov waited nine, with a friend's help).",
          source: "adler-ch3",
        },
      ];
    case "psychiatric":
      return [
        {
          text: "A court could rescind a sentence and send the person to forensic psychiatric examination at the Serbsky Institute instead of freeing them, as it did Butov in October 1955.",
          source: RULES.courtRulings.source,
        },
      ];
    default:
      return [{ text: NO_SPRAVKA_AFTER[outcome]!, source: "adler-ch3" }];
  }
}
