import type { Locator, Page } from "@playwright/test";
import { dateLabel } from "../lib/runs/calendar";
import { createSeededRun, expect, expectNoAxeViolations, joinAs, jump, saveScreenshot, tabTo, test } from "./fixtures";

/**
 * A procurator's working day. Rostov, seed 18, one
 * procurator seat and bots everywhere else: by 16 July 1954 two files on the
 * desk are complete — one from a court (a decision is only a protest) and one
 * from an out-of-court board (a decision is final) — and one still lacks its
 * originals. The desk's work takes more than a day's six hours.
 */
/** The case card whose file number is `label`, however its contents change. */
function byHeading(cards: Locator, label: string): Locator {
  return cards.filter({ has: cards.page().getByRole("heading", { name: label, exact: true }) });
}

/** The desk's day, moved on by the teacher when the student's hours are spent. */
class Desk {
  constructor(
    private readonly teacher: Page,
    private readonly student: Page,
    private day: string,
  ) {}

  hoursLeft = async (): Promise<number> => {
    const text = (await this.student.getByRole("heading", { name: /^Your working day:/ }).textContent()) ?? "";
    return Number(/: ([\d.]+) of/.exec(text)?.[1] ?? "0");
  };

  /** The teacher jumps to the next day; the student's hours come back. */
  nextDay = async (): Promise<void> => {
    const d = new Date(`${this.day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    this.day = d.toISOString().slice(0, 10);
    await jump(this.teacher, this.day);
    await expect(this.student.getByRole("heading", { name: /^Your working day: 6 of 6 hours left$/ })).toBeVisible();
  };

  /** Whether the file's reading button can be pressed now (not read through, hours left today). */
  canRead = async (card: Locator): Promise<boolean> =>
    (await this.hoursLeft()) > 0 &&
    (await card.getByRole("button", { name: /^(Read the file|Go on reading the file) \(/ }).count()) > 0;

  /** Reads a file, day after day if need be, until it can be decided (the decision takes an hour too). */
  readWholeFile = async (card: Locator): Promise<void> => {
    const decide = card.getByRole("button", { name: "Record the decision (1 hour)" });
    for (let k = 0; k < 8 && !(await decide.isEnabled()); k++) {
      if (!(await this.canRead(card))) {
        await this.nextDay();
        continue;
      }
      await card.getByRole("button", { name: /^(Read the file|Go on reading the file) \(/ }).click();
      await expect(card.getByRole("status")).toHaveText(/You read the file/);
    }
    await expect(decide).toBeEnabled();
  };

  /** The same, by keyboard only: from the focus inside the card, back to the reading button, Enter. */
  readWholeFileByKeyboard = async (card: Locator): Promise<void> => {
    const decide = card.getByRole("button", { name: "Record the decision (1 hour)" });
    for (let k = 0; k < 8 && !(await decide.isEnabled()); k++) {
      if (!(await this.canRead(card))) {
        await this.nextDay();
        continue;
      }
      await tabTo(
        this.student,
        card.getByRole("button", { name: /^(Read the file|Go on reading the file) \(/ }),
        "Shift+Tab",
      );
      await this.student.keyboard.press("Enter");
      await expect(card.getByRole("status")).toHaveText(/You read the file/);
      await expect(card.getByRole("status")).toBeFocused();
    }
    await expect(decide).toBeEnabled();
  };

  /** Records a decision with its grounds, on a fresh day if today's hours cannot cover it. */
  decide = async (card: Locator, decision: string, grounds: string): Promise<void> => {
    if ((await this.hoursLeft()) < 1) await this.nextDay();
    await card.getByLabel(/^Decision/).selectOption(decision);
    await card.getByLabel("Grounds for the decision").fill(grounds);
    await card.getByRole("button", { name: "Record the decision (1 hour)" }).click();
  };
}

test("a procurator works a day: requests originals, reads, decides an out-of-court case and a court case, runs out of hours", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(180_000); // eight files on the desk, read and decided by keyboard and mouse, with axe
  await createSeededRun(teacher, {
    title: "Procurators, seeded",
    procurators: 1,
    petitioners: 0,
    // The district is sized at this speed (8 files: the desk fits a screen or two)...
    speed: 30,
    seed: 18,
  });
  const student = await joinAs(browser, teacher, "Ivan", "Seat 1: Procurator");
  await teacher.getByRole("button", { name: "Start the run" }).click();
  // ...then the clock is slowed, so a working day lasts while the student works.
  await teacher.getByLabel("Days per minute").fill("1");
  await teacher.getByRole("button", { name: "Set speed" }).click();
  await expect(teacher.getByText("1 day per minute")).toBeVisible();
  await jump(teacher, "1954-07-16");
  const desk = new Desk(teacher, student, "1954-07-16");

  await expect(student.getByRole("heading", { name: "Your working day: 6 of 6 hours left" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(student.getByRole("heading", { name: "Memos from above" })).toBeVisible();
  await expect(
    student.getByText(/do not weaken the struggle against “real enemies of the Soviet state”/),
  ).toBeVisible();
  const cards = student.getByRole("list", { name: "Your cases" }).getByRole("listitem");

  // A file that is only copies: write for the originals (half an hour).
  const withCopies = cards
    .filter({ has: student.getByRole("button", { name: "Request the originals (half an hour)" }) })
    .first();
  const copies = byHeading(cards, (await withCopies.getByRole("heading").first().textContent())!);
  await copies.getByRole("button", { name: "Request the originals (half an hour)" }).click();
  await expect(copies.getByRole("status")).toHaveText(/They will take weeks/);
  await expect(student.getByRole("heading", { name: /^Your working day: 5\.5 of 6 hours left$/ })).toBeVisible();

  // Two complete files: one out-of-court (final), one from a court (a protest).
  const ready = cards.filter({ has: student.getByRole("form", { name: /^Decide Case/ }) });
  await expect(ready.first()).toBeVisible();
  expect(await ready.count()).toBeGreaterThanOrEqual(2);
  const outOfCourt = byHeading(
    cards,
    (await ready
      .filter({ hasText: /Special Conference|troika|OGPU/ })
      .first()
      .getByRole("heading")
      .first()
      .textContent())!,
  );
  const court = byHeading(
    cards,
    (await ready
      .filter({ hasText: /Regular court|Military tribunal|Military Collegium/ })
      .first()
      .getByRole("heading")
      .first()
      .textContent())!,
  );

  // Keyboard only for this file: open its papers, read it over the day's hours, decide it.
  const papers = outOfCourt.locator("summary", { hasText: /^Open the file: \d+ papers/ });
  await papers.focus();
  await student.keyboard.press("Enter");
  await expect(outOfCourt.getByRole("heading", { name: "Extract from the sentence" })).toBeVisible();
  await expect(outOfCourt.getByRole("heading", { name: "Protocol of interrogation (copy)" })).toBeVisible();
  await expect(outOfCourt.getByText("Basis of the charge")).toBeVisible();
  // Deciding before reading is not possible: the button says why, and so does the form.
  const recordButton = outOfCourt.getByRole("button", { name: "Record the decision (1 hour)" });
  await expect(recordButton).toBeDisabled();
  await expect(recordButton).toHaveAccessibleDescription(/^Read the whole file before you decide: you have read 0 of/);
  await tabTo(student, outOfCourt.getByRole("button", { name: /^Read the file \(/ }));
  await desk.readWholeFileByKeyboard(outOfCourt);
  if ((await desk.hoursLeft()) < 1) await desk.nextDay();
  const choice = outOfCourt.getByLabel(/^Decision/);
  await tabTo(student, choice, "Shift+Tab");
  // In June 1954 no file can be reclassified: the ruling on 58-7/11 came on 24 September.
  await student.keyboard.press("r"); // the first decision starting with R: reclassify
  await expect(choice).toHaveValue("reclassification");
  await expect(outOfCourt.locator(".field-error")).toHaveText(/Only 58-7 and 58-11|Not yet: 58-7 and 58-11/);
  await student.keyboard.press("ArrowUp"); // the option above: full rehabilitation
  await expect(choice).toHaveValue("fullRehabilitation");
  await tabTo(student, outOfCourt.getByLabel("Grounds for the decision"));
  await student.keyboard.type("The file shows talk among friends, not a plot; the only evidence is a confession.");
  await tabTo(student, outOfCourt.getByRole("button", { name: "Record the decision (1 hour)" }));
  await saveScreenshot(outOfCourt.getByRole("form", { name: /^Decide Case/ }), "procurator-decision");
  await student.keyboard.press("Enter");
  const protocols = student.getByRole("region", { name: "Your protocols" });
  await expect(protocols.getByText("Final: an out-of-court sentence")).toBeVisible();

  await desk.readWholeFile(court);
  // A decision the May 19 menu bars for this case (reclassifying before the Sep 1954 ruling, ending an
  // exile for someone in a camp, or the amnesty for a long sentence) is marked, says why beside the
  // menu, and cannot be sent.
  const form = court.getByRole("form", { name: /^Decide Case/ });
  const barredOption = form.locator("option", { hasText: "(not allowed for this case)" }).first();
  await form.getByLabel(/^Decision/).selectOption((await barredOption.getAttribute("value"))!);
  const reason = form.locator(".field-error");
  await expect(reason).toHaveText(
    /Only 58-7 and 58-11|Not yet: 58-7 and 58-11|covers sentences of up to five years|Only a person in exile|Only a sentence still being served/,
  );
  await expect(form.getByRole("button", { name: "Record the decision (1 hour)" })).toBeDisabled();
  await saveScreenshot(form, "procurator-decision-barred");
  await desk.decide(court, "fullRehabilitation", "The only evidence is a confession taken under pressure.");
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
  await student.setViewportSize({ width: 1280, height: 800 });

  // Weeks later the court rules on the protest: the ruling comes back as a notice and onto the protocol.
  const courtLabel = (await court.getByRole("heading").first().textContent())!;
  const courtProtocol = protocols.getByRole("listitem").filter({ hasText: `Protocol: ${courtLabel}` });
  await expect(courtProtocol.getByText("Waiting for the court's ruling")).toBeVisible();
  const notice = student.getByText(`From the court: ${courtLabel}`);
  for (const date of ["1954-08-16", "1954-09-16", "1954-10-16", "1954-11-16", "1954-12-16", "1955-01-20"]) {
    if (await notice.isVisible()) break;
    await jump(teacher, date);
    await expect(student.getByText(dateLabel(date)).first()).toBeVisible();
  }
  await expect(notice).toBeVisible();
  await expect(courtProtocol.getByText(/The court (accepted|sent|rejected)/)).toBeVisible();
  await expectNoAxeViolations(student);

  // The run ends: the desk stops counting hours and offers no work.
  await teacher.getByRole("button", { name: "End the run…" }).click();
  await teacher.getByRole("button", { name: "Yes, end the run" }).click();
  await expect(student.getByRole("heading", { name: "Your working days are over" })).toBeVisible();
  await expect(student.getByRole("heading", { name: /^Your working day:/ })).toHaveCount(0);
  await expect(student.getByRole("list", { name: /^Work on / })).toHaveCount(0);
  await expectNoAxeViolations(student);
});
