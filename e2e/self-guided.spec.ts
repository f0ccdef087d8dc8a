import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, saveScreenshot, test } from "./fixtures";

/** Starts a run alone from the Explore page: the scenario, the role, the default pace unless told, a seed. */
async function startAlone(
  page: Page,
  { role, seed, scenario = "chita-1954" }: { role: RegExp; seed: string; scenario?: string },
) {
  await page.goto("/explore");
  const form = page.getByRole("form", { name: "Play alone" });
  await form.getByLabel("Scenario").selectOption(scenario);
  await form.getByLabel(role).check();
  // A first run reads at a week a minute unless the player chooses otherwise.
  await expect(form.getByRole("radio", { name: /A week a minute/ })).toBeChecked();
  await form.getByText("More settings").click();
  await form.getByLabel("Seed (optional)").fill(seed);
  await form.getByRole("button", { name: "Start playing" }).click();
}

/**
 * A visitor without an account plays Chita alone as a petitioner (seed 266):
 * the guided start, a letter written and sent while the clock is paused, the
 * clock skipped ahead to each piece of news until the case is decided, then
 * the end of the run and a personal debrief beside history: the case's
 * timeline split by cause, the line to cite, print, and a read-only link
 * opened in a browser with no seat. Nothing on the way mentions a teacher.
 * The resume link brings the seat back in another browser.
 */
test("a visitor plays a self-guided petitioner run: pause and write, skip to the news, an outcome, a debrief", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await startAlone(page, { role: /A petitioner/, seed: "266" });

  await expect(page.getByRole("heading", { name: "Seat 1: Petitioner" })).toBeVisible();
  await expect(page.getByText("How to play alone")).toBeVisible();
  await expect(page.getByText("Can I win?")).toBeVisible();
  await expectNoAxeViolations(page);
  const clock = page.getByRole("region", { name: "Your clock" });
  await expect(clock.getByLabel("Pace")).toHaveValue("7");

  // Paused, the letter can still be written and sent; it is dated on the paused day.
  await clock.getByRole("button", { name: "Pause" }).click();
  await expect(clock.getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  const pausedOn = await page.locator("time").first().textContent();
  const letter = page.getByRole("form", { name: /Write a letter about Case/ });
  await letter.getByLabel("Write to").selectOption("provincialProcuracy");
  await letter.getByLabel("The case rests on no real evidence").check();
  await letter
    .getByLabel("Your letter")
    .fill("I was convicted on a forced confession alone. I ask for a review of my case.");
  await letter.getByRole("button", { name: "Send the letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Your letter to the provincial procuracy/ })).toBeVisible();
  await expect(page.locator("time").first()).toHaveText(pausedOn!);
  await expect(clock.getByRole("button", { name: "Resume" })).toBeVisible();
  // No screen of a run alone speaks of a teacher.
  await expect(page.getByText(/teacher/i)).toHaveCount(0);

  // Skip to each piece of news until the case is decided (the letter form then says so).
  const decided = page.getByText(/^A decision has come/);
  const news = page.getByTestId("arrivals");
  for (let step = 0; step < 20 && (await decided.count()) === 0; step++) {
    const before = await page.locator("time").first().textContent();
    await clock.getByRole("button", { name: "Skip ahead until something happens" }).click();
    await expect(page.locator("time").first()).not.toHaveText(before!);
  }
  await expect(decided).toHaveCount(1);
  // What arrives is announced to a screen reader.
  await expect(news).toHaveText(/^Arrived /);
  await expect(page.getByText(/teacher/i)).toHaveCount(0);
  // Every reply says what a person in this position could try next, with its source; the
  // "Why is nothing happening?" panel is still there once the case is decided.
  const timeline = page.getByRole("region", { name: "Your timeline" });
  const nextSteps = timeline.getByRole("complementary", { name: /^What could you try now\?/ });
  await expect(nextSteps.first()).toBeVisible();
  await expect(nextSteps.first().getByRole("link", { name: /Source:/ })).toBeVisible();
  await expect(page.getByText("Why is nothing happening?").first()).toBeVisible();
  await saveScreenshot(page, "self-guided");

  // Another browser resumes with the resume link.
  const resume = await page.getByRole("link", { name: "Resume link" }).getAttribute("href");
  const other = await (await browser.newContext()).newPage();
  await other.goto(resume!);
  await other.getByRole("button", { name: "Return to my seat" }).click();
  await expect(other.getByText(/someone else has your resume link/)).toBeVisible();
  await expect(other.getByText(/teacher/i)).toHaveCount(0);
  await other.getByRole("button", { name: /Move my seat to this browser/ }).click();
  await expect(other.getByRole("heading", { name: "Seat 1: Petitioner" })).toBeVisible();

  // The codes that return to the seat: none of them may appear on the shared page below.
  const rejoinHeading = await other.getByRole("heading", { name: /Your rejoin code/ }).textContent();
  const rejoinCode = rejoinHeading!.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];

  // The end, and the debrief beside history.
  await other.getByRole("region", { name: "Your clock" }).getByRole("button", { name: "End my run now" }).click();
  const debrief = other.getByRole("region", { name: "Your run and history" });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByText(/Decisions that upheld the sentence: \d+%/)).toBeVisible();
  await expect(debrief.getByText(/Chita review/).first()).toBeVisible();
  await expect(debrief.getByRole("link", { name: /Source:/ }).first()).toBeVisible();
  await expect(other.getByText(/teacher/i)).toHaveCount(0);
  await expect(other.getByRole("heading", { name: "Behind the curtain: what really happened" })).toBeVisible();

  // This case, day by day: each stretch named by its cause, with dates and a source.
  const days = other.getByRole("region", { name: "This case, day by day" });
  await expect(days.getByText(/until the case was decided for good/)).toBeVisible();
  const waits = days.getByRole("list", { name: /What Case \d+ waited for, in order/ });
  await expect(waits.getByRole("listitem").first()).toBeVisible();
  expect(await waits.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
  await expect(waits.getByText(/A letter on its way, through the camp censors and the post/)).toBeVisible();
  await expect(waits.getByRole("listitem").first().locator("time")).toHaveCount(2);
  await expect(waits.getByRole("link", { name: /Source:/ }).first()).toBeVisible();
  await expect(waits.getByText("invented for this game").first()).toBeVisible();

  // The line to cite, and the reminder that a run is not a source.
  const share = other.getByRole("region", { name: "Share and cite this run" });
  await expect(share.getByRole("heading", { name: "Cite this simulation run" })).toBeVisible();
  const citation = share.getByRole("textbox", { name: /Cite this/ });
  await expect(citation).toHaveValue(
    /^Spravka \(a classroom simulation.*“Chita review.*”, seed 266, run played .*Accessed /,
  );
  await expect(share.getByText(/This run is a simulation, not a historical source/)).toBeVisible();

  // Printing hides every control.
  await other.emulateMedia({ media: "print" });
  await expect(share.getByRole("button", { name: "Make a read-only link" })).toBeHidden();
  await expect(other.getByRole("button", { name: "Print this debrief" })).toBeHidden();
  await expect(days).toBeVisible();
  await other.emulateMedia({ media: "screen" });
  await expectNoAxeViolations(other);
  await saveScreenshot(other, "self-guided-debrief");

  // A read-only link to the debrief.
  await share.getByRole("button", { name: "Make a read-only link" }).click();
  const link = share.getByLabel("Read-only link to this debrief");
  await expect(link).toHaveValue(/\/shared\/[A-Za-z0-9_-]{32}$/);
  const url = await link.inputValue();
  await share.getByRole("button", { name: "Copy the link" }).click();
  await expect(share.getByRole("status").filter({ hasText: /Copied the link|The link is selected/ })).toBeVisible();
  await expect(citation).toHaveValue(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\. Accessed `));
  await expectNoAxeViolations(other);

  // Someone with no seat opens it: the debrief, and nothing that steers the run or returns to the seat.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(url);
  await expect(reader.getByRole("heading", { level: 1, name: /A petitioner's run: Chita review/ })).toBeVisible();
  await expect(reader.getByRole("region", { name: "This case, day by day" })).toBeVisible();
  await expect(reader.getByRole("heading", { name: "Behind the curtain: what really happened" })).toBeVisible();
  await expect(reader.getByRole("region", { name: "The run and history" })).toBeVisible();
  await expect(reader.getByRole("textbox", { name: /Cite this/ })).toHaveValue(/”, seed 266, run played .*\/shared\//);
  await expect(reader.getByRole("link", { name: "Resume link" })).toHaveCount(0);
  await expect(reader.getByText(rejoinCode)).toHaveCount(0);
  await expect(reader.getByText(/rejoin code/i)).toHaveCount(0);
  for (const control of [
    "End my run now",
    "Pause",
    "Resume",
    "Skip ahead until something happens",
    "Skip ahead a month",
    "Send the letter",
    "Make a read-only link",
    "Copy the link",
    /Stop sharing/,
    "Print this debrief",
  ]) {
    await expect(reader.getByRole("button", { name: control })).toHaveCount(0);
  }
  await expect(reader.getByRole("form")).toHaveCount(0);
  await expectNoAxeViolations(reader);

  // A token that names no run is a 404 page.
  const missing = await reader.goto(`/shared/${"A".repeat(32)}`);
  expect(missing?.status()).toBe(404);
  await expect(reader.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await reader.context().close();
});

/** On a phone, a new petitioner alone reaches the letter box within two screens, and nothing scrolls sideways. */
test("a petitioner alone on a phone starts writing within two screens", async ({ browser }) => {
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();
  await startAlone(phone, { role: /A petitioner/, seed: "266" });
  const letterBox = phone.getByLabel("Your letter");
  await expect(letterBox).toBeVisible();
  const top = await letterBox.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThanOrEqual(2 * 844);
  expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(phone);
  await saveScreenshot(phone, "self-guided-phone");
});

/**
 * A procurator alone has a file to read and decide in the first simulated
 * week: one file was ready before the commission sat, and the desk says that
 * this is the game's doing. Ending the run at once gives a debrief.
 */
test("a procurator alone has a file ready in the first week; ending at once gives a debrief", async ({ page }) => {
  test.setTimeout(60_000);
  await startAlone(page, { role: /A procurator/, seed: "5" });
  await expect(page.getByRole("heading", { name: "Seat 1: Procurator" })).toBeVisible();
  await expect(page.getByText(/teacher/i)).toHaveCount(0);
  const clock = page.getByRole("region", { name: "Your clock" });
  await clock.getByRole("button", { name: "Pause" }).click();
  const day = Number((await page.getByText(/^Day \d+ of \d+$/).textContent())!.match(/\d+/)![0]);
  expect(day).toBeLessThan(7);
  const ready = page.getByRole("article").filter({ hasText: /ready before the commission first sat/ });
  await expect(ready).toHaveCount(1);
  await expect(ready.getByText(/the game's choice/)).toBeVisible();
  // Paused, the desk still works: reading the file takes the day's hours.
  const hours = page.getByRole("heading", { name: /Your working day: \d+ of \d+ hours left/ });
  const before = await hours.textContent();
  await ready.getByRole("button", { name: /^Read the file/ }).click();
  await expect(hours).not.toHaveText(before!);
  await expectNoAxeViolations(page);

  // Ending at once still gives a debrief with their (empty) decisions, said plainly, beside the province.
  await clock.getByRole("button", { name: "End my run now" }).click();
  const decisions = page.getByRole("region", { name: "Your decisions" });
  await expect(decisions).toBeVisible();
  await expect(decisions.getByText(/You recorded no decision in this run/)).toBeVisible();
  await expect(decisions.getByText(/in your run the province’s commission upheld/)).toBeVisible();
  await expect(page.getByRole("region", { name: /(Your cases|This case), day by day/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Behind the curtain: what really happened" })).toBeVisible();
  await expectNoAxeViolations(page);
});
