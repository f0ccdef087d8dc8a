import http from "node:http";
import { randomUUID } from "node:crypto";
import { classCode, createSeededRun, e2eDb, expect, test } from "./fixtures";
import { E2E_PORT } from "../playwright.config";
import { WRONG_CODES_PER_ADDRESS } from "../lib/runs/policy";

/**
 * The limits as a class meets them on the real server: Node's own HTTP
 * client, bound to different loopback addresses, plays different machines
 * (an attacker, another school), since the app counts the connection's
 * address and not what the headers claim.
 */

type Reply = { status: number; body: string };

function post(
  path: string,
  body: string | Buffer,
  {
    from,
    headers = {},
    agent,
    signal,
  }: { from: string; headers?: Record<string, string>; agent?: http.Agent; signal?: AbortSignal },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        path,
        method: "POST",
        localAddress: from,
        agent,
        signal,
        headers: { "content-length": String(Buffer.byteLength(body)), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const joinBody = (code: string, name: string) => JSON.stringify({ code, name, requestId: randomUUID() });

/** Wrong codes recorded since `since`, by the address they were counted against (dates are stored as ISO text). */
function failuresFrom(since: Date): { key: string; n: number }[] {
  const db = e2eDb();
  try {
    return db
      .prepare("SELECT key, count(*) AS n FROM JoinAttempt WHERE succeeded = 0 AND createdAt >= ? GROUP BY key")
      .all(since.toISOString().slice(0, 19)) as { key: string; n: number }[];
  } finally {
    db.close();
  }
}

test("a flood of wrong codes with forged forwarding headers counts against the sender alone; another school joins at once", async ({
  signedInPage: teacher,
}) => {
  test.setTimeout(120_000);
  await createSeededRun(teacher, { title: "Period 6", procurators: 0, petitioners: 5, speed: 1, seed: 3 });
  const code = await classCode(teacher);
  const wrong = code === "AAAAAA" ? "CCCCCC" : "AAAAAA";
  const since = new Date();

  // The attacker: more wrong codes than one address's budget, each claiming a fresh address. They queue
  // in the attacker's one lane.
  const attacker = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const stopFlood = new AbortController();
  const flood = Array.from({ length: WRONG_CODES_PER_ADDRESS + 200 }, (_, k) =>
    post("/api/join", joinBody(wrong, "Eve"), {
      from: "127.0.0.66",
      agent: attacker,
      signal: stopFlood.signal,
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": `10.${k >> 16}.${(k >> 8) & 255}.${k & 255}`,
        "x-real-ip": `172.16.${k >> 8}.${k & 255}`,
      },
    }).catch(() => ({ status: 0, body: "" })),
  );
  // Wait until the attacker has spent their whole budget (the rest of the flood is being slowed down).
  const fromAttacker = () => failuresFrom(since).find((row) => row.key.endsWith("127.0.0.66"))?.n ?? 0;
  await expect.poll(fromAttacker, { timeout: 60_000 }).toBeGreaterThan(WRONG_CODES_PER_ADDRESS);
  // Not one was counted against an address the attacker only claimed.
  expect(failuresFrom(since).filter((row) => /^(10|172\.16)\./.test(row.key))).toEqual([]);

  // Another school: its typo is answered at once, and its right code takes a seat.
  const typo = await post("/api/join", joinBody(wrong, "Sam"), {
    from: "127.0.0.77",
    headers: { "content-type": "application/json" },
  });
  expect(typo.status).toBe(404);
  const seat = await post("/api/join", joinBody(code, "Sam"), {
    from: "127.0.0.77",
    headers: { "content-type": "application/json" },
  });
  expect(seat.status, seat.body).toBe(200);

  stopFlood.abort();
  attacker.destroy();
  await Promise.allSettled(flood);
});

test("a form sent from another site is refused with 403, and one over 1 MB with 413, never a 500", async ({ page }) => {
  // Capture a real server action request (the join form's) to replay it.
  let action: Record<string, string> | undefined;
  await page.route("**/join", async (route) => {
    const headers = route.request().headers();
    if (route.request().method() === "POST" && headers["next-action"]) action = headers;
    await route.continue();
  });
  await page.goto("/join");
  const join = page.getByRole("form", { name: "New seat" });
  await join.getByLabel("Class code").fill("XXXXXX");
  await join.getByLabel("Display name").fill("Sam");
  await join.getByRole("button", { name: "Join the class" }).click();
  await expect(join.getByText("No class is using that code.", { exact: false })).toBeVisible();
  expect(action).toBeDefined();
  const replayHeaders = {
    "next-action": action!["next-action"]!,
    "content-type": "text/plain;charset=UTF-8",
    accept: "text/x-component",
  };

  const crossSite = await post("/join", "[]", {
    from: "127.0.0.1",
    headers: { ...replayHeaders, origin: "http://evil.example" },
  });
  expect(crossSite.status).toBe(403);
  expect(crossSite.body).toMatch(/sent from another site/);

  const huge = await post("/join", Buffer.alloc(1024 * 1024 + 1, "a"), {
    from: "127.0.0.1",
    headers: { ...replayHeaders, origin: `http://localhost:${E2E_PORT}`, host: `localhost:${E2E_PORT}` },
  });
  expect(huge.status).toBe(413);
  expect(huge.body).toMatch(/too large to send/);
});
