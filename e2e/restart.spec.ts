import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/database/local-postgres";
import { deploy } from "../lib/database/migrations";
import { createSeededRun, expect, expectNoAxeViolations, joinAs, test } from "./fixtures";
import { killed, startServer, waitUntilUp } from "./servers";

/**
 * The server dies mid-lesson (SIGKILL) and comes back. Its own SQLite file,
 * so the restart pauses nobody else's runs. The projector keeps its last
 * picture with the same "Offline — reconnecting…" badge students see,
 * recovers by itself, and every screen calls the pause a restart pause.
 */
test("a server restart mid-lesson: the console keeps its picture, says it is reconnecting, and comes back", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "spravka-restart-"));
  const url = `file:${path.join(dir, "restart.db")}`;
  let server: ChildProcess | null = null;
  try {
    await deploy({ url });
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    server = startServer(port, url);
    await waitUntilUp(port);

    const teacher = await (await browser.newContext({ baseURL })).newPage();
    await teacher.goto("/signup");
    await teacher.getByLabel("Your name").fill("Ms. Okafor");
    await teacher.getByLabel("Email").fill("okafor@school.example");
    await teacher.getByLabel("Password").fill("history is long");
    await teacher.getByRole("button", { name: "Create account" }).click();
    await expect(teacher.getByRole("heading", { name: "My runs" })).toBeVisible();
    await createSeededRun(teacher, { title: "Restart", procurators: 0, petitioners: 1, speed: 2, seed: 5 });
    const student = await joinAs(browser, teacher, "Lena", "Seat 1: Petitioner", { baseURL });
    await teacher.getByRole("button", { name: "Start the run" }).click();
    await expect(teacher.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect(student.getByText("The clock is running")).toBeVisible();
    const live = (page: typeof teacher) => page.getByRole("status").filter({ hasText: /^\W*Live$/ });
    await expect(live(teacher)).toBeVisible();

    // The server dies: the console says it is reconnecting, as the student's desk does (it keeps its last
    // picture, unless the server died in the middle of a refresh: then a page of its own says the same).
    await killed(server);
    for (const page of [teacher, student]) {
      const who = page === teacher ? "the console" : "the student's desk";
      await expect(
        page.getByRole("status").filter({ hasText: "Offline — reconnecting…" }).first(),
        `${who} (${page.url()}) says it is reconnecting`,
      ).toBeVisible({ timeout: 15_000 });
    }

    // It comes back on the same address: both pages recover by themselves, and call the pause what it was.
    server = startServer(port, url);
    await waitUntilUp(port);
    await expect(teacher.getByText("Paused: the server restarted", { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(live(teacher)).toBeVisible({ timeout: 30_000 });
    await expect(live(student)).toBeVisible({ timeout: 30_000 });
    await expect(student.getByText("Paused: the server restarted", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(teacher);
  } finally {
    if (server) await killed(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
