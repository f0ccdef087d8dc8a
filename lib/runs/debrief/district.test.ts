import { expect, test } from "vitest";
import type { HistoryEvent } from "@/lib/runs/history/history";
import { districtSplit } from "./district";

const decide = (caseIndex: number, decision: string): HistoryEvent =>
  ({ caseIndex, day: 10, actor: "system", event: { type: "review.decide", decision } }) as HistoryEvent;

test("the district's decisions are counted apart from the province's", () => {
  const events = [
    decide(1, "confirmRefusal"),
    decide(2, "fullRehabilitation"),
    decide(5, "confirmRefusal"),
    decide(6, "confirmRefusal"),
    decide(7, "fullRehabilitation"),
    { caseIndex: 3, day: 2, actor: "seat:1", event: { type: "complaint.register" } } as HistoryEvent,
  ];
  expect(districtSplit(events, 100, new Set([1, 2, 3]))).toEqual({
    district: { cases: 3, decided: 2, upheldShare: "50%", rehabilitated: 1 },
    province: { cases: 97, decided: 3, upheldShare: "67%", rehabilitated: 1 },
  });
  expect(districtSplit([], 10, new Set([1])).district.upheldShare).toBe("none yet");
});
