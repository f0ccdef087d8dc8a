import { WRONG_CREDENTIALS_MESSAGE } from "../lib/auth/messages";
import {
  countUsers,
  createInstructorInDb,
  failedAttempts,
  expect,
  expectNoAxeViolations,
  test,
  uniqueEmail,
} from "./fixtures";

test.describe("instructor accounts", () => {
  test("a teacher signs up, reaches the protected home, signs out, and signs back in", async ({ page, browser }) => {
    // Four page loads and two password hashes (scrypt, 32 MB each): on a busy two-core machine, more than 30 s.
    test.setTimeout(60_000);
    const email = uniqueEmail("okafor");
    await page.goto("/");
    await page.getByRole("link", { name: "Create an instructor account" }).click();
    await expect(page.getByRole("heading", { name: "Create an instructor account" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Your name").fill("Ms. Okafor");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("history is long");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByRole("heading", { name: "My runs" })).toBeVisible();
    await expect(page.getByText("Signed in as Ms. Okafor")).toBeVisible();
    await expectNoAxeViolations(page);
    expect(countUsers(email)).toBe(1);
    // Someone copies the session cookie before the teacher signs out…
    const copied = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
    expect(copied).toBeDefined();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
    // …and replays it afterwards: signing out ended the session on the server, so the copy opens nothing.
    const elsewhere = await browser.newContext();
    await elsewhere.addCookies([copied]);
    const replay = await elsewhere.newPage();
    await replay.goto("/runs");
    await expect(replay).toHaveURL(/\/login\?callbackUrl=%2Fruns$/);
    await elsewhere.close();

    await page.goto("/runs");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fruns$/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill("history is long");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByText("Signed in as Ms. Okafor")).toBeVisible();
  });

  test.describe("bad sign-up input shows a message on the form and stores nothing", () => {
    const cases = [
      {
        label: "a password under 10 characters",
        name: "Ann",
        password: "123456789",
        message: "Use at least 10 characters for your password.",
      },
      {
        label: "an invalid email",
        name: "Ann",
        email: "ann-at-school",
        password: "long enough pw",
        message: "Enter a valid email address",
      },
      { label: "a blank name", name: "  ", password: "long enough pw", message: "Enter your name." },
    ];
    for (const c of cases) {
      test(c.label, async ({ page }) => {
        const email = c.email ?? uniqueEmail("bad");
        // Tests run in parallel: count only this test's email, not the whole table.
        expect(countUsers(email)).toBe(0);
        await page.goto("/signup");
        await page.getByLabel("Your name").fill(c.name);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(c.password);
        await page.getByRole("button", { name: "Create account" }).click();
        await expect(page.getByText(c.message)).toBeVisible();
        await expect(page).toHaveURL(/\/signup$/);
        expect(countUsers(email)).toBe(0);
        await expectNoAxeViolations(page);
      });
    }

    test("an email that already has an account", async ({ page }) => {
      const existing = await createInstructorInDb();
      await page.goto("/signup");
      await page.getByLabel("Your name").fill("Someone Else");
      await page.getByLabel("Email").fill(existing.email);
      await page.getByLabel("Password").fill("another long password");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
      expect(countUsers(existing.email)).toBe(1);
      // What the teacher typed is kept, apart from the password.
      await expect(page.getByLabel("Your name")).toHaveValue("Someone Else");
      await expect(page.getByLabel("Password")).toHaveValue("");
    });
  });

  test.describe("bad sign-in input shows a message and signs nobody in", () => {
    test("a wrong password", async ({ page, instructor }) => {
      await page.goto("/login");
      await page.getByLabel("Email").fill(instructor.email);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText(WRONG_CREDENTIALS_MESSAGE)).toBeVisible();
      await page.goto("/runs");
      await expect(page).toHaveURL(/\/login/);
    });

    test("an unknown email gets the same message", async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Email").fill(uniqueEmail("nobody"));
      await page.getByLabel("Password").fill("any password at all");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText(WRONG_CREDENTIALS_MESSAGE)).toBeVisible();
    });

    test("empty fields", async ({ page }) => {
      await page.goto("/login");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Enter your email address.")).toBeVisible();
      await expect(page.getByText("Enter your password.")).toBeVisible();
    });

    test("after 10 wrong passwords the right one still signs the teacher in", async ({ page, instructor }) => {
      await page.goto("/login");
      for (let i = 0; i < 10; i++) {
        await page.getByLabel("Email").fill(instructor.email);
        await page.getByLabel("Password").fill(`wrong guess ${i}`);
        await page.getByRole("button", { name: "Sign in" }).click();
        // Wait until the server has counted this attempt and the form is ready again.
        await expect.poll(() => failedAttempts(instructor.email)).toBe(i + 1);
        await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
        await expect(page.getByText(WRONG_CREDENTIALS_MESSAGE)).toBeVisible();
      }
      await page.getByLabel("Email").fill(instructor.email);
      await page.getByLabel("Password").fill(instructor.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/runs$/);
    });
  });

  test("a signed-in teacher can change their password, which signs out their other devices", async ({
    signedInPage: page,
    instructor,
    browser,
  }) => {
    // A second device holding the same session as before the change.
    const otherDevice = await browser.newContext();
    await otherDevice.addCookies(await page.context().cookies());
    const otherPage = await otherDevice.newPage();
    await otherPage.goto("/runs");
    await expect(otherPage.getByRole("heading", { name: "My runs" })).toBeVisible();

    await page.goto("/account");
    await expect(page.getByText(instructor.email)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Current password").fill(instructor.password);
    await page.getByLabel("New password").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account\?changed=1$/);
    await expect(page.getByText("Your password has been changed.")).toBeVisible();
    await expect(page.getByText(instructor.email)).toBeVisible();

    await otherPage.goto("/runs");
    await expect(otherPage).toHaveURL(/\/login/);
    await otherDevice.close();
  });
});

test.describe("protected pages are refused on the server", () => {
  for (const path of ["/runs", "/account"]) {
    test(`an anonymous request for ${path} is redirected to sign-in`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
      expect(await response.text()).not.toContain("Signed in as");
    });
  }

  test("a forged session cookie is not accepted", async ({ page, context }) => {
    await context.addCookies([
      { name: "authjs.session-token", value: "forged.value.here", domain: "localhost", path: "/" },
    ]);
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/login/);
  });
});
