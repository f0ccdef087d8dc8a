import { expect, saveScreenshot, test } from "./fixtures";

// `npm run screenshots` runs these with SCREENSHOTS=1 to refresh docs/screenshots/;
// under `npm test` they still run as plain smoke checks of the same screens.
test.describe("README screenshots @screenshot", () => {
  test("landing page, desktop and phone", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await saveScreenshot(page, "landing");
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, "landing-phone");
  });

  test("instructor home", async ({ signedInPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/runs");
    await expect(page.getByRole("heading", { name: "My runs" })).toBeVisible();
    await saveScreenshot(page, "instructor-home");
  });

  test("sign-in form with an error", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await saveScreenshot(page, "sign-in-error");
  });
});
