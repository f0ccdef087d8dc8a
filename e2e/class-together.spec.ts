import {
  createSeededRun,
  expect,
  expectFitsPaper,
  expectNoAxeViolations,
  joinAs,
  jump,
  saveScreenshot,
  test,
} from "./fixtures";

/**
 * The class plays together: a teacher, two petitioners and one procurator.
 * The petitioners' cases sit on their classmate's desk; a letter handed on
 * by a friend to the provincial procuracy reaches the commission (seed 33:
 * Olga's out-of-court case is at review, its file complete, by 12 July)
 * and lands in the procurator's inbox. He spends desk
 * time reading it in the petitioner's own words, reads the file, and
 * rehabilitates; the decision comes back to the petitioner. The other
 * petitioner never reads the letter.
 */
test("a petitioner's letter lands on a classmate's desk, who reads it and decides; the decision comes back", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(120_000);
  // The form sizes the district as the teacher types, and says why.
  await teacher.goto("/runs/new");
  await teacher.getByLabel("Procurator seats").fill("5");
  await teacher.getByLabel("Petitioner seats").fill("25");
  await teacher.getByLabel("Clock speed (simulated days per real minute)").fill("7");
  const district = teacher.getByRole("region", { name: "The class's district" });
  await expect(district).toContainText("Each student procurator gets 33 files (165 in the class's district)");
  await expect(district).toContainText("about 34 minutes");
  await expect(district.getByLabel("The computer helps")).not.toBeChecked();
  await teacher.getByLabel("Procurator seats").fill("0");
  await expect(district).toContainText("computer desks are the whole commission");
  await expectNoAxeViolations(teacher);
  await createSeededRun(teacher, {
    title: "Together, seeded",
    procurators: 1,
    petitioners: 2,
    speed: 30,
    seed: 33,
  });
  const olga = await joinAs(browser, teacher, "Olga", "Seat 1: Petitioner");
  const ivan = await joinAs(browser, teacher, "Ivan", "Seat 2: Procurator");
  const vera = await joinAs(browser, teacher, "Vera", "Seat 3: Petitioner");
  await teacher.getByRole("button", { name: "Start the run" }).click();

  // The procurator has files moving from the first day, and an inbox.
  const inbox = ivan.getByRole("region", { name: "Inbox: letters from petitioners" });
  await expect(inbox.getByRole("status")).toContainText("No letter about your cases has reached the commission yet");
  const olgaCase = (await olga
    .getByRole("heading", { name: /^Case \d{4}$/ })
    .first()
    .textContent())!;
  // Olga's case is on Ivan's desk.
  await expect(ivan.getByRole("list", { name: "Your cases" }).getByRole("heading", { name: olgaCase })).toBeVisible();

  const words = "My husband was sentenced for a joke about the harvest. I ask you to review his case.";
  const form = olga.getByRole("form", { name: /Write a letter about Case/ });
  await form.getByLabel("Write to").selectOption("provincialProcuracy");
  await form.getByLabel("Ask a friend in Moscow to hand it on").check();
  await form.getByLabel("Your letter").fill(words);
  await form.getByRole("button", { name: "Send the letter" }).click();
  await expect(olga.getByRole("status").filter({ hasText: /Your letter to/ })).toBeVisible();

  await jump(teacher, "1954-07-12");
  await expect(inbox.getByRole("status")).toContainText(/1 letter has reached you/);
  const letter = inbox.getByRole("listitem").filter({ hasText: olgaCase });
  await expect(letter).toContainText("from the petitioner at seat 1");
  // Arrived, but its words cost desk time: a quarter of an hour.
  await expect(letter).toContainText("Not read yet");
  await expect(letter.getByText(words)).toHaveCount(0);
  const file = ivan.getByRole("article", { name: olgaCase, exact: true });
  await file.getByRole("button", { name: "Read the petitioner's letter (a quarter of an hour)" }).click();
  await expect(file.getByRole("status")).toHaveText(/You read the letter/);
  await expect(letter.getByText(words)).toBeVisible();
  await expectNoAxeViolations(ivan);
  await saveScreenshot(ivan, "procurator-inbox");

  // Ivan reads the file and rehabilitates; the decision travels back to Olga.
  const decide = file.getByRole("button", { name: "Record the decision (1 hour)" });
  await file.getByRole("button", { name: /^Read the file \(/ }).click();
  await expect(file.getByRole("status")).toHaveText(/You read the file/);
  await file.getByLabel(/^Decision/).selectOption("fullRehabilitation");
  await file.getByLabel("Grounds for the decision").fill("The letter and the file show a joke, not a crime.");
  await expect(decide).toBeEnabled();
  await decide.click();
  await expect(ivan.getByRole("heading", { name: `Protocol: ${olgaCase}` })).toBeVisible();
  await expect(olga.getByRole("heading", { name: "The commission's decision" })).toBeVisible({ timeout: 20_000 });

  // Nobody else in the class reads it.
  await vera.reload();
  await expect(vera.getByRole("list", { name: "Your cases" })).toBeVisible();
  await expect(vera.getByText(words)).toHaveCount(0);

  // The end: each student learns what really happened to their own case.
  await teacher.getByRole("button", { name: "End the run…" }).click();
  await teacher.getByRole("button", { name: "Yes, end the run" }).click();
  await olga.getByRole("link", { name: "See what really happened behind the curtain" }).click();
  const reveal = olga.getByRole("region", { name: "Behind the curtain: what really happened" });
  await expect(reveal.getByRole("heading", { name: new RegExp(`^${olgaCase}:`) })).toBeVisible();
  await expect(reveal.getByRole("row", { name: /Complaint sent to .* Olga/ })).toBeVisible();
  await expect(reveal.getByText(/reached the commission on .* and waited \d+ days? on Ivan's desk/)).toBeVisible();
  await expect(reveal.getByRole("row", { name: /Camp list arrives|Complaint registered/ }).first()).toBeVisible();
  await expectNoAxeViolations(olga);
  await saveScreenshot(olga, "petitioner-reveal");
  // The class debrief keeps the class's district apart from the computer's province.
  await teacher.getByRole("link", { name: "Open the debrief" }).click();
  const split = teacher.getByRole("region", { name: "Your district and the rest of the province" });
  await expect(split.getByRole("row", { name: /^Cases \d+ \d/ })).toBeVisible();
  await expectNoAxeViolations(teacher);
  await teacher.getByRole("link", { name: "← Back to the run" }).click();

  // The teacher's per-student report: each student's letters in their words, printable, with or without names.
  await teacher.getByRole("link", { name: "Per-student report" }).click();
  const olgaReport = teacher.getByRole("region", { name: /^Olga · seat 1 · petitioner/ });
  await expect(olgaReport.getByText(words)).toBeVisible();
  await expect(olgaReport.getByText(/reached the commission on .* on Ivan's desk/)).toBeVisible();
  await expect(teacher.getByRole("region", { name: /^Ivan · seat 2 · procurator/ })).toBeVisible();
  await expectNoAxeViolations(teacher);
  await saveScreenshot(teacher, "student-report");
  await expectFitsPaper(teacher);
  await teacher.emulateMedia({ media: "screen" });
  await teacher.getByRole("link", { name: "Show seat labels instead of names" }).click();
  await expect(teacher.getByRole("region", { name: /^Seat 1 · petitioner/ })).toContainText(words);
  await expect(teacher.getByText("Olga")).toHaveCount(0);

  // Vera's reveal has only her own case.
  await vera.reload();
  await expect(vera.getByRole("region", { name: "Behind the curtain: what really happened" })).toBeVisible();
  await expect(vera.getByRole("heading", { name: new RegExp(`^${olgaCase}:`) })).toHaveCount(0);
});
