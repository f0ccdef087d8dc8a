import { randomUUID } from "node:crypto";
import { beforeEach, expect, test } from "vitest";
import type { SessionUser } from "@/lib/authz";
import { hashString } from "@/lib/sim/rng";
import { testClassRun, testInstructor } from "@/lib/testing/fixtures";
import { readRunLog } from "@/lib/runs/history/run-history";
import { MESSAGE_MAX } from "@/lib/runs/policy";
import { getSeatView } from "@/lib/runs/seat-view/get-seat-view";
import { clockView } from "@/lib/runs/seat-view/views";
import { joinRun } from "@/lib/runs/seats/join-run";
import { seatCookieValue } from "@/lib/runs/seats/seat-access";
import { runStore } from "@/lib/runs/store/store";
import { controlRun } from "./control-run";

const now = Date.now();
runStore.useClock(() => now);
let owner: SessionUser;

beforeEach(async () => {
  owner = await testInstructor("Ms. Okafor");
});

async function control(runId: string, input: Record<string, unknown>) {
  const result = await controlRun(owner, runId, input);
  if (!result.ok) throw new Error(result.error.message);
}

const room = (runId: string) => runStore.read(runId, (run, _w, scenario) => clockView(run, scenario).room);
const worldHash = (runId: string) => runStore.read(runId, (_r, world) => hashString(JSON.stringify(world.save())));

test("a message, eyes up and the lesson timer reach every seat's screen, are logged, and leave the world alone", async () => {
  const run = await testClassRun(owner);
  const joined = await joinRun({ code: run.joinCode, name: "Ana", requestId: randomUUID() }, "203.0.113.1");
  if (!joined.ok) throw new Error(joined.error.message);
  const cookie = seatCookieValue(joined.seatId, joined.token);
  await control(run.runId, { action: "start" });
  const before = await worldHash(run.runId);

  await control(run.runId, { action: "message", text: "  Read your newest letter before you write again.  " });
  await control(run.runId, { action: "eyesUp", on: "yes" });
  await control(run.runId, { action: "lessonTimer", minutes: "12" });
  const seat = await getSeatView(run.runId, cookie);
  if (!seat.ok) throw new Error(seat.error.message);
  expect(seat.view.clock.room).toEqual({
    notice: { text: "Read your newest letter before you write again.", at: now },
    eyesUp: true,
    lessonEndsAt: now + 12 * 60_000,
  });
  await control(run.runId, { action: "eyesUp", on: "no" });
  await control(run.runId, { action: "lessonTimer", minutes: "0" });
  expect(await room(run.runId)).toMatchObject({ eyesUp: false, lessonEndsAt: null });
  expect(
    (await readRunLog(run.runId))
      .filter((e) => e.type.startsWith("run.") && e.actor === "instructor")
      .map((e) => e.type),
  ).toEqual(["run.start", "run.message", "run.eyesUp", "run.lessonTimer", "run.eyesUp", "run.lessonTimer"]);
  expect(await worldHash(run.runId)).toBe(before);
});

test("a blank or overlong message, or a timer past three hours, is refused with why and changes nothing", async () => {
  const run = await testClassRun(owner);
  await control(run.runId, { action: "start" });
  for (const [input, message] of [
    [{ action: "message", text: "   " }, "Write the message."],
    [{ action: "message", text: "x".repeat(MESSAGE_MAX + 1) }, /Keep the message to 200 characters/],
    [{ action: "lessonTimer", minutes: "181" }, /from 1 to 180/],
    [{ action: "lessonTimer", minutes: "soon" }, /from 1 to 180/],
  ] as const) {
    expect(await controlRun(owner, run.runId, input)).toMatchObject({ ok: false, error: { code: "invalid", message } });
  }
  expect(await room(run.runId)).toEqual({ notice: null, eyesUp: false, lessonEndsAt: null });
  // Once the run has ended, the screens show the debrief: no more messages, and eyes up is lifted.
  await control(run.runId, { action: "eyesUp", on: "yes" });
  await control(run.runId, { action: "end" });
  expect(await controlRun(owner, run.runId, { action: "message", text: "Hello" })).toMatchObject({
    ok: false,
    error: { code: "conflict" },
  });
  expect((await room(run.runId)).eyesUp).toBe(false);
});
