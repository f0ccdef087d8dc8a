import { ADDRESSEE_LABELS } from "@/lib/labels";
import type { Distribution } from "@/lib/sim/distributions";
import type { Scenario } from "@/lib/sim/scenario-schema";
import type { Addressee, SourceKey } from "@/machines/vocabulary";

/** One claim of the explanation, with its source (or marked as the scenario's invention). */
export type Reason = { text: string; source: SourceKey | "invented" };

export function typicalDays(d: Distribution): number {
  if (d.kind === "fixed") return d.days;
  if (d.kind === "uniform") return (d.min + d.max) / 2;
  return d.median;
}

function sourceOf(scenario: Scenario, key: string): SourceKey | "invented" {
  return scenario.provenance[key]?.source ?? "invented";
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
      source: sourceOf(scenario, "institutions.complaintTransit"),
    },
    {
      text: `Of letters to ${ADDRESSEE_LABELS[addressee]}, this scenario registers about ${percent(r.register / total)} for review, sends ${percent(r.forwardToAccused / total)} on to the officials they complained about, loses ${percent(r.lose / total)} and answers ${percent(r.formReply / total)} with a form letter — for a letter sent by the camp post; one carried by a relative or a friend fares differently. Nobody told the writer which.`,
      source: sourceOf(scenario, "institutions.routing"),
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
      source: sourceOf(scenario, "institutions.spravkaIssueShare"),
    },
  ];
}
