import { dayNumber } from "@/lib/sim/engine";
import type { Effect, Scenario } from "@/lib/sim/scenario-schema";
import { historicalDateLabel, historicalDay } from "@/lib/sim/historical-date";
import type { SourceKey } from "@/machines/vocabulary";

/**
 * Events an instructor can inject into a live run, each a real
 * event of 1954–56 with its source. `effects` says what it changes in the
 * engine, from the run's parameters at that moment; the sizes are this game's
 * (labelled so in `sizeSource`), the direction is the source's. `news` is the
 * one line every seat is told.
 */
export type Injection = {
  id: string;
  /** as precise as the source: "1955", "1955-05", "1954-09-24" or "1956-02-24/25" (lib/sim/historical-date.ts) */
  date: string;
  title: string;
  news: string;
  effectNote: string;
  source: SourceKey;
  sizeSource: SourceKey | "invented";
  effects: (params: Scenario) => Effect[];
};

export const INJECTIONS: readonly Injection[] = [
  {
    id: "exile-order",
    date: "1954-04-24",
    title: "The MVD–Procuracy order on exiles (24 April 1954)",
    news: "An order from Moscow: people exiled for counter-revolution with terms of up to five years are to be freed from exile.",
    effectNote: "Commissions end exile half as often again.",
    source: "adler-ch3",
    sizeSource: "invented",
    effects: () => [{ scale: "policy.decisions.endExile", by: 1.5 }],
  },
  {
    id: "reclassification-ruling",
    date: "1954-09-24",
    title: "The reclassification ruling (24 September 1954)",
    news: "The RSFSR Supreme Court rules that some 58-7 and 58-11 cases belong under art. 109 — within reach of the 1953 amnesty.",
    effectNote:
      "From now on commissions may reclassify 58-7/11 cases as art. 109, which brings the 1953 amnesty into reach; no other article.",
    source: "adler-ch3",
    sizeSource: "adler-ch3",
    effects: () => [{ set: "policy.reclassificationLaw", value: true }],
  },
  {
    id: "staff-cut",
    date: "1954",
    title: "A Procuracy staff cut",
    // The source's "reduced in size three times" may mean threefold or three cuts (brief §7): say which reading this is.
    news: "The Procuracy's staff is cut to a third, while the work grows. Files will wait longer for a procurator. (The source says “reduced in size three times”: a cut to a third, or three cuts — the words allow both.)",
    effectNote:
      "The province's procurators (the computer's desks) fall to a third — the game's reading of “reduced in size three times”, which may also mean three cuts of unknown size; students' own desks keep their hours.",
    source: "adler-ch3",
    sizeSource: "adler-ch3",
    effects: (p) => [{ set: "desks.procurators", value: Math.max(1, Math.round(p.desks.procurators / 3)) }],
  },
  {
    id: "lists-arrive",
    date: "1954",
    title: "The camps send their lists",
    news: "The camps' lists of prisoners arrive at last: cases can be checked against them.",
    effectNote: "Every camp's list arrives now; cases waiting for one move on.",
    source: "adler-ch3",
    sizeSource: "adler-ch3",
    effects: () => [{ action: "sendAllLists" }],
  },
  {
    id: "moscow-inspection",
    date: "1955",
    title: "An inspection from Moscow",
    news: "Inspectors from Moscow arrive to see how the commission works. Procurators are told to decide on the facts.",
    effectNote: "Commissions confirm refusals a fifth less often.",
    source: "adler-ch3",
    sizeSource: "invented",
    effects: () => [{ scale: "policy.bias", by: 0.8 }],
  },
  {
    id: "law-degree-decree",
    date: "1955-05",
    title: "The law-degree decree (May 1955)",
    news: "From now on new procurators must have a law degree.",
    effectNote:
      "News only: the decree was for new procurators, and no one is hired in a run, so no desk decides differently.",
    source: "adler-ch3",
    sizeSource: "adler-ch3",
    effects: () => [],
  },
  {
    id: "collaborators-amnesty",
    date: "1955-09",
    title: "The September 1955 amnesty",
    news: "An amnesty for those accused of collaborating with the occupiers during the war.",
    effectNote: "Commissions may now amnesty 58-1 (collaboration) cases whatever the term; no other article.",
    source: "adler-ch3",
    sizeSource: "adler-ch3",
    effects: () => [{ set: "policy.collaboratorsAmnesty", value: true }],
  },
  {
    id: "twentieth-congress",
    date: "1956-02-24/25",
    title: "Khrushchev's speech to the XX Congress (February 1956)",
    news: "Khrushchev denounces Stalin's crimes in a secret speech. Rehabilitation speeds up.",
    effectNote: "Commissions confirm refusals half as often and rehabilitate two and a half times as often.",
    source: "17moments",
    sizeSource: "invented",
    effects: () => [
      { scale: "policy.bias", by: 0.5 },
      { scale: "policy.decisions.fullRehabilitation", by: 2.5 },
    ],
  },
];

export const INJECTION_IDS = INJECTIONS.map((i) => i.id) as [string, ...string[]];

export function findInjection(id: string): Injection | undefined {
  return INJECTIONS.find((i) => i.id === id);
}

/**
 * Whether injecting an event at this point of a run would put it before its
 * historical date: allowed only as a labelled what-if (counterfactual). A
 * year alone counts from 1 January, a month alone from its 1st.
 */
export function injectionIsEarly(date: string, startDate: string, simDay: number): boolean {
  return dayNumber(historicalDay(date)) > dayNumber(startDate) + Math.floor(simDay);
}

/** "24 September 1954", "May 1955", or "1955": at the precision the sources give. */
export { historicalDateLabel };
