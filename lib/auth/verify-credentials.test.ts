import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createInstructor } from "@/lib/users/create-instructor";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_KEY, recordSignInAttempt, WINDOW_MS } from "./rate-limit";
import { verifyCredentials } from "./verify-credentials";

const email = "levin@university.edu";
const password = "lecture hall 120";

beforeEach(async () => {
  await db.signInAttempt.deleteMany();
  await db.user.deleteMany();
  await createInstructor({ name: "Dr. Levin", email, password });
});

describe("verifyCredentials", () => {
  test("accepts the right password, whatever the email's case", async () => {
    const result = await verifyCredentials({ email: "Levin@University.edu", password }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email, name: "Dr. Levin", role: "instructor" } });
  });

  test("gives the same answer for a wrong password and an unknown email", async () => {
    expect(await verifyCredentials({ email, password: "wrong password" }, "10.0.0.1")).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await verifyCredentials({ email: "nobody@school.org", password }, "10.0.0.1")).toEqual({
      ok: false,
      error: "invalid",
    });
  });

  test("refuses malformed input without counting it as a password guess", async () => {
    expect(await verifyCredentials({ email: 42, password: null }, "10.0.0.1")).toEqual({ ok: false, error: "invalid" });
    expect(await db.signInAttempt.count()).toBe(0);
  });

  test(`blocks an email + address after ${MAX_FAILURES_PER_KEY} failures, even with the right password`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_KEY; i++) {
      expect(await verifyCredentials({ email, password: `guess ${i} wrong` }, "10.0.0.1")).toMatchObject({ ok: false });
    }
    const blocked = await verifyCredentials({ email, password }, "10.0.0.1");
    expect(blocked).toMatchObject({ ok: false, error: "rate_limited" });
    if (!blocked.ok && blocked.error === "rate_limited") expect(blocked.retryAfterMs).toBeLessThanOrEqual(WINDOW_MS);
    // Another address is not blocked by someone else's guessing.
    expect(await verifyCredentials({ email, password }, "10.0.0.2")).toMatchObject({ ok: true });
  });

  test("a burst of parallel guesses is limited too (no gap between check and record)", async () => {
    const results = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_KEY + 5 }, (_, i) =>
        verifyCredentials({ email, password: `parallel guess ${i}` }, "10.0.0.9"),
      ),
    );
    expect(results.filter((r) => !r.ok && r.error === "rate_limited").length).toBeGreaterThanOrEqual(5);
    expect(await verifyCredentials({ email, password }, "10.0.0.9")).toMatchObject({ error: "rate_limited" });
  });

  test("a successful sign-in is recorded as a success and does not count against the limit", async () => {
    expect(await verifyCredentials({ email, password }, "10.0.0.1")).toMatchObject({ ok: true });
    expect(await db.signInAttempt.findMany({ select: { succeeded: true } })).toEqual([{ succeeded: true }]);
  });

  test("failures older than the window no longer count", async () => {
    const old = new Date(Date.now() - WINDOW_MS - 1000);
    for (let i = 0; i < MAX_FAILURES_PER_KEY; i++) await recordSignInAttempt(email, "10.0.0.1", false, old);
    expect(await verifyCredentials({ email, password }, "10.0.0.1")).toMatchObject({ ok: true });
  });

  test(`blocks an email from every address after ${MAX_FAILURES_PER_EMAIL} failures (forged addresses)`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await recordSignInAttempt(email, `203.0.113.${i}`, false);
    expect(await verifyCredentials({ email, password }, "198.51.100.1")).toMatchObject({
      ok: false,
      error: "rate_limited",
    });
  });
});
