import { beforeEach, describe, expect, test, vi } from "vitest";
import { closeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { signedInSession } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sessionId?: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));

const { AccessDenied, getSessionUser, requireInstructor, requireInstructorPage } = await import("./authz");

beforeEach(async () => {
  session.current = null;
  await db.user.deleteMany();
});

async function makeUser(role = "instructor") {
  return db.user.create({ data: { name: "Ms. Okafor", email: `okafor-${role}@school.org`, passwordHash: "x", role } });
}

describe("authorization", () => {
  test("an anonymous request is refused as unauthenticated", async () => {
    await expect(requireInstructor()).rejects.toEqual(new AccessDenied("unauthenticated"));
  });

  test("a session whose account was deleted is refused", async () => {
    const user = await makeUser();
    session.current = await signedInSession(user.id);
    await db.user.delete({ where: { id: user.id } });
    expect(await getSessionUser()).toBeNull();
    await expect(requireInstructor()).rejects.toBeInstanceOf(AccessDenied);
  });

  test("an account without the instructor role is refused as forbidden", async () => {
    const user = await makeUser("student");
    session.current = await signedInSession(user.id);
    await expect(requireInstructor()).rejects.toEqual(new AccessDenied("forbidden"));
    await expect(requireInstructorPage("/runs")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  test("a session that was closed (signed out, or a password change) is refused, even with its cookie", async () => {
    const user = await makeUser();
    session.current = await signedInSession(user.id);
    expect(await getSessionUser()).not.toBeNull();
    await closeSession(session.current.user.sessionId!);
    await expect(requireInstructor()).rejects.toEqual(new AccessDenied("unauthenticated"));
  });

  test("a cookie without a session, or naming another teacher's session, is refused", async () => {
    const user = await makeUser();
    const stranger = await db.user.create({
      data: { name: "Dr. Levin", email: "levin@school.org", passwordHash: "x" },
    });
    session.current = { user: { id: user.id } };
    expect(await getSessionUser()).toBeNull();
    session.current = { user: { id: user.id, sessionId: (await signedInSession(stranger.id)).user.sessionId } };
    expect(await getSessionUser()).toBeNull();
  });

  test("a signed-in instructor is let through, with details read from the database", async () => {
    const user = await makeUser();
    session.current = await signedInSession(user.id);
    expect(await requireInstructor()).toEqual({
      id: user.id,
      name: "Ms. Okafor",
      email: "okafor-instructor@school.org",
      role: "instructor",
    });
  });

  test("a protected page sends an anonymous visitor to sign in and back", async () => {
    await expect(requireInstructorPage("/runs")).rejects.toMatchObject({
      digest: expect.stringContaining("/login?callbackUrl=%2Fruns"),
    });
  });
});
