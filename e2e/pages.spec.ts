import { readFileSync } from "node:fs";
import path from "node:path";
import { COMPILE_HINT } from "../scripts/compile-hints";
import { expect, expectNoAxeViolations, test } from "./fixtures";

test("the landing page says what Spravka is and where to go", async ({ page }) => {
  // Ends with axe on the sources page, long with every claim, citation and conflict: past 30 s when the other worker is busy.
  test.setTimeout(60_000);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why did freeing the innocent take so long?");
  for (const name of ["Run a class", "Join a class", "Explore on your own", "Sign in"]) {
    await expect(page.getByRole("link", { name }).first()).toBeVisible();
  }
  // Claims carry their source, and the source key leads to the sources page.
  await page.getByRole("link", { name: "Source: Adler, ch. 3" }).first().click();
  await expect(page).toHaveURL(/\/sources#adler-ch3$/);
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
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

test("a figure the sources disagree about links to the conflict; the sources page gives full citations to copy", async ({
  page,
}) => {
  // Two pages, each checked with axe.
  test.setTimeout(60_000);
  await page.goto("/glossary");
  const amnesty = page.locator("#amnesty-1953");
  await expect(amnesty.getByText("Source: Adler, ch. 3")).toBeVisible();
  await expect(amnesty.getByText("Sources disagree:").first()).toBeVisible();
  await amnesty.getByRole("link", { name: "Why — How many people the March 1953 amnesty freed" }).click();
  await expect(page).toHaveURL(/\/sources#conflict-amnesty-1953-releases$/);

  // The conflict in its own section: every source's figure, side by side.
  await expect(page.getByRole("heading", { name: "Where the sources disagree" })).toBeVisible();
  const conflict = page.getByRole("article", { name: "How many people the March 1953 amnesty freed" });
  await expect(conflict).toBeVisible();
  for (const figure of ["1,201,738", "“over 1.5 million”", "“a million”"]) {
    await expect(conflict.getByText(figure, { exact: true }).first()).toBeVisible();
  }

  // A full citation, and a ready-made one to copy — by keyboard.
  const paper = page.locator("#alexopoulos-1945");
  await expect(paper.getByText("Golfo Alexopoulos", { exact: true })).toBeVisible();
  await expect(paper.getByText("NCEEER working paper", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Cite this (Alexopoulos 2004)")).toHaveValue(
    "Alexopoulos, Golfo. “Amnesty 1945: The Revolving Door of Stalin's Gulag.” NCEEER working paper, 2004.",
  );
  await page.getByRole("button", { name: "Copy the citation (Alexopoulos 2004)" }).focus();
  await page.keyboard.press("Enter");
  // Copied, or — where the browser refuses the clipboard — selected, with how to copy it.
  await expect(paper.getByRole("status")).toHaveText(/Copied|the citation is selected/);
  // The main source is cited by author and chapter, not by its key alone.
  await expect(
    page.getByRole("heading", { name: "Adler, “The System's Adaptation to Repression 1953–55”" }),
  ).toBeVisible();
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

test("the scripts every page starts with are served with V8's compile hint", async ({ request }) => {
  // scripts/compile-hints.ts marks them after the build; without it a phone compiles them on its main thread.
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  expect(manifest.rootMainFiles.length).toBeGreaterThan(0);
  for (const chunk of manifest.rootMainFiles) {
    const response = await request.get(`/_next/${chunk}`);
    expect(response.status()).toBe(200);
    expect((await response.text()).startsWith(`${COMPILE_HINT}\n`), chunk).toBe(true);
  }
});

test("a link prefetches its page when reached for, not as soon as it is on screen", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([]);
  const join = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Join a class" });
  await join.hover();
  await expect.poll(() => prefetched).toContain("/join");
  expect(prefetched.filter((path) => path !== "/join")).toEqual([]);
  await join.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/join/i);
});
