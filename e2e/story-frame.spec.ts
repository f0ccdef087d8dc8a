import { e2eDb, expect, expectNoAxeViolations, joinAs, test } from "./fixtures";

/**
 * A 1954 class run that the teacher opens with the March 1953 amnesty and
 * closes with February 1956: the prologue on the student's seat (about their
 * own case once it is dealt, with the sources' conflicting totals), the
 * epilogue on the seat and in the teacher's debrief once the run ends.
 */
test("a 1954 run with a prologue and an epilogue: 1953 on every seat, 1956 at the end", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(120_000);
  await teacher.goto("/runs/new");
  await teacher.getByLabel("Title").fill("Before and after");
  await teacher.getByLabel("Scenario").selectOption("rostov-1954");
  await teacher.getByLabel("Procurator seats").fill("1");
  await teacher.getByLabel("Petitioner seats").fill("1");
  await teacher.getByLabel("Open with the March 1953 amnesty").check();
  await teacher.getByLabel("End with February 1956").check();
  await teacher.getByLabel("The computer helps").check();
  await teacher.getByText("More settings").click();
  await teacher.getByLabel("Seed (optional)").fill("12");
  await teacher.getByRole("button", { name: "Create the run and open the lobby" }).click();
  await expect(teacher.getByRole("heading", { name: "Before and after" })).toBeVisible();
  await expect(teacher.getByText("Every seat opens with a prologue on the March 1953 amnesty.")).toBeVisible();
  const runId = teacher.url().split("/").at(-1)!;
  // Every box the teacher ticked reached the run.
  const row = e2eDb().prepare("SELECT prologue, epilogue, computerHelps FROM Run WHERE id = ?").get(runId);
  expect(row).toEqual({ prologue: 1, epilogue: 1, computerHelps: 1 });

  const petitioner = await joinAs(browser, teacher, "Lena", "Seat 1: Petitioner");
  const student = await joinAs(browser, teacher, "Mark", "Seat 2: Procurator");
  const prologue = petitioner.getByRole("region", { name: "Prologue: the amnesty of March 1953" });
  await expect(prologue).toBeVisible();
  // The totals the sources disagree about, side by side, each linked to the conflict.
  await expect(
    prologue.getByRole("link", { name: /Why — How many people the March 1953 amnesty freed/ }),
  ).toBeVisible();

  await expect(
    student.getByRole("region", { name: "Prologue: the amnesty of March 1953" }).getByRole("heading", {
      name: "Your desk",
    }),
  ).toBeVisible();

  // Once the clock starts the prologue folds away (the desk comes first); unfolded, it speaks of the case dealt.
  await teacher.getByRole("button", { name: "Start the run" }).click();
  await expect(petitioner.getByText("The clock is running")).toBeVisible();
  const caseLine = prologue.getByText(/^Case \d+: \d+ years? under article 58/);
  await expect(caseLine).toHaveCount(1);
  await expect(caseLine).toBeHidden();
  await prologue.getByText("Show or hide the text").click();
  await expect(caseLine).toBeVisible();
  await expect(caseLine).toContainText("the person");
  await expectNoAxeViolations(petitioner);

  await teacher.getByRole("button", { name: "End the run…" }).click();
  await teacher.getByRole("button", { name: "Yes, end the run" }).click();
  const epilogue = petitioner.getByRole("region", { name: "Epilogue: February 1956" });
  await expect(epilogue).toBeVisible({ timeout: 15_000 });
  await expect(epilogue.getByRole("heading", { name: "Your case by then" })).toBeVisible();
  await expect(epilogue.getByText(/^Case \d+: /)).toBeVisible();
  await expectNoAxeViolations(petitioner);

  await teacher.getByRole("link", { name: "Open the debrief" }).click();
  const classEpilogue = teacher.getByRole("region", { name: "Epilogue: February 1956" });
  await expect(classEpilogue.getByRole("heading", { name: "The class's cases" })).toBeVisible();
  await expect(classEpilogue.getByText(/^\d+ cases?: /).first()).toBeVisible();
  await expectNoAxeViolations(teacher);
});
