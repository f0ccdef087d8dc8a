import { classCode, createSeededRun, expect, expectNoAxeViolations, test } from "./fixtures";

/**
 * On a phone (390×844), what a petitioner does now comes first: the letter
 * box is within one screen of scrolling, even on the first visit with the
 * seat's codes on top, and nothing scrolls sideways.
 */
test("a petitioner can start writing within one screen of scrolling on a phone", async ({
  signedInPage: teacher,
  browser,
}) => {
  await createSeededRun(teacher, { title: "Phone", procurators: 0, petitioners: 2, speed: 2, seed: 8 });
  const code = await classCode(teacher);
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();
  await phone.goto(`/join?code=${code}`);
  await phone.getByLabel("Display name").fill("Lena");
  await phone.getByRole("button", { name: "Join the class" }).click();
  await expect(phone.getByRole("heading", { name: /^Seat \d+: Petitioner$/ })).toBeVisible();
  await teacher.getByRole("button", { name: "Start the run" }).click();
  const letterBox = phone.getByLabel("Your letter");
  await expect(letterBox).toBeVisible();
  const top = await letterBox.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThanOrEqual(2 * 844);
  expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(phone);
});
