import { expect, expectNoAxeViolations, saveScreenshot, test } from "./fixtures";

/**
 * A visitor without an account plays Chita alone as a petitioner
 * (seed 266): the guided start, one letter, the clock skipped ahead month by
 * month until the case is decided, then the end of the run and a personal
 * debrief beside history. The resume link brings the seat back in another
 * browser.
 */
test("a visitor plays a short self-guided petitioner run to an outcome and a personal debrief", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Explore" }).first().click();
  const form = page.getByRole("form", { name: "Play alone" });
  await form.getByLabel("Scenario").selectOption("chita-1954");
  await form.getByLabel(/A petitioner/).check();
  await form.getByText("More settings").click();
  await form.getByLabel("Seed (optional)").fill("266");
  await form.getByRole("button", { name: "Start playing" }).click();

  await expect(page.getByRole("heading", { name: "Seat 1: Petitioner" })).toBeVisible();
  await expect(page.getByText("How to play alone")).toBeVisible();
  await expect(page.getByText("Who am I?")).toBeVisible();
  await expectNoAxeViolations(page);
  const clock = page.getByRole("region", { name: "Your clock" });
  await clock.getByRole("button", { name: "Pause" }).click();
  await expect(clock.getByRole("button", { name: "Resume" })).toBeVisible();

  // One letter, on the grounds that there was no real evidence.
  const letter = page.getByRole("form", { name: /Write a letter about Case/ });
  await letter.getByLabel("Write to").selectOption("provincialProcuracy");
  await letter.getByLabel("The case rests on no real evidence").check();
  await letter
    .getByLabel("Your letter")
    .fill("I was convicted on a forced confession alone. I ask for a review of my case.");
  await clock.getByRole("button", { name: "Resume" }).click();
  await letter.getByRole("button", { name: "Send the letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Your letter to the provincial procuracy/ })).toBeVisible();

  // Month by month until the case is decided (the letter form then says so).
  const decided = page.getByText(/^A decision has come/);
  for (let month = 0; month < 17 && (await decided.count()) === 0; month++) {
    const before = await page.locator("time").first().textContent();
    await clock.getByRole("button", { name: "Skip ahead a month" }).click();
    await expect(page.locator("time").first()).not.toHaveText(before!);
  }
  await expect(decided).toHaveCount(1);
  await saveScreenshot(page, "self-guided");

  // Another browser resumes with the resume link.
  const resume = await page.getByRole("link", { name: "Resume link" }).getAttribute("href");
  const other = await (await browser.newContext()).newPage();
  await other.goto(resume!);
  await other.getByRole("button", { name: "Return to my seat" }).click();
  await other.getByRole("button", { name: /Move my seat to this browser/ }).click();
  await expect(other.getByRole("heading", { name: "Seat 1: Petitioner" })).toBeVisible();

  // The end, and the debrief.
  await other.getByRole("region", { name: "Your clock" }).getByRole("button", { name: "End my run now" }).click();
  const debrief = other.getByRole("region", { name: "Your run and history" });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByText(/Decisions that upheld the sentence: \d+%/)).toBeVisible();
  await expect(debrief.getByText(/Chita review/).first()).toBeVisible();
  await expect(debrief.getByRole("link", { name: /Source:/ }).first()).toBeVisible();
  await expectNoAxeViolations(other);
  await saveScreenshot(other, "self-guided-debrief");
});
