import { changePasswordSchema } from "@/lib/auth/validation";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signedInSession } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sessionId: string } } }));
const signIns = vi.hoisted(() => [] as unknown[]);
vi.mock("@/lib/auth", () => ({
  auth: async () => session.current,
  signIn: async (...args: unknown[]) => signIns.push(args),
}));

const { changePasswordAction } = await import("./actions");

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

let userId: string;
beforeEach(async () => {
  session.current = null;
  signIns.length = 0;
  await db.user.deleteMany();
  const user = await db.user.create({
    data: { name: "Ms. Okafor", email: "okafor@school.org", passwordHash: await hashPassword("first password 1") },
  });
  userId = user.id;
});

async function storedHash() {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;
}

describe("changePasswordAction", () => {
  test("an anonymous request is refused on the server and changes nothing", async () => {
    const before = await storedHash();
    const state = await changePasswordAction(
      {},
      form({ currentPassword: "first password 1", newPassword: "hijacked password" }),
    );
    expect(state.error?.message).toMatch(/Sign in again/);
    expect(await storedHash()).toBe(before);
    expect(signIns).toEqual([]);
  });

  test("a wrong current password is refused with a message and changes nothing", async () => {
    session.current = await signedInSession(userId);
    const before = await storedHash();
    const state = await changePasswordAction(
      {},
      form({ currentPassword: "not my password", newPassword: "new password 22" }),
    );
    expect(state.error?.fieldErrors?.currentPassword).toMatch(/not your current password/);
    expect(await storedHash()).toBe(before);
  });

  test("a megabyte-long current password is refused by validation, before any hashing, and changes nothing", async () => {
    session.current = await signedInSession(userId);
    const before = await storedHash();
    const huge = { currentPassword: "x".repeat(1024 * 1024), newPassword: "new password 22" };
    expect(changePasswordSchema.safeParse(huge).success).toBe(false);
    const state = await changePasswordAction({}, form(huge));
    expect(state.error?.fieldErrors?.currentPassword).toMatch(/not your current password/);
    expect(await storedHash()).toBe(before);
  });

  test("a too-short new password is refused with a message and changes nothing", async () => {
    session.current = await signedInSession(userId);
    const before = await storedHash();
    const state = await changePasswordAction({}, form({ currentPassword: "first password 1", newPassword: "short" }));
    expect(state.error?.fieldErrors?.newPassword).toMatch(/at least 10 characters/);
    expect(await storedHash()).toBe(before);
  });

  test("the signed-in instructor can change their own password", async () => {
    session.current = await signedInSession(userId);
    const otherBrowser = await signedInSession(userId);
    const state = await changePasswordAction(
      {},
      form({ currentPassword: "first password 1", newPassword: "second password 2" }),
    );
    expect(state).toEqual({});
    expect(await verifyPassword("second password 2", await storedHash())).toBe(true);
    // Every session ends, on every browser (this one is signed in again below, with the new password).
    expect(await db.instructorSession.findUnique({ where: { id: otherBrowser.user.sessionId } })).toBeNull();
    expect(await db.instructorSession.count({ where: { userId } })).toBe(0);
    expect(signIns.at(-1)).toEqual([
      "credentials",
      { email: "okafor@school.org", password: "second password 2", redirectTo: "/account?changed=1" },
    ]);
  });
});
