import { e2eDb, expect, expectNoAxeViolations, saveScreenshot, test } from "./fixtures";

/** A cell's leading count, "1,153 (76.9%)" → 1153 (cells carry a share beside the count). */
const leadingCount = (text: string) => Number(text.trim().split(" ")[0]!.replace(/,/g, ""));

/**
 * The what-if lab, without an account. Two configurations of the
 * Chita scenario run in a Web Worker and show side by side; the shared link
 * of the second reproduces its figures; a bad value is named beside its
 * field and nothing runs; the national run shows progress and can be
 * cancelled.
 */
test("the lab runs two configurations side by side; a shared link reproduces a run; bad values are named", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto("/lab");
  const form = page.getByRole("form", { name: "Lab configuration" });
  const status = form.getByRole("status");
  const procurators = form.getByLabel("Procurators reviewing files");
  await form.getByLabel("Scenario", { exact: true }).selectOption("chita-1954");
  await procurators.fill("2");
  await form.getByRole("button", { name: /^Run/ }).click();
  await expect(status).toHaveText(/Run 1 finished/, { timeout: 60_000 });
  await procurators.fill("30");
  const share = await form.getByLabel(/Link to this configuration/).inputValue();
  expect(share).toContain("procurators=30");
  await form.getByRole("button", { name: /^Run/ }).click();
  await expect(status).toHaveText(/Run 2 finished/, { timeout: 60_000 });

  const results = page.getByRole("region", { name: "Results side by side" });
  const decided = results.getByRole("row", { name: /^Cases the commission decided/ }).getByRole("cell");
  await expect(decided).toHaveCount(2);
  const [one, two] = await decided.allTextContents();
  expect(leadingCount(two!)).toBeGreaterThan(leadingCount(one!));
  await expectNoAxeViolations(page);
  await saveScreenshot(page, "lab");

  // The shared link runs the same configuration: the same figures.
  const other = await (await browser.newContext()).newPage();
  await other.goto(share);
  await expect(other.getByRole("form", { name: "Lab configuration" }).getByRole("status")).toHaveText(
    /Run 1 finished/,
    {
      timeout: 60_000,
    },
  );
  const again = other
    .getByRole("region", { name: "Results side by side" })
    .getByRole("row", { name: /^Cases the commission decided/ })
    .getByRole("cell");
  await expect(again).toHaveText([two!]);

  // A bad value is named beside its field, and nothing runs.
  await procurators.fill("0");
  await expect(form.getByText("Between 1 and 500.")).toBeVisible();
  await expect(procurators).toHaveAttribute("aria-invalid", "true");
  await form.getByRole("button", { name: /^Run/ }).click();
  await expect(status).toHaveText("Fix the values marked above first.");
  await expect(decided).toHaveCount(2);

  // The national run: progress, and a cancel button that stops it.
  await procurators.fill("");
  await results.getByRole("button", { name: "Remove run 1" }).click();
  await form.getByLabel("Scenario", { exact: true }).selectOption("national-1954");
  await form.getByRole("button", { name: /^Run/ }).click();
  await expect(form.getByRole("progressbar")).toBeVisible();
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(status).toHaveText("Run cancelled.");
  await expect(form.getByRole("progressbar")).toHaveCount(0);
});

test("a teacher's own scenario with bad values: field errors, and nothing saved", async ({
  signedInPage: teacher,
  instructor,
}) => {
  test.setTimeout(60_000); // two failed saves and an axe pass: about 15 s on a quiet machine
  // Only this teacher's rows: other tests running alongside save scenarios of their own.
  const ownScenarios = () =>
    (e2eDb().prepare("SELECT COUNT(*) AS n FROM CustomScenario WHERE ownerId = ?").get(instructor.id) as { n: number })
      .n;
  const before = ownScenarios();
  await teacher.goto("/scenarios");
  await teacher.getByLabel("Duplicate a scenario").selectOption("chita-1954");
  await teacher.getByRole("button", { name: "Duplicate and edit" }).click();
  const form = teacher.getByRole("form", { name: "Scenario" });
  await form.getByLabel("Title").fill("");
  await form.getByLabel("Cases under review").fill("0");
  await form.getByLabel(/Share of camps that never send/).fill("2");
  await form.getByRole("button", { name: "Save the scenario" }).click();
  await expect(form.getByRole("alert")).toContainText("nothing was saved");
  await expect(form.getByText("Write the title.")).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Title").fill("Chita, staff not cut");
  await form.getByRole("button", { name: "Save the scenario" }).click();
  await expect(form.getByText("More than 0.")).toBeVisible();
  await expect(form.getByText("At most 1.")).toBeVisible();
  await expectNoAxeViolations(teacher);
  expect(ownScenarios()).toBe(before);
});

test("a teacher's own scenario, once saved, is used for a class run", async ({ signedInPage: teacher }) => {
  test.setTimeout(60_000); // a save, then the New run form and the lobby: about 15 s on a quiet machine
  await teacher.goto("/scenarios");
  await teacher.getByLabel("Duplicate a scenario").selectOption("chita-1954");
  await teacher.getByRole("button", { name: "Duplicate and edit" }).click();
  const form = teacher.getByRole("form", { name: "Scenario" });
  await form.getByLabel("Title").fill("Chita, staff not cut");
  await form.getByLabel("Cases under review").fill("400");
  await form.getByLabel(/Share of camps that never send/).fill("0.1");
  await form.getByLabel("Procurators reviewing files").fill("9");
  await form.getByRole("button", { name: "Save the scenario" }).click();
  await expect(teacher.getByRole("status")).toContainText("Saved");
  await expect(teacher.getByText("400 cases · 9 procurators")).toBeVisible();

  await teacher.goto("/runs/new");
  await teacher.getByLabel("Title").fill("Our own Chita");
  await teacher.getByLabel("Scenario").selectOption({ label: "Yours: Chita, staff not cut" });
  await expect(teacher.getByText(/400 cases\. The clock starts/)).toBeVisible();
  await teacher.getByRole("button", { name: "Create the run and open the lobby" }).click();
  await expect(teacher.getByRole("heading", { name: "Our own Chita" })).toBeVisible();
});

test("the lesson preset runs the 1945 amnesty beside the national review, with questions to discuss", async ({
  page,
}) => {
  test.setTimeout(180_000); // two national runs in the browser: about 10 s on a quiet machine
  await page.goto("/lab");
  await page.getByRole("link", { name: /Release by category \(1945\) or review case by case/ }).click();
  const status = page.getByRole("form", { name: "Lab configuration" }).getByRole("status");
  await expect(status).toHaveText(/Run 2 finished/, { timeout: 150_000 });
  const results = page.getByRole("region", { name: "Results side by side" });
  const released = results.getByRole("row", { name: /^Released by the end/ }).getByRole("cell");
  await expect(released).toHaveCount(2);
  const [amnesty, review] = (await released.allTextContents()).map((t) => Number(t.replace(/[^\d]/g, "")));
  // Hundreds of thousands by category in months; tens of thousands file by file in twenty months.
  expect(amnesty!).toBeGreaterThan(500_000);
  expect(review!).toBeLessThan(100_000);
  // A figure that belongs to one kind of run reads "does not apply" in the other's column.
  await expect(results.getByRole("row", { name: /^Terms halved/ })).toContainText("does not apply");
  await expect(page.getByRole("heading", { name: /questions to discuss/ })).toBeVisible();

  // Those still waiting are counted for the national run (run 2), in the figures and in every chart's table.
  const figures = results.getByRole("table").first();
  const waitingFigure = figures.getByRole("row", { name: /^Still waiting at the end/ }).getByRole("cell");
  await expect(waitingFigure).toHaveCount(2);
  expect(leadingCount((await waitingFigure.allTextContents())[1]!)).toBeGreaterThan(100_000);
  const charts = results.getByRole("figure");
  await expect(charts).toHaveCount(4); // released, decided, and one outcome chart for each kind of run
  for (const chart of await charts.all()) {
    const table = chart.getByRole("table");
    await expect(table).toBeHidden();
    await chart.locator("summary").filter({ hasText: "Show as a table" }).click();
    await expect(table).toBeVisible();
    await expect(table.getByRole("row", { name: /still waiting/i }).first()).toBeVisible();
  }
  const reviewOutcomes = results.getByRole("figure", { name: /^Final outcome of each case/ });
  const undecided = reviewOutcomes.getByRole("row", { name: /^Not decided: still waiting/ }).getByRole("cell");
  await expect(undecided).toHaveCount(1); // the national run alone: the 1945 run has its own chart
  await expect(undecided).toHaveText(/^[\d,]+ \(\d+(\.\d)?%\)$/);
  expect(leadingCount((await undecided.allTextContents())[0]!)).toBeGreaterThan(100_000);
  const decidedTable = results.getByRole("figure", { name: /^Share of all cases decided/ }).getByRole("table");
  await expect(decidedTable.getByRole("row", { name: /^Still waiting at the end/ }).getByRole("cell")).toHaveCount(2);
  await expect(decidedTable.getByRole("row", { name: /^647 / })).toBeVisible(); // the national run's last day
  const releasedTable = results.getByRole("figure", { name: /^Released so far/ }).getByRole("table");
  await expect(releasedTable.getByRole("row", { name: /^Still waiting at the end/ })).toBeVisible();
  // The 1945 run's outcomes keep those covered and still in the camp.
  await expect(
    results.getByRole("figure", { name: /1945 prisoners/ }).getByRole("row", { name: /^Covered, still waiting/ }),
  ).toBeVisible();
  // The chart starts by share (on any screen, for any runs), reads by counts at a click, and its table stays.
  await expect(reviewOutcomes.getByRole("radio", { name: /^Share of each run/ })).toBeChecked();
  await reviewOutcomes.getByRole("radio", { name: /^Counts/ }).check();
  await expect(reviewOutcomes.getByRole("radio", { name: /^Counts/ })).toBeChecked();
  await reviewOutcomes.getByRole("radio", { name: /^Share of each run/ }).check();
  await expect(results.getByRole("figure", { name: /share of each run's cases\)$/ })).toBeVisible();
  await expect(undecided).toBeVisible();
  await expectNoAxeViolations(page);
});
