import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/** Starts a self-guided Chita run from the Explore page, as a visitor without an account. */
async function startSolo(page: Page, role: "petitioner" | "procurator", seed: number) {
  await page.goto("/explore");
  const form = page.getByRole("form", { name: "Play alone" });
  await form.getByLabel("Scenario").selectOption("chita-1954");
  await form.getByLabel(role === "petitioner" ? /A petitioner/ : /A procurator/).check();
  await form.getByText("More settings").click();
  await form.getByLabel("Seed (optional)").fill(String(seed));
  await form.getByRole("button", { name: "Start playing" }).click();
  await expect(
    page.getByRole("heading", { name: `Seat 1: ${role === "petitioner" ? "Petitioner" : "Procurator"}` }),
  ).toBeVisible();
}

/**
 * A visitor plays Chita alone as a petitioner (seed 266) to a decision,
 * ends the run, reads the case's timeline split by cause and the line to
 * cite, makes a read-only link and opens it in a browser with no seat: the
 * debrief is there, and nothing that steers the run or returns to the seat.
 */
test("a solo petitioner's debrief splits the wait by cause, cites the run and shares a read-only link", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await startSolo(page, "petitioner", 266);
  const clock = page.getByRole("region", { name: "Your clock" });
  await clock.getByRole("button", { name: "Pause" }).click();
  const letter = page.getByRole("form", { name: /Write a letter about Case/ });
  await letter.getByLabel("Write to").selectOption("provincialProcuracy");
  await letter.getByLabel("The case rests on no real evidence").check();
  await letter
    .getByLabel("Your letter")
    .fill("I was convicted on a forced confession alone. I ask for a review of my case.");
  await clock.getByRole("button", { name: "Resume" }).click();
  await letter.getByRole("button", { name: "Send the letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Your letter to the provincial procuracy/ })).toBeVisible();

  const decided = page.getByText(/^A decision has come/);
  for (let month = 0; month < 17 && (await decided.count()) === 0; month++) {
    const before = await page.locator("time").first().textContent();
    await clock.getByRole("button", { name: "Skip ahead a month" }).click();
    await expect(page.locator("time").first()).not.toHaveText(before!);
  }
  await expect(decided).toHaveCount(1);

  // The codes that return to the seat: none of them may appear on the shared page.
  const rejoinHeading = await page.getByRole("heading", { name: /Your rejoin code/ }).textContent();
  const rejoinCode = rejoinHeading!.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];

  await clock.getByRole("button", { name: "End my run now" }).click();

  // This case, day by day: each stretch named by its cause, with dates and a source.
  const timeline = page.getByRole("region", { name: "This case, day by day" });
  await expect(timeline).toBeVisible();
  await expect(timeline.getByText(/until the case was decided for good/)).toBeVisible();
  const waits = timeline.getByRole("list", { name: /What Case \d+ waited for, in order/ });
  await expect(waits.getByRole("listitem").first()).toBeVisible();
  expect(await waits.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
  await expect(waits.getByText(/A letter on its way, through the camp censors and the post/)).toBeVisible();
  await expect(waits.getByRole("listitem").first().locator("time")).toHaveCount(2);
  await expect(waits.getByRole("link", { name: /Source:/ }).first()).toBeVisible();
  await expect(waits.getByText("invented for this game").first()).toBeVisible();

  // Behind the scenes (the same reveal as a class's), and the province beside history.
  await expect(page.getByRole("heading", { name: "Behind the curtain: what really happened" })).toBeVisible();
  const history = page.getByRole("region", { name: "Your run and history" });
  await expect(history.getByText(/Decisions that upheld the sentence: \d+%/)).toBeVisible();

  // The line to cite, and the reminder that a run is not a source.
  const share = page.getByRole("region", { name: "Share and cite this run" });
  await expect(share.getByRole("heading", { name: "Cite this simulation run" })).toBeVisible();
  const citation = share.getByRole("textbox", { name: /Cite this/ });
  await expect(citation).toHaveValue(
    /^Spravka \(a classroom simulation.*“Chita review.*”, seed 266, run played .*Accessed /,
  );
  await expect(share.getByText(/This run is a simulation, not a historical source/)).toBeVisible();

  // Printing hides every control.
  await page.emulateMedia({ media: "print" });
  await expect(share.getByRole("button", { name: "Make a read-only link" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print this debrief" })).toBeHidden();
  await expect(timeline).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The read-only link.
  await share.getByRole("button", { name: "Make a read-only link" }).click();
  const link = share.getByLabel("Read-only link to this debrief");
  await expect(link).toHaveValue(/\/shared\/[A-Za-z0-9_-]{32}$/);
  const url = await link.inputValue();
  await share.getByRole("button", { name: "Copy the link" }).click();
  await expect(share.getByRole("status").filter({ hasText: /Copied the link|The link is selected/ })).toBeVisible();
  await expect(citation).toHaveValue(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\. Accessed `));
  await expectNoAxeViolations(page);

  // Someone else opens it: the debrief, read-only.
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

/** A procurator who ends their run at once still gets a debrief with their (empty) decisions, said plainly. */
test("a solo procurator's ended run shows their decisions beside the province", async ({ page }) => {
  test.setTimeout(60_000);
  await startSolo(page, "procurator", 266);
  await page.getByRole("region", { name: "Your clock" }).getByRole("button", { name: "End my run now" }).click();
  const decisions = page.getByRole("region", { name: "Your decisions" });
  await expect(decisions).toBeVisible();
  await expect(decisions.getByText(/You recorded no decision in this run/)).toBeVisible();
  await expect(decisions.getByText(/in your run the province’s commission upheld/)).toBeVisible();
  await expect(page.getByRole("region", { name: /(Your cases|This case), day by day/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Behind the curtain: what really happened" })).toBeVisible();
  await expectNoAxeViolations(page);
});
