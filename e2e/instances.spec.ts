import type { ChildProcess } from "node:child_process";
import type { Page } from "@playwright/test";
import pg from "pg";
import { startBalancer, type Balancer } from "../scripts/balancer";
import { freePort, startLocalPostgres, type LocalPostgres } from "../lib/database/local-postgres";
import { deploy } from "../lib/database/migrations";
import { createSeededRun, expect, joinAs, jump, test } from "./fixtures";
import { killed, startServer, waitUntilUp } from "./servers";

/**
 * Two app instances on one PostgreSQL behind a balancer (the same
 * production build the other journeys use). A student and their teacher work
 * through the balancer; each instance in turn is killed without warning
 * (SIGKILL). The student's live stream reconnects to the survivor, every
 * letter sent is still on the desk, and the log holds each exactly once.
 */
/** An instance behind the balancer: the one proxy whose forwarding headers the instances believe. */
const startInstance = (port: number, url: string) => startServer(port, url, { SPRAVKA_TRUSTED_PROXIES: "loopback" });

async function sendLetter(student: Page, text: string): Promise<void> {
  const details = student.locator("details", { has: student.locator("summary", { hasText: "Write a letter" }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  const form = student.getByRole("form", { name: /Write a letter about Case/ });
  await form.getByLabel("Write to").selectOption("presidium");
  await form.getByLabel("Your letter").fill(text);
  await form.getByRole("button", { name: "Send the letter" }).click();
  await expect(student.getByRole("status").filter({ hasText: "Your letter to the Presidium" })).toBeVisible();
}

const live = (page: Page) => page.getByRole("status").filter({ hasText: /^\W*Live$/ });

test("two instances on PostgreSQL: a student keeps working when the instance serving them dies", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  let server: LocalPostgres | null = null;
  let balancer: Balancer | null = null;
  const instances: ChildProcess[] = [];
  try {
    server = await startLocalPostgres();
    const url = await server.createDatabase("instances");
    await deploy({ url });
    const [portA, portB] = [await freePort(), await freePort()];
    instances.push(startInstance(portA, url), startInstance(portB, url));
    await Promise.all([waitUntilUp(portA), waitUntilUp(portB)]);
    balancer = await startBalancer(0, [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`]);
    const baseURL = `http://127.0.0.1:${balancer.port}`;

    // The teacher signs up and sets up the class through the balancer (sessions work on either instance).
    const teacher = await (await browser.newContext({ baseURL })).newPage();
    await teacher.goto("/signup");
    await teacher.getByLabel("Your name").fill("Ms. Okafor");
    await teacher.getByLabel("Email").fill("okafor@district.example");
    await teacher.getByLabel("Password").fill("history is long");
    await teacher.getByRole("button", { name: "Create account" }).click();
    await expect(teacher.getByRole("heading", { name: "My runs" })).toBeVisible();
    await createSeededRun(teacher, {
      title: "Two instances",
      scenario: "chita-1954",
      procurators: 0,
      petitioners: 1,
      speed: 6,
      seed: 266,
    });
    const student = await joinAs(browser, teacher, "Lena", "Seat 1: Petitioner", { baseURL });
    await teacher.getByRole("button", { name: "Start the run" }).click();
    await expect(live(student)).toBeVisible();
    await sendLetter(student, "First letter, before anything fails.");

    // Instance A dies. Whichever instance held the student's stream, it is live again, on B.
    await killed(instances[0]!);
    await expect(live(student)).toBeVisible({ timeout: 20_000 });
    await sendLetter(student, "Second letter, with one instance gone.");

    // A comes back; B dies: now the stream certainly moves.
    instances[0] = startInstance(portA, url);
    await waitUntilUp(portA);
    await killed(instances[1]!);
    await expect(student.getByRole("status").filter({ hasText: "Offline — reconnecting…" })).toBeVisible();
    await expect(live(student)).toBeVisible({ timeout: 20_000 });
    // The teacher, whose console also lost its instance, moves the clock past the letters' weekly limit.
    // A page load that was in flight on the killed instance dies with it (as behind any proxy): then the
    // teacher reloads, as anyone would. Their live stream itself reconnects like the student's.
    // A reload that lands while the survivor is still taking over the class may fail once more
    // ("Something went wrong"): the teacher tries again, for up to about half a minute, as anyone
    // would. On a loaded machine three tries over 20 s were once not enough; the cause of those
    // failed renders is not known yet (E2E_SERVER_LOGS=1 shows the instances' own output).
    const jumpControl = teacher.getByLabel("Jump to date");
    for (let attempt = 0; attempt < 6; attempt++) {
      const shown = await jumpControl.waitFor({ state: "visible", timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      await teacher.reload();
    }
    await jump(teacher, "1954-07-01");
    await sendLetter(student, "Third letter, after the other instance died.");

    // Nothing lost, nothing doubled: the desk shows what was sent, the log holds each letter once.
    await student.reload();
    await expect(student.getByRole("heading", { name: /^Letter to the Presidium/ })).toHaveCount(3);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const letters = await client.query(
        `SELECT "requestId" FROM "RunEvent" WHERE type IN ('case.act', 'letter.write') AND actor LIKE 'seat:%'`,
      );
      expect(letters.rows).toHaveLength(3);
      expect(new Set(letters.rows.map((r: { requestId: string }) => r.requestId)).size).toBe(3);
      const seqs = await client.query(`SELECT seq FROM "RunEvent" ORDER BY seq`);
      expect(seqs.rows.map((r: { seq: number }) => r.seq)).toEqual(seqs.rows.map((_: unknown, k: number) => k + 1));
    } finally {
      await client.end();
    }
  } finally {
    await Promise.all(instances.map(killed));
    await balancer?.close();
    server?.stop();
  }
});
