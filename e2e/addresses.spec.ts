import { chromium, type Browser, type Page } from "@playwright/test";
import { createInstructorInDb, expect, joinAs, test } from "./fixtures";
import { E2E_PORT } from "../playwright.config";

/**
 * A teacher rarely opens Spravka at `localhost`: on a laptop serving the
 * class over the room's Wi-Fi it is the address the join screen shows, and
 * behind a school's proxy it is a host name. Whatever address the browser
 * used, every redirect (signing in and out, a form's answer, the console's
 * case look-up) must keep the browser there; one to `localhost` is blocked by
 * the CSP's form-action and the button silently does nothing.
 */
const LAN_HOST = "spravka.school.lan";

/** Chromium (as the config launches it) that resolves a LAN-style host name to this machine, as the school's DNS would. */
async function browserWithLanName(): Promise<Browser> {
  const configured = test.info().project.use.launchOptions ?? {};
  return chromium.launch({
    ...configured,
    args: [...(configured.args ?? []), `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`],
  });
}

/** Every redirect the page is sent, as the Location header said it. */
function recordRedirects(page: Page): string[] {
  const locations: string[] = [];
  page.on("response", (response) => {
    const location = response.headers().location;
    if (response.status() >= 300 && response.status() < 400 && location) locations.push(location);
  });
  return locations;
}

for (const host of ["127.0.0.1", LAN_HOST]) {
  test(`a teacher at http://${host}:${E2E_PORT} signs in, runs a class, looks up a case and signs out without leaving that address`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const origin = `http://${host}:${E2E_PORT}`;
    const owned = host === LAN_HOST ? await browserWithLanName() : undefined;
    const context = await (owned ?? browser).newContext({ baseURL: origin });
    try {
      const teacher = await context.newPage();
      const redirects = recordRedirects(teacher);
      const instructor = await createInstructorInDb({ name: "Ms. Okafor" });

      await teacher.goto("/runs");
      await expect(teacher).toHaveURL(`${origin}/login?callbackUrl=%2Fruns`);
      await teacher.getByLabel("Email").fill(instructor.email);
      await teacher.getByLabel("Password").fill(instructor.password);
      await teacher.getByRole("button", { name: "Sign in" }).click();
      await expect(teacher).toHaveURL(`${origin}/runs`);

      await teacher.goto("/runs/new");
      await teacher.getByLabel("Title").fill("Period 2, by the room's address");
      await teacher.getByRole("button", { name: "Create the run and open the lobby" }).click();
      await expect(teacher.getByRole("heading", { name: "Period 2, by the room's address" })).toBeVisible();
      expect(new URL(teacher.url()).origin).toBe(origin);

      // A student joins at the same address, as the join screen shows it.
      const student = await joinAs(owned ?? browser, teacher, "Olga", "Seat 1: Petitioner", { baseURL: origin });
      expect(new URL(student.url()).origin).toBe(origin);
      await teacher.getByRole("button", { name: "Start the run" }).click();

      await teacher.getByLabel("Look up any case by its number").fill("1");
      await teacher.getByRole("button", { name: "Show its timeline" }).click();
      await expect(teacher.getByRole("heading", { name: "Case 0001" })).toBeVisible();
      expect(new URL(teacher.url()).origin).toBe(origin);

      await teacher.getByRole("button", { name: "Sign out" }).click();
      await expect(teacher).toHaveURL(`${origin}/`);

      expect(redirects.length).toBeGreaterThan(0);
      for (const location of redirects) {
        const target = new URL(location, origin);
        expect(target.origin, `redirect to ${location}`).toBe(origin);
      }
      await student.context().close();
    } finally {
      await context.close();
      await owned?.close();
    }
  });
}
