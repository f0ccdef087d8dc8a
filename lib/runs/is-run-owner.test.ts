import { expect, test } from "vitest";
import { testClassRun, testInstructor } from "@/lib/testing/fixtures";
import { isRunOwner } from "./is-run-owner";

test("only the instructor who created a run owns it; a run that does not exist is nobody's", async () => {
  const owner = await testInstructor("Ms. Okafor");
  const other = await testInstructor("Dr. Levin");
  const created = await testClassRun(owner);
  expect(await isRunOwner(owner, created.runId)).toBe(true);
  expect(await isRunOwner(other, created.runId)).toBe(false);
  expect(await isRunOwner(owner, "no-such-run")).toBe(false);
});
