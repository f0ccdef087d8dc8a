import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { testClassRun, testInstructor } from "@/lib/testing/fixtures";
import type { SessionUser } from "@/lib/authz";
import { controlRun } from "@/lib/runs/console/control-run";
import { getSeatView } from "@/lib/runs/seat-view/get-seat-view";
import { joinRun } from "@/lib/runs/seats/join-run";
import { TICK_MS } from "@/lib/runs/policy";
import { seatCookieValue } from "@/lib/runs/seats/seat-access";
import { runStore } from "@/lib/runs/store/store";
import type { SeatAction } from "@/lib/runs/validation";
import type { CaseView } from "@/lib/runs/seat-view/views";
import { actOnCase } from "./act-on-case";
import { RECLASSIFIED_MAX_YEARS } from "./decisions";

// The same promise as available-actions.test.ts, through the real layers: the
// seat view a browser gets (getSeatView) and the command a button sends
// (actOnCase), on a live class run with its database, hours, letters' pace,
// a paused clock and an ended run.

let now = Date.now();
runStore.useClock(() => now);
let owner: SessionUser;

beforeEach(async () => {
  owner = await testInstructor("Ms. Okafor");
});

async function classRun() {
  const run = await testClassRun(owner, { seed: 11 });
  const seats = [];
  for (const name of ["Ana", "Ben"]) {
    const joined = await joinRun({ code: run.joinCode, name, requestId: randomUUID() }, `203.0.113.${seats.length}`);
    if (!joined.ok) throw new Error(joined.error.message);
    seats.push(seatCookieValue(joined.seatId, joined.token));
  }
  await controlRun(owner, run.runId, { action: "start" });
  return { runId: run.runId, cookies: seats };
}

type Candidate = { action: SeatAction; bar: string | null; letter?: string };

/** Everything the case card lets the student press, with the reason it is disabled (null if enabled). */
function candidates(c: CaseView): Candidate[] {
  const out: Candidate[] = [];
  for (const w of c.file?.work ?? []) out.push({ action: { type: w.type }, bar: w.bar });
  for (const m of c.file?.menu ?? []) {
    const justification = "The file holds a confession and nothing else.";
    const action: SeatAction =
      m.decision === "reclassification"
        ? {
            type: "review.decide",
            decision: m.decision,
            justification,
            toArticle: "109",
            newTermYears: Math.min(c.termYears, RECLASSIFIED_MAX_YEARS),
          }
        : m.decision === "sentenceReduction"
          ? { type: "review.decide", decision: m.decision, justification, newTermYears: c.termYears - 1 }
          : { type: "review.decide", decision: m.decision, justification };
    out.push({ action, bar: m.bar });
  }
  if (c.petition) {
    if (c.petition.spravkaFrom) out.push({ action: { type: "spravka.request" }, bar: null });
    if (c.petition.canWrite) {
      for (const carrier of ["self", "friend"] as const) {
        out.push({
          action: { type: "complaint.file", addressee: "kgb", grounds: "innocence", carrier, ask: "release" },
          bar: carrier === "friend" ? (c.petition.friendBar ?? c.petition.letterBar) : c.petition.letterBar,
          letter: "I ask you to review my case: I was convicted on a confession alone.",
        });
      }
    }
  }
  return out;
}

const act = (runId: string, cookie: string, c: CaseView, candidate: Candidate) =>
  actOnCase(runId, cookie, {
    requestId: randomUUID(),
    caseIndex: c.index,
    expectedVersion: c.version,
    action: candidate.action,
    ...(candidate.letter ? { letter: candidate.letter } : {}),
  });

async function cases(runId: string, cookie: string): Promise<CaseView[]> {
  const view = await getSeatView(runId, cookie);
  if (!view.ok) throw new Error(view.error.message);
  return view.view.cases;
}

describe("what a seat's view offers is what its commands accept", () => {
  test("day by day, every enabled button succeeds and every disabled one is refused with the reason it showed", async () => {
    const { runId, cookies } = await classRun();
    let enabled = 0;
    let disabled = 0;
    for (let day = 0; day < 120; day++) {
      now += TICK_MS;
      for (const cookie of cookies) {
        // Each press is made on a fresh view, as the live stream keeps a desk fresh (hours are the desk's, over all its files).
        for (let press = 0; press < 3; press++) {
          const shown = await cases(runId, cookie);
          // Barred first (they change nothing)...
          for (const c of shown) {
            for (const candidate of candidates(c).filter((k) => k.bar !== null)) {
              const result = await act(runId, cookie, c, candidate);
              disabled++;
              expect(result, JSON.stringify(candidate.action)).toMatchObject({
                ok: false,
                error: { message: candidate.bar },
              });
            }
          }
          // ...then the first enabled one anywhere on the desk (it changes the case, and maybe the day's hours).
          const c = shown.find((d) => candidates(d).some((k) => k.bar === null));
          if (!c) break;
          const go = candidates(c).find((k) => k.bar === null)!;
          const result = await act(runId, cookie, c, go);
          enabled++;
          expect(result.ok, `${JSON.stringify(go.action)}: ${result.ok ? "" : result.error.message}`).toBe(true);
        }
      }
    }
    expect(enabled).toBeGreaterThan(20);
    expect(disabled).toBeGreaterThan(20);

    // A paused clock and an ended run: whatever is still shown is refused with the reason shown, nothing else is.
    for (const step of [{ action: "pause" }, { action: "end" }] as const) {
      await controlRun(owner, runId, step);
      for (const cookie of cookies) {
        for (const c of await cases(runId, cookie)) {
          expect(c.file?.work ?? []).toEqual([]);
          expect(c.petition?.canWrite ?? false).toBe(false);
          for (const candidate of candidates(c)) {
            expect(candidate.bar).not.toBeNull();
            expect(await act(runId, cookie, c, candidate)).toMatchObject({
              ok: false,
              error: { message: candidate.bar },
            });
          }
        }
      }
    }
  }, 120_000);
});
