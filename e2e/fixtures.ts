import { randomUUID } from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { encode } from "@auth/core/jwt";
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { hashPassword } from "../lib/auth/password";
import { dateLabel } from "../lib/runs/calendar";
import { E2E_AUTH_SECRET, E2E_DATABASE_URL, E2E_PORT } from "../playwright.config";

/** The e2e server's own SQLite file, opened directly to check what was (not) stored. */
export function e2eDb(): Database.Database {
  const file = path.resolve(E2E_DATABASE_URL.slice("file:".length));
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  return db;
}

export function countUsers(email?: string): number {
  const db = e2eDb();
  try {
    const row = (
      email
        ? db.prepare("SELECT count(*) AS n FROM User WHERE email = ?").get(email.trim().toLowerCase())
        : db.prepare("SELECT count(*) AS n FROM User").get()
    ) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

export function failedAttempts(email: string): number {
  const db = e2eDb();
  try {
    const row = db.prepare("SELECT count(*) AS n FROM SignInAttempt WHERE email = ? AND succeeded = 0").get(email) as {
      n: number;
    };
    return row.n;
  } finally {
    db.close();
  }
}

/** A date as Prisma writes it to SQLite (ISO text), so Prisma's own date comparisons (expired sessions) see it right. */
function prismaDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export type TestInstructor = { id: string; name: string; email: string; password: string };

/** Writes an instructor straight to the database (faster than the sign-up form). */
export async function createInstructorInDb(overrides: Partial<TestInstructor> = {}): Promise<TestInstructor> {
  const user = {
    id: randomUUID(),
    name: "Ms. Okafor",
    email: `okafor-${randomUUID().slice(0, 8)}@school.test`,
    password: "a good long password",
    ...overrides,
  };
  const db = e2eDb();
  try {
    db.prepare(
      "INSERT INTO User (id, name, email, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'instructor', ?, ?)",
    ).run(
      user.id,
      user.name,
      user.email,
      await hashPassword(user.password),
      prismaDate(Date.now()),
      prismaDate(Date.now()),
    );
  } finally {
    db.close();
  }
  return user;
}

/** A unique email for a test, so parallel tests never collide. */
export function uniqueEmail(prefix = "teacher"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@school.test`;
}

/** Fails the test with a readable list if axe finds accessibility violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // Enough detail to diagnose a failure from the log alone.
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""} — ${n.html.slice(0, 160)}`).join("; ")}) on ${page.url()}`,
  );
  expect(summary, "axe violations").toEqual([]);
}

/** Gives a browser context the instructor's session cookie, as signing in would (a session row, and a cookie naming it). */
export async function signInAs(context: BrowserContext, instructor: TestInstructor): Promise<void> {
  const cookieName = "authjs.session-token";
  const sid = randomUUID();
  const db = e2eDb();
  try {
    db.prepare("INSERT INTO InstructorSession (id, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)").run(
      sid,
      instructor.id,
      prismaDate(Date.now()),
      prismaDate(Date.now() + 30 * 24 * 60 * 60 * 1000),
    );
  } finally {
    db.close();
  }
  const value = await encode({
    token: { sub: instructor.id, name: instructor.name, email: instructor.email, sid },
    secret: E2E_AUTH_SECRET,
    salt: cookieName,
  });
  await context.addCookies([
    { name: cookieName, value, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
}

export const test = base.extend<{ instructor: TestInstructor; signedInPage: Page }>({
  instructor: async ({}, use) => {
    await use(await createInstructorInDb());
  },
  /** A page whose browser already holds the instructor's session cookie: no trip through the form. */
  signedInPage: async ({ page, context, instructor }, use) => {
    await signInAs(context, instructor);
    await use(page);
  },
});

export { expect };
export const BASE_URL = `http://localhost:${E2E_PORT}`;

/**
 * Saves a screenshot for the README when run by `npm run screenshots`
 * (SCREENSHOTS=1); otherwise does nothing, so the journeys stay fast.
 */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const file = path.join("docs", "screenshots", `${name}.png`);
  // A page is shot whole; a locator (one card, one form) as it stands.
  await ("goto" in target ? target.screenshot({ path: file, fullPage: true }) : target.screenshot({ path: file }));
}

/** The teacher jumps the run's clock to `date` (YYYY-MM-DD) and waits until their page shows it. */
export async function jump(teacher: Page, date: string): Promise<void> {
  await teacher.getByLabel("Jump to date").fill(date);
  await teacher.getByRole("button", { name: "Jump" }).click();
  await expect(teacher.locator("time").first()).toHaveText(dateLabel(date));
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard-only user would (source links sit between fields). */
export async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let k = 0; k < 40; k++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** A run created from the New run form with a seed, so its history is the same every time. */
export async function createSeededRun(
  teacher: Page,
  run: { title: string; scenario?: string; procurators: number; petitioners: number; speed: number; seed: number },
): Promise<void> {
  await teacher.goto("/runs/new");
  await teacher.getByLabel("Title").fill(run.title);
  if (run.scenario) await teacher.getByLabel("Scenario").selectOption(run.scenario);
  await teacher.getByLabel("Procurator seats").fill(String(run.procurators));
  await teacher.getByLabel("Petitioner seats").fill(String(run.petitioners));
  await teacher.getByLabel("Clock speed (simulated days per real minute)").fill(String(run.speed));
  await teacher.getByText("More settings").click();
  await teacher.getByLabel("Seed (optional)").fill(String(run.seed));
  await teacher.getByRole("button", { name: "Create the run and open the lobby" }).click();
  await expect(teacher.getByRole("heading", { name: run.title })).toBeVisible();
}

/** The class code the teacher's lobby shows. */
export async function classCode(teacher: Page): Promise<string> {
  return (await teacher
    .getByLabel(/^Class code:/)
    .first()
    .textContent())!.trim();
}

/** A student joins the teacher's run (its lobby open on `teacher`) in a browser of their own, and lands on `seat`. */
export async function joinAs(
  browser: Browser,
  teacher: Page,
  name: string,
  seat: string,
  options: { baseURL?: string } = {},
): Promise<Page> {
  const code = await classCode(teacher);
  const student = await (await browser.newContext(options)).newPage();
  await student.goto(`/join?code=${code}`);
  await student.getByLabel("Display name").fill(name);
  await student.getByRole("button", { name: "Join the class" }).click();
  await expect(student.getByRole("heading", { name: seat })).toBeVisible();
  return student;
}

/**
 * Printed on A4 and on Letter (14 mm margins, the app's @page), no element
 * reaches past the page's right edge: nothing is clipped on paper. Leaves
 * the page in print media at the first width.
 */
export async function expectFitsPaper(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.emulateMedia({ media: "print" });
  // Printable widths in CSS pixels (96 per inch): A4 210 mm and Letter 8.5 in, less two 14 mm margins.
  for (const [paper, width] of [
    ["Letter", Math.floor(((215.9 - 28) / 25.4) * 96)],
    ["A4", Math.floor(((210 - 28) / 25.4) * 96)],
  ] as const) {
    await page.setViewportSize({ width, height: 1100 });
    // Polled, not read once: a chart redraws for the new width over a frame
    // or two (its axes after its frame), and a reading in between is neither
    // the screen's layout nor the paper's.
    await expect
      .poll(
        () =>
          page.evaluate((limit) => {
            const out: string[] = [];
            for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || box.height === 0) continue;
              const name = typeof el.className === "string" ? el.className : el.getAttribute("class");
              if (box.right > limit + 1) out.push(`${el.tagName.toLowerCase()}.${name}`.slice(0, 80));
            }
            return out;
          }, width),
        { message: `${paper}: wider than the page`, timeout: 5_000 },
      )
      .toEqual([]);
    expect((await page.pdf({ format: paper })).subarray(0, 4).toString()).toBe("%PDF");
  }
  if (before) await page.setViewportSize(before);
}
