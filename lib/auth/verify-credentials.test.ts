import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createInstructor } from "@/lib/users/create-instructor";
import {
  recordSignInAttempt,
  SIGN_IN_SLOWDOWN_MS,
  SIGN_IN_WINDOW_MS,
  signInLanes,
  WRONG_PASSWORDS_PER_EMAIL,
  WRONG_PASSWORDS_PER_EMAIL_AND_ADDRESS,
} from "./rate-limit";
import { verifyCredentials } from "./verify-credentials";

const email = "levin@university.edu";
const password = "lecture hall 120";

/** Every hold a lane asked for; nothing actually waits unless a test says so. */
let holds: number[] = [];
beforeEach(async () => {
  holds = [];
  signInLanes.useSleep(async (ms) => {
    holds.push(ms);
  });
  await db.signInAttempt.deleteMany();
  await db.user.deleteMany();
  await createInstructor({ name: "Dr. Levin", email, password });
});

afterEach(() => signInLanes.useSleep((ms) => new Promise((resolve) => setTimeout(resolve, ms))));

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

  test(`past ${WRONG_PASSWORDS_PER_EMAIL_AND_ADDRESS} wrong passwords from one address, wrong ones are held; the right one still signs in at once`, async () => {
    for (let i = 0; i < WRONG_PASSWORDS_PER_EMAIL_AND_ADDRESS + 2; i++) {
      expect(await verifyCredentials({ email, password: `guess ${i} wrong` }, "10.0.0.1")).toEqual({
        ok: false,
        error: "invalid",
      });
    }
    expect(holds).toEqual([SIGN_IN_SLOWDOWN_MS, SIGN_IN_SLOWDOWN_MS]);
    expect(await verifyCredentials({ email, password }, "10.0.0.1")).toMatchObject({ ok: true });
    expect(holds).toHaveLength(2);
  });

  test("a teacher's right password works after 100 failed attempts by others, from anywhere", async () => {
    for (let i = 0; i < 100; i++) await recordSignInAttempt(email, `203.0.113.${i}`, false);
    for (let i = 0; i < 100; i++) await recordSignInAttempt(email, "198.51.100.7", false);
    expect(await verifyCredentials({ email, password }, "192.0.2.30")).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email, password }, "198.51.100.7")).toMatchObject({ ok: true });
    expect(holds).toEqual([]);
  });

  test(`past ${WRONG_PASSWORDS_PER_EMAIL} wrong passwords for an email from all addresses, a wrong one from a new address is held too`, async () => {
    for (let i = 0; i < WRONG_PASSWORDS_PER_EMAIL; i++) await recordSignInAttempt(email, `203.0.113.${i}`, false);
    expect(await verifyCredentials({ email, password: "yet another guess" }, "198.51.100.1")).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(holds).toEqual([SIGN_IN_SLOWDOWN_MS]);
  });

  test("parallel guesses queue in their lane; a crowd beyond the lane's room is turned away unchecked", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    signInLanes.useSleep(() => gate);
    for (let i = 0; i < WRONG_PASSWORDS_PER_EMAIL_AND_ADDRESS; i++) await recordSignInAttempt(email, "10.0.0.9", false);
    const burst = Array.from({ length: 15 }, (_, i) =>
      verifyCredentials({ email, password: `parallel guess ${i}` }, "10.0.0.9"),
    );
    // All fifteen arrive together: ten find room in the lane (held after each wrong answer), five do not.
    release();
    const results = await Promise.all(burst);
    expect(results.filter((r) => !r.ok && r.error === "rate_limited")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error === "invalid")).toHaveLength(10);
  });

  test("a successful sign-in is recorded as a success and does not count against the budgets", async () => {
    expect(await verifyCredentials({ email, password }, "10.0.0.1")).toMatchObject({ ok: true });
    expect(await db.signInAttempt.findMany({ select: { succeeded: true } })).toEqual([{ succeeded: true }]);
  });

  test("failures older than the window no longer count", async () => {
    const old = new Date(Date.now() - SIGN_IN_WINDOW_MS - 1000);
    for (let i = 0; i < 2 * WRONG_PASSWORDS_PER_EMAIL; i++) await recordSignInAttempt(email, "10.0.0.1", false, old);
    expect(await verifyCredentials({ email, password: "wrong again" }, "10.0.0.1")).toMatchObject({ ok: false });
    expect(holds).toEqual([]);
  });
});
