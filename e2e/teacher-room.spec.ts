import type { Browser, Page } from "@playwright/test";
import { classCode, createSeededRun, expect, expectNoAxeViolations, saveScreenshot, test } from "./fixtures";

/** A student joins in a browser of their own, whatever seat they are given. */
async function joinAs(browser: Browser, code: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/join?code=${code}`);
  await page.getByLabel("Display name").fill(name);
  await page.getByRole("button", { name: "Join the class" }).click();
  await expect(page.getByRole("heading", { name: /^Seat \d+: (Procurator|Petitioner)$/ })).toBeVisible();
  return page;
}

/**
 * The teacher runs the room: two students called Alex are told apart, the
 * projector shows one screen with no scrolling, a message and "eyes up"
 * reach both students, the lesson timer counts down on their screens, a seat
 * is renamed and another removed, and joining is closed and opened again.
 */
test("presenter mode, seats, a message, eyes up and the lesson timer, as a class sees them", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(150_000);
  await createSeededRun(teacher, { title: "Room, seeded", procurators: 1, petitioners: 2, speed: 2, seed: 8 });
  const code = await classCode(teacher);
  const alex = await joinAs(browser, code, "Alex");
  const alex2 = await joinAs(browser, code, "alex");
  // The second Alex is told apart at once.
  await expect(alex2.getByText(/already had your name, so you are “alex 2” here/)).toBeVisible();
  const sam = await joinAs(browser, code, "Sam");
  await teacher.reload();
  await teacher.getByRole("button", { name: "Start the run" }).click();
  await expect(teacher.getByRole("button", { name: "Pause" })).toBeVisible();

  // The projector: one screen, no scrolling, the map and the date in view.
  await teacher.setViewportSize({ width: 1920, height: 1080 });
  await teacher.getByRole("link", { name: "Presenter mode (for the projector)" }).click();
  // The console has the same headings: measure only once the presenter screen is the page.
  await expect(teacher).toHaveURL(/\/present$/);
  await expect(teacher.getByRole("link", { name: "Back to the console" })).toBeVisible();
  await expect(teacher.getByRole("heading", { name: /^Where the cases are/ })).toBeVisible();
  await expect(teacher.locator("time").first()).toBeVisible();
  await expect(teacher.locator(".react-flow").first()).toBeVisible();
  await expect(teacher.getByText(`code ${code}`, { exact: false })).toBeVisible();
  const overflow = await teacher.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(teacher);
  await saveScreenshot(teacher, "presenter");
  await teacher.getByRole("link", { name: "Back to the console" }).click();
  await teacher.setViewportSize({ width: 1280, height: 900 });

  // A message to every screen.
  const room = teacher.getByRole("region", { name: "The room" });
  await room.getByLabel("Message to every screen").fill("Stop writing for a moment and read your last reply.");
  await room.getByRole("button", { name: "Send to every screen" }).click();
  for (const student of [alex, alex2]) {
    await expect(student.getByRole("region", { name: "Message from your teacher" })).toContainText(
      "Stop writing for a moment and read your last reply.",
    );
  }
  // Eyes up covers both screens until released.
  await room.getByRole("button", { name: "Eyes up: cover their screens" }).click();
  for (const student of [alex, alex2]) {
    await expect(student.getByRole("alert").filter({ hasText: "Eyes up" })).toBeVisible();
  }
  await saveScreenshot(alex.getByRole("alert").filter({ hasText: "Eyes up" }), "eyes-up");
  await room.getByRole("button", { name: "Give the screens back" }).click();
  for (const student of [alex, alex2]) await expect(student.getByText("Eyes up", { exact: true })).toHaveCount(0);
  // A lesson timer near its end warns every seat.
  await room.getByLabel("Minutes left in the lesson").fill("3");
  await room.getByRole("button", { name: "Set the timer" }).click();
  for (const student of [alex, alex2]) await expect(student.getByText(/^Lesson ends in (3 min|2 min)/)).toBeVisible();
  await expectNoAxeViolations(alex);

  // Seats: the console marks each student's status; rename one, remove another.
  const seats = teacher.getByRole("region", { name: /^Seats/ });
  await expect(seats.getByRole("row", { name: /alex 2/ })).toContainText(/Active|Idle|Offline/);
  const samRow = seats.getByRole("row", { name: /Sam/ });
  await samRow.getByText("Rename or remove").click();
  await samRow.getByLabel("New name").fill("Samuel K.");
  await samRow.getByRole("button", { name: "Rename" }).click();
  await expect(seats.getByRole("row", { name: /Samuel K\./ })).toBeVisible();
  await expect(sam.getByText("Playing as Samuel K.")).toBeVisible();
  const alexRow = seats.getByRole("row", { name: /^\d+ Alex:/ });
  await alexRow.getByText("Rename or remove").click();
  await alexRow.getByLabel(/^Remove Alex/).check();
  await alexRow.getByRole("button", { name: "Remove the seat" }).click();
  await expect(alex.getByRole("alert").filter({ hasText: "Your teacher has removed this seat" })).toBeVisible();
  await expect(seats.getByRole("row", { name: /^\d+ Alex:/ })).toHaveCount(0);
  await expectNoAxeViolations(teacher);

  // Joining closed: a latecomer is turned away with why; opened again, they get the free place.
  await teacher.getByRole("button", { name: "Close joining" }).click();
  await expect(teacher.getByText("Joining is closed")).toBeVisible();
  const late = await (await browser.newContext()).newPage();
  await late.goto(`/join?code=${code}`);
  await late.getByLabel("Display name").fill("Kim");
  await late.getByRole("button", { name: "Join the class" }).click();
  await expect(late.getByText(/closed this class to new seats/)).toBeVisible();
  await teacher.getByRole("button", { name: "Open joining again" }).click();
  await expect(teacher.getByText("Joining is open.")).toBeVisible();
  await late.getByRole("button", { name: "Join the class" }).click();
  await expect(late.getByRole("heading", { name: /^Seat 4: / })).toBeVisible();
  await sam.close();
});
