/**
 * How long cases wait, counting the ones still waiting.
 *
 * A median over decided cases only rises when more cases are decided (the
 * quick ones were decided anyway; the extra ones are the long waits), which
 * tells a class the opposite of what happened. The Kaplan–Meier estimate
 * treats a case still waiting at the end of the run as "waited at least this
 * long", so deciding more cases can only bring the estimate down. When fewer
 * than half (or 90%) were decided, the quantile is not reached: we report
 * "more than N days" with N the longest wait observed.
 */
export type Waits = {
  /** Days by which half the cases were decided, or null when not reached (see medianAtLeast). */
  median: number | null;
  /** Days by which 90% were decided, or null when not reached (see p90AtLeast). */
  p90: number | null;
  /** When median is null: every case waited at least this long so far, and more than half still wait. */
  medianAtLeast: number | null;
  p90AtLeast: number | null;
  decided: number;
  /** Cases still waiting at the end (censored). */
  waiting: number;
};

/**
 * Kaplan–Meier quantiles of waits. `decided` holds the waits of cases that
 * were decided, `waiting` the waits so far of cases still undecided. At equal
 * times decisions count before the still-waiting, as usual. Arrays may be
 * sorted in place.
 */
export function kaplanMeier(decided: Float64Array, waiting: Float64Array): Waits {
  decided.sort();
  waiting.sort();
  let atRisk = decided.length + waiting.length;
  let survival = 1;
  let median: number | null = null;
  let p90: number | null = null;
  let d = 0;
  let w = 0;
  while (d < decided.length && p90 === null) {
    const t = decided[d]!;
    // Cases still waiting with a shorter wait leave the risk set first.
    while (w < waiting.length && waiting[w]! < t) {
      atRisk--;
      w++;
    }
    let events = 0;
    while (d < decided.length && decided[d] === t) {
      events++;
      d++;
    }
    survival *= 1 - events / atRisk;
    atRisk -= events;
    if (median === null && survival <= 0.5 + 1e-12) median = round1(t);
    if (p90 === null && survival <= 0.1 + 1e-12) p90 = round1(t);
  }
  const longest = Math.max(decided.at(-1) ?? 0, waiting.at(-1) ?? 0);
  const total = decided.length + waiting.length;
  return {
    median,
    p90,
    medianAtLeast: median === null && total > 0 ? round1(longest) : null,
    p90AtLeast: p90 === null && total > 0 ? round1(longest) : null,
    decided: decided.length,
    waiting: waiting.length,
  };
}

/** "61 days", or "more than 240 days" when fewer than half were decided, or "—" with no cases. */
export function describeWait(waits: Waits, which: "median" | "p90" = "median"): string {
  const value = which === "median" ? waits.median : waits.p90;
  const atLeast = which === "median" ? waits.medianAtLeast : waits.p90AtLeast;
  if (value !== null) return `${Math.round(value)} days`;
  if (atLeast !== null) return `more than ${Math.round(atLeast)} days`;
  return "—";
}

/** "90% were decided within 200 days", or "fewer than 90% were decided in the 240 days" when not reached. */
export function describeShareDecided(waits: Waits, which: "median" | "p90"): string {
  const share = which === "median" ? "half" : "90%";
  const value = which === "median" ? waits.median : waits.p90;
  const atLeast = which === "median" ? waits.medianAtLeast : waits.p90AtLeast;
  if (value !== null) return `${share} were decided within ${Math.round(value)} days`;
  if (atLeast !== null) return `fewer than ${share} were decided in ${Math.round(atLeast)} days`;
  return "no case has come up yet";
}

/** The figure to compare or chart: the quantile, or its lower bound when not reached. */
export function waitAtLeast(waits: Waits, which: "median" | "p90" = "median"): number | null {
  return which === "median" ? (waits.median ?? waits.medianAtLeast) : (waits.p90 ?? waits.p90AtLeast);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
