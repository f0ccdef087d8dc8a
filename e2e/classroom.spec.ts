import type { Browser, Page } from "@playwright/test";
import { createInstructorInDb, expect, expectNoAxeViolations, saveScreenshot, signInAs, test } from "./fixtures";

async function createRun(page: Page, title: string, seats = { procurators: "1", petitioners: "2" }): Promise<string> {
  await page.goto("/runs/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Procurator seats").fill(seats.procurators);
  await page.getByLabel("Petitioner seats").fill(seats.petitioners);
  // One simulated day per real second, so the clock visibly moves.
  await page.getByLabel("Clock speed (simulated days per real minute)").fill("60");
  await page.getByRole("button", { name: "Create the run and open the lobby" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  return page.url().split("/runs/")[1]!;
}

async function joinCode(page: Page): Promise<string> {
  const code = await page
    .getByLabel(/^Class code:/)
    .first()
    .textContent();
  return code!.trim();
}

async function joinAs(browser: Browser, code: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel("Class code").first()).toHaveValue(code);
  await page.getByLabel("Display name").fill(name);
  await page.getByRole("button", { name: "Join the class" }).click();
  await expect(page.getByRole("heading", { name: /^Seat \d+: (Procurator|Petitioner)$/ })).toBeVisible();
  return page;
}

function simulatedDate(page: Page) {
  return page.locator("time").first().textContent();
}

test("an instructor and three students join, start, pause and resume; seats survive a refresh and a new device @screenshot", async ({
  signedInPage: teacher,
  browser,
}) => {
  // The longest class journey (three students, a phone, a second run): room for a busy 2-core runner.
  test.setTimeout(150_000);
  const runId = await createRun(teacher, "Period 3");
  const code = await joinCode(teacher);
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(teacher.getByRole("img", { name: /QR code/ })).toBeVisible();
  // Check accessibility once the page has settled (live link up), not mid-transition.
  await expect(teacher.getByText("Live", { exact: true })).toBeVisible();
  await expectNoAxeViolations(teacher);

  const students = [
    await joinAs(browser, code, "Anya"),
    await joinAs(browser, code, "Boris"),
    await joinAs(browser, code, "Vera"),
  ];
  await expect(students[0]!.getByText("Waiting for your teacher to start the clock")).toBeVisible();
  await expect(students[0]!.getByText("Live", { exact: true })).toBeVisible();
  await expectNoAxeViolations(students[0]!);
  // The lobby fills in live.
  await expect(teacher.getByText("3 of 3 seats taken")).toBeVisible();
  await expect(teacher.getByRole("cell", { name: "Vera" })).toBeVisible();
  await saveScreenshot(teacher, "lobby");
  if (process.env.SCREENSHOTS) {
    const projector = await teacher.context().newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`/runs/${runId}/join-screen`);
    await expect(projector.getByText("3 joined")).toBeVisible();
    await saveScreenshot(projector, "join-screen-projector");
    await projector.close();
  }

  await teacher.getByRole("button", { name: "Start the run" }).click();
  for (const student of students) {
    await expect(student.getByText("The clock is running")).toBeVisible();
    await expect(student.getByRole("list", { name: "Your cases" })).toBeVisible();
  }
  const startDate = await simulatedDate(students[0]!);
  await expect.poll(() => simulatedDate(students[0]!), { timeout: 10_000 }).not.toBe(startDate);
  await saveScreenshot(students[0]!, "seat");
  await saveScreenshot(students[1]!, "seat-procurator");
  await saveScreenshot(teacher, "run-live");

  await teacher.getByRole("button", { name: "Pause" }).click();
  for (const student of students) await expect(student.getByText("Paused by your teacher")).toBeVisible();
  const pausedAt = await simulatedDate(students[1]!);
  await students[1]!.waitForTimeout(2500);
  expect(await simulatedDate(students[1]!)).toBe(pausedAt);

  await teacher.getByRole("button", { name: "Resume" }).click();
  for (const student of students) await expect(student.getByText("The clock is running")).toBeVisible();
  await expect.poll(() => simulatedDate(students[1]!), { timeout: 10_000 }).not.toBe(pausedAt);

  // A refresh returns the student to the same seat.
  const anya = students[0]!;
  const seatHeading = (await anya.getByRole("heading", { name: /^Seat \d+:/ }).textContent())!;
  const rejoinCode = (await anya.locator("#rejoin-heading span").textContent())!;
  await anya.reload();
  await expect(anya.getByRole("heading", { name: seatHeading })).toBeVisible();

  // Another device: the rejoin code; the first browser is told clearly, and so is the second.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto("/join");
  const rejoin = phone.getByRole("form", { name: "Back to your seat" });
  await rejoin.getByLabel("Class code").fill(code.toLowerCase());
  await rejoin.getByLabel("Your rejoin code").fill(rejoinCode);
  await rejoin.getByRole("button", { name: "Return to my seat" }).click();
  await expect(phone.getByText(/is open in another browser right now/)).toBeVisible();
  await phone.getByRole("button", { name: "Move my seat to this browser" }).click();
  await expect(phone.getByRole("heading", { name: seatHeading })).toBeVisible();
  await expect(anya.getByText(/Your seat was opened in another browser/)).toBeVisible();
  await expect(anya.getByText("Disconnected")).toBeVisible();
  await saveScreenshot(phone, "seat-phone");

  // A student cannot act on another student's case: the server refuses, the API says why.
  const boris = students[1]!;
  const borisCase = (await boris.getByRole("list", { name: "Your cases" }).getByRole("heading").first().textContent())!;
  const caseIndex = Number(borisCase.replace("Case ", "")) - 1;
  const vera = students[2]!;
  const refused = await vera.request.post(`/api/runs/${runId}/act`, {
    data: {
      requestId: "e2e-forged-0001",
      caseIndex,
      expectedVersion: 0,
      action: { type: "review.decide", decision: "fullRehabilitation", justification: "Forged by another seat." },
    },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({
    code: "forbidden",
    message: expect.stringMatching(/not on your desk|cannot do that/),
  });

  // ...nor open another run: the page explains, the API refuses.
  const otherRun = await createRun(teacher, "Period 4");
  await vera.goto(`/play/${otherRun}`);
  await expect(vera.getByRole("heading", { name: "You cannot open this seat" })).toBeVisible();
  await expect(vera.getByText("Your seat is in another class.", { exact: false })).toBeVisible();
  expect((await vera.request.get(`/api/runs/${otherRun}/seat`)).status()).toBe(403);
  expect((await vera.request.get(`/api/runs/${otherRun}/events`)).status()).toBe(403);
  await expectNoAxeViolations(vera);
  await vera.getByRole("link", { name: "Go to your own seat" }).click();
  await expect(vera.getByRole("heading", { name: /^Seat \d+:/ })).toBeVisible();
});

test("a student's letter moves their case on and the desk says so", async ({ signedInPage: teacher, browser }) => {
  test.setTimeout(60_000); // a run, a join, a letter, a reload and axe: about 20 s on a quiet machine
  await createRun(teacher, "Letters", { procurators: "0", petitioners: "1" });
  const code = await joinCode(teacher);
  const student = await joinAs(browser, code, "Sam");
  await teacher.getByRole("button", { name: "Start the run" }).click();
  // A character card drawn from the case's own facts, labelled as a composite.
  const character = student.getByRole("region", { name: /\./ }).filter({ hasText: "Who you are" });
  // Folded on the desk, so the letter is near the top on a phone; one click opens it.
  await character.getByText("Where they are and what you want").click();
  await expect(character.getByText("a composite character, not a real person", { exact: false })).toBeVisible();
  await expect(character.getByText("What you want", { exact: true })).toBeVisible();
  const card = student.getByRole("list", { name: "Your cases" }).getByRole("article").first();
  await expect(card.getByLabel("Write to")).toBeVisible();
  await card.getByLabel("Write to").selectOption({ label: "The provincial procuracy" });
  await card.getByRole("button", { name: "Send the letter" }).click();
  await expect(card.getByText("Write your letter before sending it", { exact: false })).toBeVisible();
  await card.getByLabel("Your letter").fill('I was sentenced for a joke. <script>alert("x")</script>');
  await card.getByRole("button", { name: "Send the letter" }).click();
  await expect(card.getByText("Your letter to the provincial procuracy is on its way.")).toBeVisible();
  // The petitioner sees what they did, not where the letter is inside the machine.
  await expect(card.getByText("You wrote to the provincial procuracy")).toBeVisible();
  await expect(card.getByText("Nobody told the writer where their letter went.", { exact: false })).toBeHidden();
  // "Why is nothing happening?" explains where such letters typically were, with sources, by keyboard too.
  await card.getByText("Why is nothing happening?").focus();
  await student.keyboard.press("Enter");
  await expect(card.getByText(/about \d+% are registered for review/)).toBeVisible();
  await expect(card.getByRole("link", { name: /Source:/ }).first()).toBeVisible();
  // The scenario's own shares are the game's, labelled as such.
  await expect(card.getByText("invented for this game").first()).toBeVisible();
  // The letter is kept, shown as a document, as plain text.
  const letters = student.getByRole("region", { name: "Your timeline" });
  await expect(letters.getByText('I was sentenced for a joke. <script>alert("x")</script>')).toBeVisible();
  await student.reload();
  await expect(student.getByRole("heading", { name: "Letter to the provincial procuracy" })).toBeVisible();
  // The print view keeps the timeline and drops the desk around it.
  await student.emulateMedia({ media: "print" });
  await expect(student.getByRole("heading", { name: "Letter to the provincial procuracy" })).toBeVisible();
  await expect(student.getByRole("list", { name: "Your cases" })).toBeHidden();
  await expect(student.getByRole("button", { name: "Print or save my timeline" })).toBeHidden();
  await student.emulateMedia({ media: "screen" });
  await expectNoAxeViolations(student);
});

test("when the run ends, the desk stops saying a letter is on its way and offers no letter", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(60_000);
  await createRun(teacher, "Letters end", { procurators: "0", petitioners: "1" });
  const code = await joinCode(teacher);
  const student = await joinAs(browser, code, "Sam");
  await teacher.getByRole("button", { name: "Start the run" }).click();
  const card = student.getByRole("list", { name: "Your cases" }).getByRole("article").first();
  await card.getByLabel("Write to").selectOption({ label: "The provincial procuracy" });
  await card.getByLabel("Your letter").fill("I ask for my case to be reviewed.");
  await card.getByRole("button", { name: "Send the letter" }).click();
  const sent = card.getByText("Your letter to the provincial procuracy is on its way.");
  await expect(sent).toBeVisible();
  await expect(card.locator("summary", { hasText: "Write a letter" })).toHaveCount(1);
  await teacher.getByRole("button", { name: "End the run…" }).click();
  await teacher.getByRole("button", { name: "Yes, end the run" }).click();
  await expect(student.getByText("The run has ended: this desk is now a record of what happened.")).toBeVisible();
  await expect(sent).toBeHidden();
  await expect(card.locator("summary", { hasText: "Write a letter" })).toHaveCount(0);
  await expectNoAxeViolations(student);
});

test("bad join codes and names get their message on the form and no seat", async ({ page }) => {
  await page.goto("/join");
  const join = page.getByRole("form", { name: "New seat" });
  await join.getByRole("button", { name: "Join the class" }).click();
  await expect(join.getByText("Enter the class code your teacher shows.")).toBeVisible();
  await join.getByLabel("Class code").fill("XXXXXX");
  await join.getByLabel("Display name").fill("Sam");
  await join.getByRole("button", { name: "Join the class" }).click();
  await expect(join.getByText("No class is using that code.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/join$/);
  await expectNoAxeViolations(page);
});

test("the instructor's controls: speed, jump to a date, end, archive; the code then stops working", async ({
  signedInPage: teacher,
  page,
}) => {
  test.setTimeout(60_000); // two jumps replay months of a run, then axe, end and archive
  await createRun(teacher, "Controls");
  const code = await joinCode(teacher);
  await teacher.getByRole("button", { name: "Start the run" }).click();
  await expect(teacher.getByRole("button", { name: "Pause" })).toBeVisible();
  await teacher.getByLabel("Days per minute").fill("14");
  await teacher.getByRole("button", { name: "Set speed" }).click();
  await expect(teacher.getByText("14 days per minute")).toBeVisible();
  await teacher.getByLabel("Jump to date").fill("1954-10-01");
  await teacher.getByRole("button", { name: "Jump" }).click();
  await expect(teacher.locator("time").first()).toHaveText(/October 1954/);
  await teacher.getByLabel("Jump to date").fill("1954-07-01");
  await teacher.getByRole("button", { name: "Jump" }).click();
  await expect(teacher.getByText(/only moves forward|only jump forward/)).toBeVisible();
  await expect(teacher.getByRole("table").first()).toBeVisible();
  await expectNoAxeViolations(teacher);
  await teacher.getByRole("button", { name: "End the run…" }).click();
  await teacher.getByRole("button", { name: "Yes, end the run" }).click();
  await expect(teacher.getByText("The run has ended", { exact: false })).toBeVisible();
  await teacher.getByRole("button", { name: "Archive the run" }).click();
  await expect(teacher.getByText("This run is archived.")).toBeVisible();

  await page.goto(`/join?code=${code}`);
  await page.getByLabel("Display name").fill("Late");
  await page.getByRole("button", { name: "Join the class" }).click();
  await expect(page.getByText("No class is using that code.", { exact: false })).toBeVisible();
});

test("another instructor can neither see nor control a run", async ({ signedInPage: teacher, browser }) => {
  const runId = await createRun(teacher, "Mine");
  const otherContext = await browser.newContext();
  await signInAs(otherContext, await createInstructorInDb({ name: "Dr. Levin" }));
  const other = await otherContext.newPage();
  expect((await other.goto(`/runs/${runId}`))?.status()).toBe(404);
  await other.goto("/runs");
  await expect(other.getByText("No runs yet")).toBeVisible();
  const control = await other.request.post(`/api/runs/${runId}/control`, { data: { action: "start" } });
  expect(control.status()).toBe(404);
  expect((await other.request.get(`/api/runs/${runId}/events`)).status()).toBe(403);
  await teacher.reload();
  await expect(teacher.getByRole("button", { name: "Start the run" })).toBeVisible();
});
