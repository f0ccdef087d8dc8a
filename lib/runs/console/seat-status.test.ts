import { expect, test } from "vitest";
import { SEAT_HELD_FOR_MS } from "@/lib/runs/policy";
import { collidingNames, IDLE_AFTER_MS, seatStatus } from "./seat-status";

const now = 10_000_000;

test("a student is active, idle after a few minutes without acting, offline once their browser is gone", () => {
  expect(seatStatus({ now, lastSeenAt: now, lastActiveAt: now - 1000, running: true }).text).toBe("Active");
  expect(seatStatus({ now, lastSeenAt: now, lastActiveAt: now - IDLE_AFTER_MS - 5 * 60_000, running: true })).toEqual({
    kind: "idle",
    text: "Idle for 8 min",
  });
  // With the clock paused nobody is idle: the class is listening.
  expect(seatStatus({ now, lastSeenAt: now, lastActiveAt: 0, running: false }).kind).toBe("active");
  expect(seatStatus({ now, lastSeenAt: now - SEAT_HELD_FOR_MS - 120_000, lastActiveAt: now, running: true }).kind).toBe(
    "offline",
  );
});

test("a procurator's status says what holds them up", () => {
  const status = seatStatus({
    now,
    lastSeenAt: now,
    lastActiveAt: now,
    running: true,
    procurator: { hoursLeft: 0, unreadLetters: 2 },
  });
  expect(status.text).toBe("Active · out of hours today · 2 unread letters");
});

test("names alike are marked on every seat that has one", () => {
  const marks = collidingNames([
    { number: 1, key: "alex" },
    { number: 2, key: "sam" },
    { number: 3, key: "alex" },
  ]);
  expect(Object.fromEntries(marks)).toEqual({ 1: [3], 3: [1] });
});
