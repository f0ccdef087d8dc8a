import type { HistoryEvent } from "@/lib/runs/history/history";
import { formatMetric } from "./debrief";

/** One side of the split: the class's district, or the rest of the province. */
export type SideFigures = { cases: number; decided: number; upheldShare: string; rehabilitated: number };

/**
 * The class's district (the cases on student procurators' desks) beside the
 * rest of the province (the computer's desks), from the run's events: how
 * many cases, how many the commission decided, the share of decisions that
 * upheld the sentence, and full rehabilitations. The class debrief shows both
 * beside the historical figures, so "your class upheld 43%" is the class's.
 */
export function districtSplit(
  events: readonly HistoryEvent[],
  caseCount: number,
  district: ReadonlySet<number>,
): { district: SideFigures; province: SideFigures } {
  const tally = () => ({ decided: new Set<number>(), decisions: 0, upheld: 0, rehabilitated: 0 });
  const sides = { district: tally(), province: tally() };
  for (const e of events) {
    if (e.event.type !== "review.decide") continue;
    const side = district.has(e.caseIndex) ? sides.district : sides.province;
    side.decided.add(e.caseIndex);
    side.decisions++;
    if (e.event.decision === "confirmRefusal") side.upheld++;
    if (e.event.decision === "fullRehabilitation") side.rehabilitated++;
  }
  const figures = (side: ReturnType<typeof tally>, cases: number): SideFigures => ({
    cases,
    decided: side.decided.size,
    upheldShare: formatMetric("upheldShare", side.decisions === 0 ? NaN : side.upheld / side.decisions),
    rehabilitated: side.rehabilitated,
  });
  return {
    district: figures(sides.district, district.size),
    province: figures(sides.province, caseCount - district.size),
  };
}
