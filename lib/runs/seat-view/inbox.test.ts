import { expect, test } from "vitest";
import type { CaseHistoryEntry } from "@/lib/sim/engine";
import { daysText } from "@/lib/runs/days-text";
import { arrivals, deskName, inbox, letterFates } from "./inbox";

const at = (day: number, type: string, extra: Record<string, unknown> = {}): CaseHistoryEntry =>
  ({ day, event: { type, ...extra }, ...(extra.noted ? { noted: true } : {}) }) as unknown as CaseHistoryEntry;
const file = (day: number, noted = false) =>
  at(day, "complaint.file", noted ? { addressee: "kgb", noted: true } : { addressee: "kgb" });

test("a letter reaches the commission when the machine registers it, or when the camp's list overtakes it", () => {
  expect(arrivals([file(1), at(15, "complaint.register")])).toEqual([15]);
  expect(arrivals([file(1), at(33, "lists.arrive"), at(41, "file.assemble")])).toEqual([33]);
});

test("a letter forwarded to the accused, lost or answered with a form never arrives; the next one may", () => {
  for (const astray of ["complaint.forwardToAccused", "complaint.lose", "complaint.formReply"]) {
    expect(arrivals([file(1), at(20, astray), file(30), at(45, "complaint.register")])).toEqual([null, 45]);
  }
  expect(arrivals([file(1)])).toEqual([null]); // still on its way
});

test("a letter the machine only noted joins the file if the case had reached the commission", () => {
  expect(arrivals([file(1), at(15, "complaint.register"), file(40, true)])).toEqual([15, 40]);
  expect(arrivals([file(1), file(5, true), at(20, "complaint.lose")])).toEqual([null, null]);
});

test("the inbox shows only arrived letters, the longest waiting first, with waits to the decision or today", () => {
  const read = (story: CaseHistoryEntry[]) => ({ story, lettersRead: 1 });
  const stories = new Map([
    [3, read([file(1), at(10, "complaint.register"), at(50, "review.decide", { decision: "confirmRefusal" })])],
    [7, read([file(2), at(20, "complaint.register")])],
    [9, read([file(2), at(12, "complaint.forwardToAccused")])],
  ]);
  const letters = [
    { caseIndex: 3, body: "answered", simDay: 1, seatNumber: 1 },
    { caseIndex: 7, body: "waiting", simDay: 2, seatNumber: 3 },
    { caseIndex: 9, body: "astray", simDay: 2, seatNumber: 4 },
  ];
  const shown = inbox(stories, letters, 60, "1954-06-01");
  expect(shown.map((l) => [l.body, l.waitedDays, l.answered])).toEqual([
    ["waiting", 40, false],
    ["answered", 40, true],
  ]);
  // Before it arrived, a letter is not there yet.
  expect(inbox(stories, letters, 15, "1954-06-01").map((l) => l.body)).toEqual(["answered"]);
});

test("a letter's words show only once the desk has read it, oldest arrival first", () => {
  // Three letters about one case: the first lost, the next two registered and noted.
  const story = [file(1), at(9, "complaint.lose"), file(12), at(20, "complaint.register"), file(30, true)];
  const letters = ["lost", "second", "third"].map((body, k) => ({
    caseIndex: 4,
    body,
    simDay: [1, 12, 30][k]!,
    seatNumber: 2,
  }));
  const bodies = (lettersRead: number) =>
    inbox(new Map([[4, { story, lettersRead }]]), letters, 40, "1954-06-01").map((l) => l.body);
  expect(bodies(0)).toEqual([null, null]);
  // The lost letter never arrived, so reading one letter reads the second written.
  expect(bodies(1)).toEqual(["second", null]);
  expect(bodies(2)).toEqual(["second", "third"]);
});

test("whose desk, as the viewing seat reads it: your own, a classmate's by name, or the computer's (no jargon)", () => {
  const you = { number: 1, displayName: "You" };
  const anna = { number: 2, displayName: "Anna" };
  expect(deskName(you, 1, true)).toBe("your desk");
  expect(deskName(you, 1, false)).toBe("your desk");
  expect(deskName(anna, 1, false)).toBe("Anna's desk (seat 2, a classmate)");
  // A solo run has no classmates.
  expect(deskName(anna, 1, true)).toBe("your desk");
  expect(deskName(undefined, 1, true)).toBe("another procurator's desk (played by the computer)");
  expect(deskName(undefined, 1, true)).not.toMatch(/computer desk/);
});

test("a letter's fate counts days in plain English: 1 day, 2 days", () => {
  const fates = letterFates(
    [file(1), at(10, "complaint.register"), at(11, "review.decide", { decision: "confirmRefusal" })],
    20,
    deskName(undefined, 1, true),
    "1954-06-01",
  );
  expect(fates[0]).toMatch(/waited 1 day on another procurator's desk \(played by the computer\) before a decision\./);
  expect(daysText(1)).toBe("1 day");
  expect(daysText(0)).toBe("0 days");
  expect(daysText(59)).toBe("59 days");
});
