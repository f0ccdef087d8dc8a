import type { Locator, Page } from "@playwright/test";
import { createSeededRun, expect, expectNoAxeViolations, joinAs, jump, saveScreenshot, tabTo, test } from "./fixtures";

/**
 * A petitioner's desk over a whole seeded run. Chita, seed 30111, one
 * petitioner seat and bots everywhere else: the seat's case is a military
 * tribunal's 58-10 sentence, and the student writes as the prisoner. The same seed, scenario and letters always give the same
 * route (checked in the engine: lib/sim/petitions.test.ts): a letter to the
 * Presidium earns a form reply; one handed on by a friend to the provincial
 * procuracy is registered, the commission protests, the court suspends the
 * case — and no spravka comes. This seed is one where asking the local MVD
 * brings it; in most, asking helps little (courts were "not sending" them).
 */
const SEED = 30111;

/** The student's own case card(s) (the timeline's print header repeats the headline). */
function desk(student: Page): Locator {
  return student.getByRole("list", { name: "Your cases" });
}

/** Opens the letter form if it is closed (it closes itself once the first letter is on its way). */
async function openLetterForm(student: Page): Promise<void> {
  const details = student.locator("details", { has: student.locator("summary", { hasText: "Write a letter" }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator("summary").click();
  }
}

test("a petitioner writes to two addressees, follows up through a friend, asks for the spravka and gets it", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(120_000);
  // Slow enough that the date barely moves while the student writes; the teacher jumps ahead.
  await createSeededRun(teacher, {
    title: "Petitioners, seeded",
    scenario: "chita-1954",
    procurators: 0,
    petitioners: 1,
    speed: 6,
    seed: SEED,
  });
  const student = await joinAs(browser, teacher, "Lena", "Seat 1: Petitioner");
  await teacher.getByRole("button", { name: "Start the run" }).click();

  // Who they are, from the case's own facts.
  await expect(student.getByRole("heading", { name: /Case \d{4}/ })).toBeVisible();
  await expect(student.getByText("Who you are", { exact: true })).toBeVisible();
  await expect(desk(student).getByText("You have not written yet")).toBeVisible();

  // An empty letter is refused in place, and nothing is sent.
  const form = student.getByRole("form", { name: /Write a letter about Case/ });
  await form.getByRole("button", { name: "Send the letter" }).click();
  await expect(form.getByText(/Write your letter before sending it/)).toBeVisible();
  await expect(student.getByRole("heading", { name: "Your timeline" })).toHaveCount(0);
  await expectNoAxeViolations(student);

  // Letter 1, keyboard only: to the Presidium, for release, pleading innocence, by the camp post.
  await form.getByLabel("Write to").focus();
  await student.keyboard.press("End"); // the last addressee: the USSR General Procurator
  await student.keyboard.press("ArrowUp"); // the Presidium
  await expect(form.getByLabel("Write to")).toHaveValue("presidium");
  // The pardons on record were the RSFSR Presidium's, not Voroshilov's USSR Presidium's (brief §7).
  await expect(form.getByText(/pardons on record came from the Presidium of the RSFSR Supreme Soviet/)).toBeVisible();
  // The letter box comes next (near the top on a phone), then what the letter asks, on what grounds, how it travels.
  await tabTo(student, form.getByLabel("Your letter"));
  await student.keyboard.type(
    "I, a prisoner, ask the Presidium to review my case. I said nothing against Soviet power.",
  );
  await tabTo(student, form.getByLabel("Ask for"));
  await tabTo(student, form.getByLabel("I am innocent")); // the grounds: one stop for the radio group
  await student.keyboard.press("ArrowDown"); // → no real evidence
  await student.keyboard.press("ArrowUp"); // ← back to innocence
  await expect(form.getByLabel("I am innocent")).toBeChecked();
  await tabTo(student, form.getByLabel("Send it myself"));
  await tabTo(student, form.getByRole("button", { name: "Send the letter" }));
  await student.keyboard.press("Enter");
  await expect(student.getByRole("status").filter({ hasText: "Your letter to the Presidium" })).toBeVisible();
  await expect(desk(student).getByText("You wrote to the Presidium of the Supreme Soviet (Voroshilov)")).toBeVisible();
  await expect(
    student.getByRole("heading", { name: "Letter to the Presidium of the Supreme Soviet (Voroshilov)" }),
  ).toBeVisible();

  // Nothing happens, and the seat explains why in general terms, with sources.
  await student.getByText("Why is nothing happening?").click();
  await expect(student.getByText(/Presidium/).first()).toBeVisible();
  await expectNoAxeViolations(student);

  // Three months later: a form reply has come — that route ends there.
  await jump(teacher, "1954-09-08");
  await expect(desk(student).getByText("A form reply came")).toBeVisible({ timeout: 15_000 });
  await expect(
    student.getByRole("heading", { name: "A form reply from the Presidium of the Supreme Soviet (Voroshilov)" }),
  ).toBeVisible();

  // Letter 2: a friend in Moscow hands it to the provincial procuracy; grounds: no real evidence.
  await openLetterForm(student);
  await form.getByLabel("Write to").selectOption("provincialProcuracy");
  await form.getByLabel("Ask for").selectOption("rehabilitation");
  await form.getByLabel("The case rests on no real evidence").check();
  await form.getByLabel("Ask a friend in Moscow to hand it on").check();
  await form.getByLabel("Your letter").fill("<b>No evidence</b> was ever shown. I ask for full rehabilitation.");
  // The teacher pauses mid-letter: the draft stays, sending waits — even across a reload.
  await teacher.getByRole("button", { name: "Pause" }).click();
  await expect(form.getByText("Your teacher has paused the clock. Keep writing")).toBeVisible();
  await expect(form.getByRole("button", { name: "Send the letter" })).toBeDisabled();
  await student.reload();
  await openLetterForm(student);
  await expect(form.getByLabel("Your letter")).toHaveValue(
    "<b>No evidence</b> was ever shown. I ask for full rehabilitation.",
  );
  await expect(form.getByLabel("Ask a friend in Moscow to hand it on")).toBeChecked();
  await teacher.getByRole("button", { name: "Resume" }).click();
  await form.getByRole("button", { name: "Send the letter" }).click();
  await expect(desk(student).getByText("You wrote to the provincial procuracy")).toBeVisible();
  // The letter is shown as the student wrote it: tags as text, never as markup.
  await expect(student.getByText("<b>No evidence</b> was ever shown.", { exact: false })).toBeVisible();
  await expect(student.locator("[id^=letter-] b")).toHaveCount(0);
  // The favour is spent.
  await openLetterForm(student);
  await expect(form.getByLabel(/Ask a friend in Moscow to hand it on \(already asked\)/)).toBeDisabled();

  // A year on: the court suspended the case — and sent no spravka.
  await jump(teacher, "1955-09-01");
  await expect(desk(student).getByText("You are cleared, but no spravka has come")).toBeVisible({
    timeout: 15_000,
  });
  await expect(student.getByRole("heading", { name: "The court's notice" })).toBeVisible();
  await expectNoAxeViolations(student);
  await student.getByRole("button", { name: "Ask the local MVD office for your spravka" }).click();
  await expect(student.getByText("You asked the local MVD office for your spravka").first()).toBeVisible();

  // And at last the certificate.
  await jump(teacher, "1955-10-31");
  await expect(student.getByText("Rehabilitated: the spravka is in your hands").first()).toBeVisible({
    timeout: 15_000,
  });
  await expect(student.getByRole("button", { name: "Print or save my timeline" })).toBeVisible();
  await saveScreenshot(student, "petitioner-timeline");
  await student.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(student, "petitioner-phone");
  await expectNoAxeViolations(student);
});
