import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { fail } from "@/lib/failure";
import { createInstructor, DUPLICATE_EMAIL_MESSAGE } from "./create-instructor";

const valid = { name: "Ada Okafor", email: "Ada.Okafor@School.org ", password: "a long enough password" };

beforeEach(async () => {
  await db.user.deleteMany();
});

describe("createInstructor", () => {
  test("stores a new instructor with a normalised email and a hashed password", async () => {
    const result = await createInstructor(valid);
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada.okafor@school.org" } });
    expect(user).toMatchObject({ name: "Ada Okafor", role: "instructor" });
    expect(user.passwordHash).not.toContain(valid.password);
  });

  test.each([
    [
      "a password shorter than 10 characters",
      { ...valid, password: "short1234" },
      "password",
      /at least 10 characters/,
    ],
    ["an invalid email", { ...valid, email: "not-an-email" }, "email", /valid email/],
    ["a missing email", { ...valid, email: "" }, "email", /Enter your email/],
    ["a blank name", { ...valid, name: "   " }, "name", /Enter your name/],
    ["a missing password", { name: valid.name, email: valid.email }, "password", /Choose a password/],
  ])("refuses %s with a message and stores nothing", async (_label, input, field, message) => {
    const result = await createInstructor(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors?.[field]).toMatch(message);
    expect(await db.user.count()).toBe(0);
  });

  test("refuses a duplicate email, whatever its case, and keeps the first account", async () => {
    await createInstructor(valid);
    const again = await createInstructor({ ...valid, name: "Someone Else", email: "ADA.OKAFOR@school.org" });
    expect(again).toEqual(fail("conflict", DUPLICATE_EMAIL_MESSAGE, { email: DUPLICATE_EMAIL_MESSAGE }));
    expect(await db.user.count()).toBe(1);
    expect((await db.user.findFirstOrThrow()).name).toBe("Ada Okafor");
  });
});
