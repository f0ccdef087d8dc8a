import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { failureResponse } from "@/lib/failure";
import { applyControl, controlRun } from "@/lib/runs/console/control-run";
import { createRun } from "@/lib/runs/console/create-run";
import { startSoloRun } from "@/lib/runs/console/solo";
import { getSharedDebrief } from "@/lib/runs/seat-view/shared-debrief";
import { seatDesk } from "@/lib/runs/seat-view/get-seat-view";
import { joinRun } from "./join-run";
import { seatCookieValue } from "./seat-access";
import { shareDebrief, type ShareResult } from "./share-link";

const address = () => `203.0.113.${randomUUID()}`;

async function soloRun(role: "petitioner" | "procurator", seed = 5) {
  const started = await startSoloRun({ scenarioId: "tomsk-1955", role, seed }, address());
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  const seat = await db.seat.findUniqueOrThrow({ where: { id: started.seatId } });
  return { ...started, cookie: seatCookieValue(started.seatId, started.token), seat };
}

async function end(runId: string) {
  const ended = await applyControl(runId, { action: "end" });
  if (!ended.ok) throw new Error(JSON.stringify(ended.error));
}

function refusal(result: ShareResult) {
  if (result.ok) throw new Error("expected a refusal");
  return { code: result.error.code, status: failureResponse(result.error).status };
}

function token(result: ShareResult): string {
  if (!result.ok || !result.token) throw new Error(`expected a token: ${JSON.stringify(result)}`);
  return result.token;
}

describe("a read-only link to a self-guided run's debrief", () => {
  test("only once the run has ended, only by its seat's browser; the same link each time, never a code", async () => {
    const run = await soloRun("petitioner");
    expect(refusal(await shareDebrief(run.runId, run.cookie, { action: "create" }))).toEqual({
      code: "forbidden",
      status: 403,
    });
    await end(run.runId);
    expect(refusal(await shareDebrief(run.runId, undefined, { action: "create" })).status).toBe(403);
    const other = await soloRun("petitioner", 6);
    expect(refusal(await shareDebrief(run.runId, other.cookie, { action: "create" })).status).toBe(403);
    expect(refusal(await shareDebrief(run.runId, run.cookie, { action: "share" })).status).toBe(400);

    const first = token(await shareDebrief(run.runId, run.cookie, { action: "create" }));
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first).not.toContain(run.token);
    expect(first).not.toContain(run.seat.rejoinCode);
    expect(token(await shareDebrief(run.runId, run.cookie, { action: "create" }))).toBe(first);
  });

  test("a class's seat cannot share its run, even once it has ended", async () => {
    const teacher = await db.user.create({
      data: { name: "Ms. Okafor", email: `okafor-${randomUUID()}@school.org`, passwordHash: "x", role: "instructor" },
    });
    const user = { id: teacher.id, name: teacher.name, email: teacher.email, role: "instructor" as const };
    const created = await createRun(user, {
      title: "Period 3",
      scenarioId: "tomsk-1955",
      procuratorSeats: 0,
      petitionerSeats: 1,
      speed: 60,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const joined = await joinRun({ code: created.joinCode, name: "Sam", requestId: `req-${randomUUID()}` }, address());
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
    expect((await controlRun(user, created.runId, { action: "start" })).ok).toBe(true);
    expect((await controlRun(user, created.runId, { action: "end" })).ok).toBe(true);
    const cookie = seatCookieValue(joined.seatId, joined.token);
    expect(refusal(await shareDebrief(created.runId, cookie, { action: "create" })).status).toBe(403);
    expect(await db.seat.count({ where: { runId: created.runId, shareToken: { not: null } } })).toBe(0);
  });

  test("the shared page shows the debrief and nothing of the seat; a withdrawn or unknown link shows nothing", async () => {
    const run = await soloRun("petitioner", 7);
    await applyControl(run.runId, { action: "jump", toDate: "1956-01-01" });
    await end(run.runId);
    const link = token(await shareDebrief(run.runId, run.cookie, { action: "create" }));
    const shared = await getSharedDebrief(link);
    expect(shared).not.toBeNull();
    expect(shared!.role).toBe("petitioner");
    expect(shared!.protocols).toBeNull();
    expect(shared!.reveal?.cases).toHaveLength(1);
    const [timeline] = shared!.personal.timelines;
    expect(timeline!.waits.reduce((n, w) => n + w.days, 0)).toBe(timeline!.totalDays);
    expect(shared!.personal.cite).toMatchObject({ seed: expect.any(Number), scenarioTitle: expect.any(String) });
    // Never the seat's codes, its token or the run's code.
    const text = JSON.stringify(shared);
    const runRow = await db.run.findUniqueOrThrow({ where: { id: run.runId } });
    for (const secret of [run.seat.rejoinCode, run.token, runRow.joinCode ?? "no code"]) {
      expect(text).not.toContain(secret);
    }
    // The seat's own debrief matches.
    const desk = await seatDesk(run.runId, { ...run.seat, role: "petitioner" });
    expect(desk.view.personal?.timelines).toEqual(shared!.personal.timelines);

    expect(await shareDebrief(run.runId, run.cookie, { action: "withdraw" })).toEqual({ ok: true, token: null });
    expect(await getSharedDebrief(link)).toBeNull();
    const again = token(await shareDebrief(run.runId, run.cookie, { action: "create" }));
    expect(again).not.toBe(link);
    expect(await getSharedDebrief("x".repeat(32))).toBeNull();
    expect(await getSharedDebrief("../../etc/passwd")).toBeNull();
  });

  test("a procurator's shared debrief lists their decisions (none here) and their desk's reveal", async () => {
    const run = await soloRun("procurator", 8);
    await end(run.runId);
    const shared = await getSharedDebrief(token(await shareDebrief(run.runId, run.cookie, { action: "create" })));
    expect(shared!.role).toBe("procurator");
    expect(shared!.protocols).toEqual([]);
    expect(shared!.reveal?.desk).toBeDefined();
    expect(shared!.personal.timelines.length).toBeGreaterThan(0);
  });

  test("a seat's view carries its personal debrief only once a self-guided run has ended", async () => {
    const run = await soloRun("petitioner", 9);
    const seat = { ...run.seat, role: "petitioner" as const };
    expect((await seatDesk(run.runId, seat)).view.personal).toBeUndefined();
    await end(run.runId);
    expect((await seatDesk(run.runId, seat)).view.personal?.timelines).toHaveLength(1);
  });
});
