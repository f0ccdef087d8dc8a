import type { RunResult } from "@/lib/sim/engine";
import { commissionDecisions, metric, releasedCases } from "@/lib/sim/metrics";
import type { CompareMetric, Scenario } from "@/lib/sim/scenario-schema";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { deepMerge } from "@/lib/sim/scenarios/define";
import { describeWait } from "@/lib/sim/survival";
import type { SourceKey } from "@/machines/vocabulary";
import { RunReplay, type ReplayEntry } from "@/lib/runs/history/history";

/** What each figure means, and how to print it. */
const METRICS: Record<CompareMetric, { what: string; format: "share" | "count" | "days" }> = {
  upheldShare: { what: "Decisions that upheld the sentence", format: "share" },
  rehabilitatedShare: { what: "Decisions of full rehabilitation", format: "share" },
  reducedShare: { what: "Decisions that reduced the sentence", format: "share" },
  amnestiedShare: { what: "Decisions applying the 1953 amnesty (directly or by reclassifying)", format: "share" },
  exileEndedShare: { what: "Decisions ending exile", format: "share" },
  rehabilitatedPersonsShare: { what: "People fully rehabilitated, of those reviewed", format: "share" },
  decidedCases: { what: "Cases the commission decided", format: "count" },
  decidedPersons: { what: "People whose cases the commission decided", format: "count" },
  upheldCases: { what: "Cases upheld", format: "count" },
  notUpheldCases: { what: "Cases not upheld (found illegal or changed)", format: "count" },
  rehabilitatedCases: { what: "Cases fully rehabilitated", format: "count" },
  rehabilitatedPersons: { what: "People fully rehabilitated", format: "count" },
  reducedCases: { what: "Cases with the sentence reduced", format: "count" },
  amnestiedCases: { what: "Cases brought under the 1953 amnesty", format: "count" },
  exileEndedCases: { what: "Cases with exile ended", format: "count" },
  stalledAtListsCases: { what: "Cases still waiting for a camp's list", format: "count" },
  releasedCases: { what: "Cases released", format: "count" },
  decidedShare: { what: "Cases decided", format: "share" },
  pardonedCases: { what: "Pardons by the RSFSR Presidium", format: "count" },
  forwardedToAccusedShare: { what: "Complaints sent to the accused", format: "share" },
  spravkaIssuedShare: { what: "Spravki issued of those due", format: "share" },
  medianDaysToDecision: { what: "Median days to a decision", format: "days" },
};

export function formatMetric(name: CompareMetric, value: number): string {
  const { format } = METRICS[name];
  if (!Number.isFinite(value)) return "none yet";
  // (+1e-9: 0.565 is 56.4999… in binary, and the sources say 57%)
  if (format === "share") return `${Math.round(value * 100 + 1e-9)}%`;
  if (format === "days") return `${Math.round(value)} days`;
  return Math.round(value).toLocaleString("en");
}

export type ComparisonRow = {
  metric: CompareMetric;
  what: string;
  yours: string;
  history: { place: string; label: string; value: string; source: SourceKey; here: boolean }[];
};

/**
 * The class's figures beside the historical ones: every figure
 * this scenario's sources give, then the same figure from the other
 * provinces, so "your commission upheld 52%" sits beside Chita's 37% and
 * Stalingrad's three-quarters — each with its source.
 */
export function historicalComparison(result: RunResult, scenario: Scenario): ComparisonRow[] {
  const metrics = new Set<CompareMetric>(["upheldShare", "rehabilitatedShare"]);
  for (const c of scenario.compare) metrics.add(c.metric);
  return [...metrics].map((name) => ({
    metric: name,
    what: METRICS[name].what,
    yours: formatMetric(name, metric(result, name)),
    history: SCENARIOS.flatMap((s) =>
      s.compare
        // Another province's count is its size, not a practice to set beside the class's: shares only.
        .filter((c) => c.metric === name && (s.id === scenario.id || METRICS[name].format !== "count"))
        .map((c) => ({
          place: s.title,
          label: c.label,
          value: formatMetric(name, c.value),
          source: c.source as SourceKey,
          here: s.id === scenario.id,
        })),
    ).sort((a, b) => Number(b.here) - Number(a.here)),
  }));
}

/** One thing changed in the class's own run (the debrief's what-if). Directions from the sources; sizes invented. */
export const WHAT_IFS = [
  {
    id: "listsOnTime",
    label: "The camps send their lists on time",
    note: "Every camp's list arrives within five days, so cases come before the commission without waiting for a letter (relatives still write, and the Presidium can still pardon). More cases decided; but each waits longer once known, as more queue for the same clerks and desks.",
    patch: (s: Scenario) =>
      deepMerge(s, { institutions: { listsWithheldShare: 0, listDelay: { kind: "fixed", days: 5 } } }),
  },
  {
    id: "twiceTheStaff",
    label: "Twice the staff",
    note: "Twice as many procurators and clerks as the province had. Where files waited for a clerk or a desk (Tomsk, the big dockets), more are decided and sooner; where they waited for lists, the archive or a court, little changes.",
    patch: (s: Scenario) =>
      deepMerge(s, {
        desks: { procurators: s.desks.procurators * 2 },
        institutions: { fileClerks: s.institutions.fileClerks * 2 },
      }),
  },
  {
    id: "noPressure",
    label: "No pressure from above",
    note: "Procurators no longer fear to acquit: refusals are confirmed half as often, so more are rehabilitated, reduced or amnestied. The pace of the work does not change.",
    patch: (s: Scenario) => deepMerge(s, { policy: { bias: s.policy.bias * 0.5 } }),
  },
  {
    id: "spravkiIssued",
    label: "Every spravka issued",
    note: "Offices send the certificate at once, within a week, instead of mostly not at all: no one is left with only the court's notice.",
    patch: (s: Scenario) =>
      deepMerge(s, {
        institutions: { spravkaIssueShare: [1, 1, 1, 1], spravkaWait: { kind: "fixed", days: 7 } },
      }),
  },
] as const;
export type WhatIfId = (typeof WHAT_IFS)[number]["id"];

export type KeyFigures = {
  decided: number;
  rehabilitated: number;
  upheldShare: string;
  released: number;
  medianDays: string;
  spravkaIssued: number;
};

export function keyFigures(r: RunResult): KeyFigures {
  return {
    decided: commissionDecisions(r),
    rehabilitated: r.decisions.fullRehabilitation.cases,
    upheldShare: formatMetric("upheldShare", metric(r, "upheldShare")),
    released: releasedCases(r),
    medianDays: describeWait(r.daysFromStart),
    spravkaIssued: r.spravka.issued,
  };
}

export const KEY_FIGURE_LABELS: Record<keyof KeyFigures, string> = {
  decided: "Cases the commission decided",
  rehabilitated: "Fully rehabilitated (cases)",
  upheldShare: "Decisions that upheld the sentence",
  released: "Cases released",
  medianDays: "Median wait for a decision, from the start (cases still waiting count)",
  spravkaIssued: "Spravki issued",
};

/**
 * The class's run again with one thing changed: the same scenario, seed and
 * logged student actions, replayed on the changed world (actions that cannot
 * happen there are counted and left out).
 */
export function whatIf(
  scenario: Scenario,
  seed: number,
  entries: readonly ReplayEntry[],
  untilDay: number,
  id: WhatIfId,
): { figures: KeyFigures; skipped: number } {
  const change = WHAT_IFS.find((w) => w.id === id)!;
  const replay = new RunReplay(change.patch(scenario), seed, { whatIf: true }).extend(entries, untilDay);
  return { figures: keyFigures(replay.world.result(seed)), skipped: replay.skipped };
}
