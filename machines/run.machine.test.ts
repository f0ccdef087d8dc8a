import { createActor, transition } from "xstate";
import { describe, expect, test } from "vitest";
import { runMachine } from "./run.machine";

describe("the run machine", () => {
  const start = () => {
    const actor = createActor(runMachine, { input: { horizonDay: 240, speedDaysPerMinute: 7 } });
    actor.start();
    return actor;
  };

  test("lobby → running ⇄ paused → debrief", () => {
    const run = start();
    run.send({ type: "run.start" });
    run.send({ type: "run.advance", toDay: 30 });
    run.send({ type: "run.pause" });
    expect(run.getSnapshot().value).toEqual({ live: "paused" });
    run.send({ type: "run.resume" });
    run.send({ type: "run.advance", toDay: 240 });
    expect(run.getSnapshot().value).toBe("debrief");
    expect(run.getSnapshot().context.simDay).toBe(240);
  });

  test.each([
    ["time cannot go backwards", { type: "run.advance", toDay: 10 } as const],
    ["time cannot pass the horizon", { type: "run.advance", toDay: 241 } as const],
    ["the speed stays within bounds", { type: "run.setSpeed", daysPerMinute: 0 } as const],
  ])("%s", (_label, event) => {
    const run = start();
    run.send({ type: "run.start" });
    run.send({ type: "run.advance", toDay: 20 });
    expect(run.getSnapshot().can(event)).toBe(false);
  });

  test("the clock does not run in the lobby, and a debrief is read-only", () => {
    const run = start();
    expect(run.getSnapshot().can({ type: "run.advance", toDay: 5 })).toBe(false);
    run.send({ type: "run.start" });
    run.send({ type: "run.end" });
    expect(run.getSnapshot().status).toBe("done");
    expect(run.getSnapshot().can({ type: "run.inject", eventId: "lists-arrive" })).toBe(false);
  });

  test("the pure transition function gives the same result as an actor", () => {
    const initial = runMachine.resolveState({
      value: { live: "running" },
      context: { horizonDay: 100, speedDaysPerMinute: 7, simDay: 5, injections: [] },
    });
    const [next] = transition(runMachine, initial, { type: "run.inject", eventId: "staff-cut" });
    expect(next.context.injections).toEqual(["staff-cut"]);
  });
});

describe("generated paths (@xstate/graph)", () => {
  test("every run state is reachable and the debrief is final", async () => {
    const { getShortestPaths } = await import("@xstate/graph");
    const paths = getShortestPaths(runMachine, {
      input: { horizonDay: 10, speedDaysPerMinute: 7 },
      // Injections pile up without end; a state is where the run is, its day and speed.
      serializeState: (state) => JSON.stringify([state.value, state.context.simDay, state.context.speedDaysPerMinute]),
      events: [
        { type: "run.start" },
        { type: "run.pause" },
        { type: "run.resume" },
        { type: "run.setSpeed", daysPerMinute: 14 },
        { type: "run.advance", toDay: 5 },
        { type: "run.advance", toDay: 10 },
        { type: "run.inject", eventId: "lists" },
        { type: "run.end" },
      ],
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect([...reached].sort()).toEqual(['"debrief"', '"lobby"', '{"live":"paused"}', '{"live":"running"}']);
    for (const p of paths) if (p.state.value === "debrief") expect(p.state.status).toBe("done");
  });
});
