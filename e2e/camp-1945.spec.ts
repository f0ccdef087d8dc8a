import { e2eDb, expect, expectFitsPaper, expectNoAxeViolations, jump, joinAs, saveScreenshot, test } from "./fixtures";

/**
 * A class plays the 1945 amnesty: the teacher sets up a camp with a records
 * clerk and a prisoner seat; the prisoner learns what the decree does for
 * them and waits in the queue; the clerk checks files in the July 12 order
 * within a working day of hours; the console shows the camp beside the
 * source's tallies, and the debrief sets it beside the 1954–55 review.
 */
test("a class run of the 1945 camp: a records clerk, a prisoner, the console and the debrief", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(150_000);
  await teacher.goto("/runs/new");
  await teacher.getByLabel("Title").fill("Summer 1945");
  await teacher.getByLabel("Scenario").selectOption("amnesty-1945");
  await teacher.getByLabel("Records clerk seats").fill("1");
  await teacher.getByLabel("Prisoner seats").fill("1");
  // The form says how big the camp will be, and why.
  await expect(
    teacher.getByText(/A camp of [\d,]+ prisoners: about [\d,]+ release files for 1 student clerk/),
  ).toBeVisible();
  await expect(teacher.getByLabel("Open with the March 1953 amnesty")).toHaveCount(0);
  await teacher.getByRole("button", { name: "Create the run and open the lobby" }).click();
  await expect(teacher.getByRole("heading", { name: "Summer 1945" })).toBeVisible();
  const runId = teacher.url().split("/").at(-1)!;
  const row = e2eDb().prepare("SELECT scenarioId, scenarioJson FROM Run WHERE id = ?").get(runId) as {
    scenarioId: string;
    scenarioJson: string;
  };
  expect(row.scenarioId).toBe("amnesty-1945");
  expect(JSON.parse(row.scenarioJson).population.sample).toBeGreaterThan(0);

  const prisoner = await joinAs(browser, teacher, "Lena", "Seat 1: Prisoner");
  const clerk = await joinAs(browser, teacher, "Mark", "Seat 2: Records clerk");
  await expect(prisoner.getByText(/you will be given a prisoner of the camp/)).toBeVisible();
  await expect(teacher.getByText(/records clerks 1 of 1, prisoners 1 of 1/)).toBeVisible();

  await teacher.getByRole("button", { name: "Start the run" }).click();
  await expect(prisoner.getByText("The clock is running")).toBeVisible();
  // Before July 12 no file can be checked.
  await expect(clerk.getByText(/No file can be checked until the order on who goes first comes/)).toBeVisible();
  await jump(teacher, "1945-07-13");

  // The prisoner: their sentence, what the decree does for them and why (with its source), their place in the queue.
  const decree = prisoner.getByRole("heading", { name: "What the decree of 7 July 1945 does for you" });
  await expect(decree).toBeVisible({ timeout: 15_000 });
  await expect(prisoner.getByText("The decree frees you", { exact: false })).toBeVisible();
  await expect(prisoner.getByText(/release files are ahead of yours/)).toBeVisible();
  await expect(prisoner.getByRole("link", { name: /Alexopoulos/ }).first()).toBeVisible();
  await expectNoAxeViolations(prisoner);
  // On a phone the seat fits the screen's width.
  await prisoner.setViewportSize({ width: 390, height: 844 });
  expect(await prisoner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(prisoner, "camp-prisoner-phone");

  // The clerk: the next files in order, the working day's hours, two kinds of check.
  await expect(clerk.getByText(/No file can be checked until/)).toHaveCount(0, { timeout: 15_000 });
  const files = clerk.getByRole("list", { name: "Next files, in the order of 12 July" });
  await expect(files.getByRole("listitem").first()).toBeVisible();
  await expect(clerk.getByText(/Your working day: 8 of 8 hours left/)).toBeVisible();
  const first = files.getByRole("listitem").first();
  const label = (await first.getByRole("heading").textContent())!;
  await first.getByRole("button", { name: `Check ${label} thoroughly (16 h)` }).click();
  await expect(clerk.getByRole("status").filter({ hasText: label })).toBeVisible();
  // A thorough check asks the card index: two working days, so today's hours are gone.
  await expect(clerk.getByText(/Your working day: 0 of 8 hours left/)).toBeVisible();
  // The file has left the queue.
  await expect(files.getByRole("heading", { name: label })).toHaveCount(0);
  await expectNoAxeViolations(clerk);
  await saveScreenshot(clerk, "camp-clerk");

  // The console: the camp's queues and the source's tallies, with sources; nothing from the 1954–55 review.
  await teacher.reload();
  const camp = teacher.getByRole("region", { name: /The camp on/ });
  await expect(camp.getByRole("table", { name: "Where people wait now" })).toBeVisible();
  await expect(camp.getByRole("table", { name: /beside the source's tallies/ })).toContainText("August 25 tally");
  await expect(teacher.getByRole("row", { name: /Mark/ })).toContainText("1 checked (1 thorough, 0 hurried)");
  await expect(teacher.getByRole("heading", { name: "Take the data home" })).toHaveCount(0);
  await expectNoAxeViolations(teacher);

  // On the projector: the camp's counts and the source's tallies on one screen; the code only as a strip.
  const projector = await teacher.context().newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`/runs/${runId}/present`);
  await expect(projector.getByRole("heading", { name: "The camp: who has gone where" })).toBeVisible();
  await expect(projector.getByRole("heading", { name: "Beside the source (scaled)" })).toBeInViewport();
  await expect(projector.getByText(/^Late\? Join at/)).toBeInViewport();
  await expect(projector.getByRole("img", { name: /QR code/ })).toHaveCount(0);
  expect(await projector.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  await expectNoAxeViolations(projector);
  await saveScreenshot(projector, "camp-presenter");
  await projector.close();

  await teacher.getByRole("button", { name: "End the run…" }).click();
  await teacher.getByRole("button", { name: "Yes, end the run" }).click();
  await teacher.getByRole("link", { name: "Open the debrief" }).click();
  await expect(teacher.getByRole("region", { name: /Your camp at the end/ })).toBeVisible();
  await expect(teacher.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  // On paper (A4 and Letter) nothing reaches past the page's edge.
  await expectFitsPaper(teacher);
  await teacher.emulateMedia({ media: "screen" });
  await expect(
    teacher.getByRole("heading", { name: "Release by category or review case by case: questions to discuss" }),
  ).toBeVisible();
  await expectNoAxeViolations(teacher);
});

/**
 * Alone, a visitor clerks the 1945 camp: no teacher anywhere on the page,
 * the seat steers its own clock, and the files wait in the July 12 order.
 */
test("a visitor clerks the 1945 camp alone, steering their own clock", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/explore");
  const form = page.getByRole("form", { name: "Play alone" });
  await form.getByLabel("Scenario").selectOption("amnesty-1945");
  await form.getByLabel(/A records clerk/).check();
  await form.getByRole("button", { name: "Start playing" }).click();
  await expect(page.getByRole("heading", { name: "Seat 1: Records clerk" })).toBeVisible();
  await expect(page.getByText(/teacher/i)).toHaveCount(0);
  // Who they play, line by line with the sources; the framing is labelled as the game's.
  const who = page.getByRole("group").filter({ hasText: "Who am I? A clerk of the camp's records department" });
  await expect(who.getByText("invented for this game")).toBeVisible();
  await expect(who.getByText(/extremely overburdened/)).toBeVisible();
  const clock = page.getByRole("region", { name: "Your clock" });
  await clock.getByRole("button", { name: "Skip ahead a month" }).click();
  const files = page.getByRole("list", { name: "Next files, in the order of 12 July" });
  await expect(files.getByRole("listitem").first()).toBeVisible({ timeout: 15_000 });
  await clock.getByRole("button", { name: "Pause" }).click();
  await expect(clock.getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});
