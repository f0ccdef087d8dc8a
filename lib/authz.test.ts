import { beforeEach, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sessionVersion?: number } } }));
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
    session.current = { user: { id: user.id } };
    await db.user.delete({ where: { id: user.id } });
    expect(await getSessionUser()).toBeNull();
    await expect(requireInstructor()).rejects.toBeInstanceOf(AccessDenied);
  });

  test("an account without the instructor role is refused as forbidden", async () => {
    const user = await makeUser("student");
    session.current = { user: { id: user.id } };
    await expect(requireInstructor()).rejects.toEqual(new AccessDenied("forbidden"));
    await expect(requireInstructorPage("/runs")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  test("a session from before a password change is refused", async () => {
    const user = await makeUser();
    session.current = { user: { id: user.id, sessionVersion: 0 } };
    expect(await getSessionUser()).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    session.current = { user: { id: user.id, sessionVersion: 0 } };
    await expect(requireInstructor()).rejects.toEqual(new AccessDenied("unauthenticated"));
  });

  test("a signed-in instructor is let through, with details read from the database", async () => {
    const user = await makeUser();
    session.current = { user: { id: user.id } };
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
