import { expect, expectNoAxeViolations, test } from "./fixtures";

test("the landing page says what Spravka is and where to go", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why did freeing the innocent take so long?");
  for (const name of ["Run a class", "Join a class", "Explore on your own", "Sign in"]) {
    await expect(page.getByRole("link", { name }).first()).toBeVisible();
  }
  // Claims carry their source, and the source key leads to the sources page.
  await page.getByRole("link", { name: "Source: Adler, ch. 3" }).first().click();
  await expect(page).toHaveURL(/\/sources#adler-ch3$/);
  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the landing page passes axe and fits a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("Run a class asks an anonymous teacher to sign in first", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Run a class" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fruns$/);
});

test("/explore offers to play alone and the lab; the sources list their claims; the glossary explains the terms", async ({
  page,
}) => {
  // Four pages, each checked with axe: past 30 s when the other worker is busy.
  test.setTimeout(60_000);
  await page.goto("/explore");
  await expect(page.getByRole("heading", { name: "Explore on your own" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Play alone" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the lab" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/sources");
  await page
    .getByText(/claims in the app rest on it/)
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "The rules of the review" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // A term links to its explanation.
  await page.goto("/");
  await page.getByRole("link", { name: "spravka", exact: true }).first().click();
  await expect(page).toHaveURL(/\/glossary#spravka$/);
  await expect(page.getByText(/the paper that said a person had been rehabilitated/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an unknown address gets the app's own 404 page with a 404 status", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the start page" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an auth error URL does not leak internals", async ({ request }) => {
  const response = await request.get("/api/auth/callback/nonexistent-provider");
  const body = await response.text();
  expect(body).not.toMatch(/at .*\.(js|ts):\d+/);
  expect(body).not.toContain("node_modules");
});

test("pages carry a nonce-based Content Security Policy, and nothing the app does breaks it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Next.js's own scripts carry this request's nonce (browsers hide the attribute; the property keeps it).
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const withNonce = await page.evaluate((n) => [...document.scripts].filter((s) => s.nonce === n).length, nonce);
  expect(withNonce).toBeGreaterThan(0);
  // The lab's Web Worker and charts run under it.
  await page.goto("/lab?s=tomsk-1955&seed=1&run=1");
  await expect(page.getByText(/Run 1 finished/)).toBeVisible({ timeout: 60_000 });
  expect(violations).toEqual([]);
});
