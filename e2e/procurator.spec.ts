import type { Locator, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, saveScreenshot, test } from "./fixtures";

/**
 * Issue #6 (in progress): a procurator's working day. Rostov, seed 37, one
 * procurator seat and bots everywhere else: by 1 July 1954 two files on the
 * desk are complete — one from a court (a decision is only a protest) and one
 * from an out-of-court board (a decision is final) — and others still lack
 * their originals.
 */
async function jump(teacher: Page, date: string, shows: RegExp): Promise<void> {
  await teacher.getByLabel("Jump to date").fill(date);
  await teacher.getByRole("button", { name: "Jump" }).click();
  await expect(teacher.locator("time").first()).toHaveText(shows);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** "1954-07-02" → "2 July 1954", as the pages show dates. */
function label(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** Reads a file, day after day if need be, until it can be decided. */
async function readWholeFile(student: Page, teacher: Page, card: Locator, nextDays: string[]): Promise<void> {
  for (const day of ["", ...nextDays]) {
    if (day) await jump(teacher, day, new RegExp(label(day)));
    const read = card.getByRole("button", { name: /^(Read the file|Go on reading the file) \(/ });
    if ((await read.count()) === 0) break;
    await read.click();
    await expect(card.getByRole("status")).toHaveText(/You read the file/);
    if (await card.getByRole("button", { name: "Record the decision (1 hour)" }).isEnabled()) return;
  }
  await expect(card.getByRole("button", { name: "Record the decision (1 hour)" })).toBeEnabled();
}

test("a procurator works a day: requests originals, reads, decides an out-of-court case and a court case, runs out of hours", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(120_000);
  await teacher.goto("/runs/new");
  await teacher.getByLabel("Title").fill("Procurators, seeded");
  await teacher.getByLabel("Procurator seats").fill("1");
  await teacher.getByLabel("Petitioner seats").fill("0");
  await teacher.getByLabel("Clock speed (simulated days per real minute)").fill("1");
  await teacher.getByText("More settings").click();
  await teacher.getByLabel("Seed (optional)").fill("37");
  await teacher.getByRole("button", { name: "Create the run and open the lobby" }).click();
  const code = (await teacher
    .getByLabel(/^Class code:/)
    .first()
    .textContent())!.trim();
  const student = await (await browser.newContext()).newPage();
  await student.goto(`/join?code=${code}`);
  await student.getByLabel("Display name").fill("Ivan");
  await student.getByRole("button", { name: "Join the class" }).click();
  await expect(student.getByRole("heading", { name: "Seat 1: Procurator" })).toBeVisible();
  await teacher.getByRole("button", { name: "Start the run" }).click();
  await jump(teacher, "1954-07-01", /July 1954/);

  await expect(student.getByRole("heading", { name: "Your working day: 6 of 6 hours left" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(student.getByRole("heading", { name: "Memos from above" })).toBeVisible();
  await expect(student.getByText(/do not weaken the struggle against real enemies/)).toBeVisible();
  const cards = student.getByRole("list", { name: "Your cases" }).getByRole("listitem");

  // A file that is only copies: write for the originals (half an hour).
  const copies = cards.filter({ has: student.getByRole("button", { name: "Request the originals (half an hour)" }) });
  await copies.first().getByRole("button", { name: "Request the originals (half an hour)" }).click();
  await expect(copies.first().getByRole("status")).toHaveText(/They will take weeks/);
  await expect(student.getByRole("heading", { name: /^Your working day: 5\.5 of 6 hours left$/ })).toBeVisible();

  // Two complete files: one out-of-court (final), one from a court (a protest).
  const ready = cards.filter({ has: student.getByRole("form", { name: /^Decide Case/ }) });
  await expect(ready.first()).toBeVisible();
  expect(await ready.count()).toBeGreaterThanOrEqual(2);
  const outOfCourt = ready.filter({ hasText: /Special Conference|troika|OGPU/ }).first();
  const court = ready.filter({ hasText: /Regular court|Military tribunal|Military Collegium/ }).first();

  // Deciding before reading is not possible; a decision the menu bars for the case says why.
  await expect(outOfCourt.getByRole("button", { name: "Record the decision (1 hour)" })).toBeDisabled();
  await readWholeFile(student, teacher, outOfCourt, ["1954-07-02", "1954-07-03"]);
  await outOfCourt.getByLabel(/^Decision/).selectOption("confirmRefusal");
  await outOfCourt
    .getByLabel("Grounds for the decision")
    .fill("The file shows an organised group; the sentence stands.");
  await outOfCourt.getByRole("button", { name: "Record the decision (1 hour)" }).click();
  const protocols = student.getByRole("region", { name: "Your protocols" });
  await expect(protocols.getByText("Final: an out-of-court sentence")).toBeVisible();

  await readWholeFile(student, teacher, court, ["1954-07-04", "1954-07-05", "1954-07-06"]);
  await court.getByLabel(/^Decision/).selectOption("fullRehabilitation");
  await court.getByLabel("Grounds for the decision").fill("The only evidence is a confession taken under pressure.");
  await court.getByRole("button", { name: "Record the decision (1 hour)" }).click();
  await expect(protocols.getByText("A protest: a court must rule on it")).toBeVisible();
  await expect(protocols.getByText("Decided by you:")).toContainText("2");
  // The protest now waits for the court.
  await expect(student.getByText("Before the court").first()).toBeVisible();
  await expectNoAxeViolations(student);

  // Spend what is left of the day: then the work waits for tomorrow.
  const hours = student.getByRole("heading", { name: /^Your working day:/ });
  for (let k = 0; k < 12; k++) {
    if (/: 0 of 6 hours left/.test((await hours.textContent()) ?? "")) break;
    const work = student
      .getByRole("list", { name: /^Work on / })
      .getByRole("button", { name: /\((half an hour|1 hour|[\d.]+ hours)\)$/ })
      .first();
    if ((await work.count()) === 0) break;
    await work.click();
    await expect(student.getByRole("status").filter({ hasText: /./ }).first()).toBeVisible();
  }
  if (/: 0 of 6 hours left/.test((await hours.textContent()) ?? "")) {
    await expect(student.getByText("Today is over for you")).toBeVisible();
  }
  await saveScreenshot(student, "procurator-desk");
  await student.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(student, "procurator-desk-phone");
});
