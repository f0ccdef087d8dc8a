import { citationText } from "../lib/sources";
import { expect, expectNoAxeViolations, test } from "./fixtures";

test("anyone reads the scenarios and a scenario's page, with its figures and sources, without signing in", async ({
  page,
}) => {
  // Three pages, two of them checked with axe: past 30 s when the other worker is busy.
  test.setTimeout(60_000);
  const response = await page.goto("/scenarios");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/scenarios$/);
  await expect(page.getByRole("heading", { name: "Scenarios", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The review of political cases, 1954–56" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "A contrasting lesson: the 1945 amnesty" })).toBeVisible();
  // A teacher's tools are not shown to a visitor.
  await expect(page.getByRole("heading", { name: "Your scenarios" })).toHaveCount(0);
  await expect(page.getByLabel("Duplicate a scenario")).toHaveCount(0);
  // The nav leads here for everyone.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scenarios" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Chita review, June 1954 – November 1955" }).click();
  await expect(page).toHaveURL(/\/scenarios\/chita-1954$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chita review, June 1954 – November 1955");
  for (const name of [
    "What it teaches",
    "The roles",
    "Historical figures it is compared with",
    "Where the sources disagree",
    "Sources",
  ]) {
    await expect(page.getByRole("heading", { name, exact: true, level: 2 })).toBeVisible();
  }
  for (const name of ["Petitioner", "Procurator"]) {
    await expect(page.getByRole("heading", { name, exact: true, level: 3 })).toBeVisible();
  }
  // A historical figure with its source beside it, leading to the source's full citation.
  const figure = page.getByRole("row", { name: /365 of 980 cases \(37%\) upheld/ });
  await expect(figure.getByRole("link", { name: "Source: Adler, ch. 3" })).toBeVisible();
  // The sources as citations a student can copy, not as keys.
  const sources = page.getByRole("region", { name: "Sources", exact: true });
  await expect(sources.getByText(citationText("adler-ch3"), { exact: true })).toBeVisible();
  await expect(sources.getByText(/Not recorded in Spravka’s copy: the author's first name/)).toBeVisible();
  await expect(sources.getByText("adler-ch3")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The camp of 1945 has its own two parts.
  await page.goto("/scenarios/amnesty-1945");
  for (const name of ["Prisoner", "Records clerk"]) {
    await expect(page.getByRole("heading", { name, exact: true, level: 3 })).toBeVisible();
  }
});

test("“Play this alone” opens /explore with the scenario chosen", async ({ page }) => {
  await page.goto("/scenarios/tomsk-1955");
  await page.getByRole("link", { name: "Play this alone" }).click();
  await expect(page).toHaveURL(/\/explore\?scenario=tomsk-1955$/);
  await expect(page.getByRole("form", { name: "Play alone" }).getByLabel("Scenario")).toHaveValue("tomsk-1955");
});

test("an unknown scenario, or a teacher's own, is the app's 404 page", async ({ page }) => {
  for (const path of ["/scenarios/no-such-scenario", "/scenarios/custom-0b7e0d7a-1c1c-4c1e-9d5f-000000000000"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  }
});

test("editing a scenario still asks an anonymous visitor to sign in", async ({ request }) => {
  const response = await request.get("/scenarios/edit?from=chita-1954", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toBe(`/login?callbackUrl=${encodeURIComponent("/scenarios")}`);
});

test("a signed-in teacher sees their own scenarios above the shipped ones", async ({ signedInPage: teacher }) => {
  await teacher.goto("/scenarios");
  await expect(teacher.getByRole("heading", { name: "Scenarios", level: 1 })).toBeVisible();
  await expect(teacher.getByRole("heading", { name: "Your scenarios", level: 2 })).toBeVisible();
  await expect(teacher.getByLabel("Duplicate a scenario")).toBeVisible();
  await expect(teacher.getByRole("link", { name: "Rostov commission, June 1954 – January 1955" })).toBeVisible();
  await expectNoAxeViolations(teacher);
});
