import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import {
  createInstructorInDb,
  createSeededRun,
  expectFitsPaper,
  expect,
  expectNoAxeViolations,
  joinAs,
  jump,
  saveScreenshot,
  signInAs,
  test,
} from "./fixtures";

/** Both journeys' run: Rostov, seeded, one petitioner seat, a day a minute (the teacher jumps ahead). */
function createConsoleRun(teacher: Page): Promise<void> {
  return createSeededRun(teacher, { title: "Console, seeded", procurators: 0, petitioners: 1, speed: 1, seed: 77 });
}

/**
 * The instructor's live console. A seeded Rostov run with one
 * petitioner seat and bots for everything else: the teacher watches the
 * pipeline map, injects two events and sees the map and the students' desks
 * change, and takes the event log home as CSV and XES.
 */
test("the console: the pipeline map, two injected events, charts, and the event log as CSV and XES", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(120_000);
  await createConsoleRun(teacher);
  const student = await joinAs(browser, teacher, "Olga", "Seat 1: Petitioner");

  await teacher.getByRole("button", { name: "Start the run" }).click();
  const letter = student.getByRole("form", { name: /Write a letter about Case/ });
  await letter.getByLabel("Your letter").fill("I ask for my case to be reviewed. I was sentenced for a joke.");
  await letter.getByRole("button", { name: "Send the letter" }).click();
  await expect(student.getByRole("status").filter({ hasText: /Your letter to/ })).toBeVisible();
  await jump(teacher, "1954-08-01");
  const map = teacher.getByRole("region", { name: "Where the cases are" });
  const row = (stage: string) => map.getByRole("row", { name: new RegExp(`^${stage}`) });
  await expect(row("Waiting for the camp's list")).toBeVisible();
  // The page follows the clock: cases pile up before the lists.
  await expect(row("Waiting for the camp's list").getByRole("cell").first()).not.toHaveText("0");
  await expect(map.getByText("the bottleneck")).toBeVisible();
  await expect(
    teacher.getByRole("region", { name: "Charts" }).getByText("Cases by stage over simulated time"),
  ).toBeVisible();
  await expect(teacher.getByRole("row", { name: /Olga/ })).toContainText(/letters? sent/);
  await expectNoAxeViolations(teacher);
  await saveScreenshot(teacher, "console");

  // Two events: the camps send their lists (the lists queue empties), then a staff cut.
  const inject = async (title: RegExp) => {
    const form = teacher.getByRole("form", { name: "Inject" });
    await form.getByLabel(title).check();
    await form.getByRole("button", { name: "Inject the event" }).click();
    await expect(form.getByLabel(title)).toBeDisabled();
  };
  await inject(/The camps send their lists/);
  await expect(row("Waiting for the camp's list").getByRole("cell").first()).toHaveText("0");
  await expect(student.getByRole("region", { name: "News" })).toContainText("The camps' lists of prisoners arrive");
  await inject(/A Procuracy staff cut/);
  await expect(teacher.getByText(/Injected on 1 August 1954/)).toHaveCount(2);
  await expect(student.getByRole("region", { name: "News" })).toContainText("staff is cut to a third");
  await jump(teacher, "1954-10-01");
  await expectNoAxeViolations(student);

  // Any student's desk, read-only, and any case's whole timeline.
  await teacher.getByRole("link", { name: /Olga: open their desk/ }).click();
  await expect(teacher.getByText(/You are looking at Olga.s desk as they see it/)).toBeVisible();
  const olgaCase = (await teacher
    .getByRole("heading", { name: /^Case \d{4}$/ })
    .first()
    .textContent())!;
  await expect(teacher.getByRole("button", { name: "Send the letter" })).toHaveCount(0);
  await expect(teacher.getByText(/Your rejoin code/)).toHaveCount(0);
  await expectNoAxeViolations(teacher);
  await teacher.getByRole("link", { name: "← Back to the console" }).click();
  await teacher.getByLabel("Look up any case by its number").fill(olgaCase.replace("Case ", ""));
  await teacher.getByRole("button", { name: "Show its timeline" }).click();
  await expect(teacher.getByRole("heading", { name: olgaCase })).toBeVisible();
  await expect(teacher.getByRole("row", { name: /Complaint sent to .* Olga/ })).toBeVisible();
  await teacher.getByRole("link", { name: "← Back to the console" }).click();

  // The event log, as a spreadsheet and for process-mining tools.
  const exports = teacher.getByRole("region", { name: "Take the data home" });
  const [csv] = await Promise.all([
    teacher.waitForEvent("download"),
    exports.getByRole("button", { name: "Download the event log" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe("spravka-console-seeded.csv");
  const csvText = await readFile((await csv.path())!, "utf8");
  expect(csvText.split("\r\n")[0]).toBe("case_id,activity,timestamp,resource,role,outcome,detail");
  expect(csvText).toContain(",Olga,petitioner,");
  // The injected events are in the log too, on the run's own line.
  expect(csvText).toMatch(/\r\nRun,Event injected: /);
  await exports.getByLabel("XES").check();
  await exports.getByLabel(/seat labels/).check();
  const [xes] = await Promise.all([
    teacher.waitForEvent("download"),
    exports.getByRole("button", { name: "Download the event log" }).click(),
  ]);
  expect(xes.suggestedFilename()).toBe("spravka-console-seeded.xes");
  const xesText = await readFile((await xes.path())!, "utf8");
  expect(xesText).toContain('xes.version="1849-2016"');
  expect(xesText).toContain('<string key="org:resource" value="Seat 1"');
  expect(xesText).not.toContain("Olga");
  await teacher.setViewportSize({ width: 1920, height: 1080 });
  await saveScreenshot(teacher, "console-projector");
});

/**
 * The debrief of an ended run: the class against history, a replay, a "what
 * if", the teacher's prompts and a printable report; another instructor reads
 * none of it. A run of its own, so neither journey sits near the time limit.
 */
test("the debrief: class against history, replay, what if, prompts, print; strangers see nothing", async ({
  signedInPage: teacher,
  browser,
}) => {
  test.setTimeout(120_000);
  await createConsoleRun(teacher);
  await teacher.getByRole("button", { name: "Start the run" }).click();
  await jump(teacher, "1954-10-01");

  // End the run: the debrief.
  await teacher.getByRole("button", { name: "End the run…" }).click();
  await teacher.getByRole("button", { name: "Yes, end the run" }).click();
  await teacher.getByRole("link", { name: "Open the debrief" }).click();
  await expect(teacher.getByRole("heading", { name: "Debrief: Console, seeded" })).toBeVisible();
  const compare = teacher.getByRole("region", { name: "Your class and history" });
  await expect(compare.getByRole("row", { name: /Decisions that upheld the sentence/ })).toContainText(/\d+%/);
  await expect(compare.getByText(/Chita/).first()).toBeVisible();
  await expect(compare.getByRole("link", { name: /Source: / }).first()).toBeVisible();

  // Scrub back to the first day: the map follows (nobody had reached the commission then).
  const replay = teacher.getByRole("region", { name: "Replay the run" });
  const slider = replay.getByLabel(/Day of the run/);
  const commission = replay
    .getByRole("row", { name: /^At the commission/ })
    .getByRole("cell")
    .first();
  await expect(commission).not.toHaveText("0");
  await slider.focus();
  await teacher.keyboard.press("Home");
  await expect(replay.getByText("Day of the run: 1 June 1954")).toBeVisible();
  await expect(commission).toHaveText("0");
  await teacher.keyboard.press("End");
  await expect(commission).not.toHaveText("0");

  // What if there had been twice the staff?
  const whatIf = teacher.getByRole("form", { name: "What if" });
  await whatIf.getByLabel("Twice the staff").check();
  await whatIf.getByRole("button", { name: "Run it again" }).click();
  const table = teacher.getByRole("table", { name: /What if: twice the staff/ });
  await expect(table.getByRole("row", { name: /Cases the commission decided/ })).toBeVisible();

  // The teacher's own prompt.
  await teacher.getByRole("button", { name: "Edit the prompts" }).click();
  await teacher.getByLabel(/Your prompts, one per line/).fill("Who decided the fate of the files on your desk?");
  await teacher.getByRole("button", { name: "Save the prompts" }).click();
  await expect(teacher.getByRole("listitem").filter({ hasText: "Who decided the fate of the files" })).toBeVisible();
  await expectNoAxeViolations(teacher);
  await saveScreenshot(teacher, "debrief");

  // The report prints (Save as PDF): controls hidden, figures and prompts kept.
  await teacher.emulateMedia({ media: "print" });
  await expect(teacher.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(compare).toBeVisible();
  await expect(teacher.getByText("Saved.", { exact: true })).toBeHidden();
  const pdf = await teacher.pdf({ format: "A4" });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  expect(pdf.length).toBeGreaterThan(20_000);
  // On A4 and on Letter, nothing reaches past the page's edge (the map gives way to its table).
  await expectFitsPaper(teacher);

  // Another instructor reads none of it.
  const runPath = new URL(teacher.url()).pathname.replace(/\/debrief$/, "");
  const otherContext = await browser.newContext();
  await signInAs(otherContext, await createInstructorInDb({ name: "Dr. Levin" }));
  const stranger = await otherContext.newPage();
  for (const path of [runPath, `${runPath}/debrief`, `${runPath}/report`, `${runPath}/seats/1`, `${runPath}/cases/1`]) {
    const response = await stranger.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const api = await stranger.request.get(`/api${runPath}/export?format=csv`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain("case_id");
});
