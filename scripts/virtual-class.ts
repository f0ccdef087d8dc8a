/**
 * A virtual browser over plain HTTP (its own cookies and keep-alive pool)
 * and the instructor's steps that set up a class run with it: a throwaway
 * instructor account, signing in, creating a run, starting and ending it.
 * Shared by the load test (scripts/loadtest.ts) and the web benchmark
 * (scripts/bench-web.ts), which both act as browsers would.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Failure } from "@/lib/failure";
import { databaseKind, databaseUrl } from "@/lib/config";

export const REQUEST_TIMEOUT_MS = 30_000;
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

// ───────────────────────────── HTTP ─────────────────────────────

/**
 * node:http rather than fetch: Node 20's fetch pools at most a few
 * connections per origin unless given an undici Agent, and undici is not a
 * dependency. Each virtual browser has its own keep-alive pool of at most
 * BROWSER_SOCKETS connections (as a browser has per origin over HTTP/1.1);
 * each live stream has a connection of its own.
 */
const BROWSER_SOCKETS = 6;
export const libFor = (url: URL) => (url.protocol === "https:" ? https : http);
const openAgents = new Set<http.Agent>();

/** One virtual browser: its cookies (name → value, for one origin) and its pool of keep-alive connections. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  private agent: http.Agent | null = null;

  agentFor(url: URL): http.Agent {
    if (!this.agent) {
      const Agent = url.protocol === "https:" ? https.Agent : http.Agent;
      this.agent = new Agent({ keepAlive: true, maxSockets: BROWSER_SOCKETS });
      openAgents.add(this.agent);
    }
    return this.agent;
  }

  take(setCookie: readonly string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", val = ""] = a.split("=").map((s) => s.trim());
        if (key.toLowerCase() === "max-age") return Number(val) <= 0;
        if (key.toLowerCase() === "expires") return Date.parse(val) < Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(pattern: RegExp): boolean {
    return [...this.cookies.keys()].some((name) => pattern.test(name));
  }

  cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export type Reply = { status: number; headers: http.IncomingHttpHeaders; text: string; ms: number };

export type Body = { json: unknown } | { form: Record<string, string> };

let resetsRetried = 0;

/** How many requests hit a keep-alive socket the server had closed and were resent. */
export const requestsResent = () => resetsRetried;

/** Closes every virtual browser's idle keep-alive connections, so the process can end. */
export function closeBrowsers(): void {
  for (const agent of openAgents) agent.destroy();
}

function sendOnce(method: string, url: URL, browser: Browser, body?: Body): Promise<Omit<Reply, "ms">> {
  const lib = libFor(url);
  const agent = browser.agentFor(url);
  const headers: Record<string, string> = { accept: "application/json" };
  const cookie = browser.cookieHeader();
  if (cookie) headers.cookie = cookie;
  let payload: string | undefined;
  if (body && "json" in body) {
    payload = JSON.stringify(body.json);
    headers["content-type"] = "application/json";
  } else if (body) {
    payload = new URLSearchParams(body.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, agent, headers });
    // Where a request stood when it timed out: a server that is slow and a connection that never opened look alike otherwise.
    let stage = "still waiting for one of the browser's connections";
    req.on("socket", (socket) => {
      if (!socket.connecting) {
        stage = "sent on a kept-alive connection; no answer began";
        return;
      }
      stage = "the connection never opened";
      socket.once("connect", () => {
        stage = "sent on a new connection; no answer began";
      });
    });
    req.on("response", () => {
      stage = "the answer began but did not finish";
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`no complete answer within ${REQUEST_TIMEOUT_MS / 1000} s: ${stage}`)),
      REQUEST_TIMEOUT_MS,
    );
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        clearTimeout(timer);
        browser.take(res.headers["set-cookie"]);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      // A keep-alive socket the server closed just as we reused it: the request never reached it.
      if (req.reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET") {
        reject(Object.assign(error, { retryable: true }));
      } else {
        reject(error);
      }
    });
    req.end(payload);
  });
}

/** One request, timed from sending to the last byte of the body (a reset keep-alive socket is retried once). */
export async function send(method: string, url: URL, browser: Browser, body?: Body): Promise<Reply> {
  const start = performance.now();
  let reply: Omit<Reply, "ms">;
  try {
    reply = await sendOnce(method, url, browser, body);
  } catch (error) {
    if (!(error instanceof Error && "retryable" in error)) throw error;
    resetsRetried++;
    reply = await sendOnce(method, url, browser, body);
  }
  return { ...reply, ms: performance.now() - start };
}

export function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The Failure in a refusal's JSON body (lib/failure.ts), if it has one. */
export function failureOf(text: string): Partial<Failure> | null {
  const error = parseJson(text)?.error;
  return typeof error === "object" && error !== null ? (error as Partial<Failure>) : null;
}

/** "HTTP 500: <the server's error message>" */
export function describe(reply: Omit<Reply, "ms">): string {
  const error = failureOf(reply.text);
  const message =
    typeof error?.message === "string"
      ? error.message
      : reply.text.replace(/\s+/g, " ").trim().slice(0, 120) || "no body";
  return `HTTP ${reply.status}: ${message}`;
}

export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
}

// ───────────────────────────── the instructor ─────────────────────────────

export type Instructor = { browser: Browser; email: string };

function sqliteFile(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}".`);
  return path.resolve(url.slice("file:".length).split("?")[0] ?? "");
}

/**
 * Makes a throwaway instructor straight in the database (the server must use
 * the same one), named `name`, with an email that starts with `emailPrefix`.
 */
export async function createThrowawayInstructor(
  account: { name: string; emailPrefix: string },
  say: (line: string) => void,
): Promise<{ email: string; password: string }> {
  const url = databaseUrl();
  const postgres = databaseKind(url) === "postgresql";
  const where = postgres ? "the PostgreSQL database named by DATABASE_URL" : sqliteFile(url);
  say(`No --email given: creating a throwaway instructor in ${where}.`);
  say("  (This only works if the server uses this same database; otherwise pass --email and --password.)");
  if (!postgres && !existsSync(sqliteFile(url))) {
    throw new Error(
      `There is no database at ${sqliteFile(url)}. Set DATABASE_URL to the server's database, or pass --email and --password.`,
    );
  }
  // Loaded only here, so a run with --email needs neither the generated client nor the database.
  const [{ createClient }, { hashPassword }] = await Promise.all([
    import("@/lib/db-client"),
    import("@/lib/auth/password"),
  ]);
  const email = `${account.emailPrefix}-${randomUUID()}@example.invalid`;
  const password = randomUUID();
  const db = createClient(url);
  try {
    await db.user.create({
      data: { name: account.name, email, passwordHash: await hashPassword(password), role: "instructor" },
    });
  } finally {
    await db.$disconnect();
  }
  return { email, password };
}

export async function signIn(base: string, email: string, password: string, throwaway: boolean): Promise<Instructor> {
  const browser = new Browser();
  const csrf = await send("GET", new URL(`${base}/api/auth/csrf`), browser);
  const csrfToken = parseJson(csrf.text)?.csrfToken;
  if (csrf.status !== 200 || typeof csrfToken !== "string") {
    throw new Error(`Could not get a sign-in token from ${base}/api/auth/csrf (${describe(csrf)}).`);
  }
  const reply = await send("POST", new URL(`${base}/api/auth/callback/credentials`), browser, {
    form: { email, password, csrfToken, callbackUrl: `${base}/` },
  });
  if (!browser.has(SESSION_COOKIE)) {
    const where = typeof reply.headers.location === "string" ? ` (redirected to ${reply.headers.location})` : "";
    const hint = throwaway
      ? " The server probably uses another database file than DATABASE_URL here: set DATABASE_URL to it, or pass --email and --password."
      : " Check --email and --password.";
    throw new Error(`Sign-in as ${email} failed: HTTP ${reply.status}${where}.${hint}`);
  }
  return { browser, email };
}

/** A class run to create: its seats (`procurators` of the `students` are procurators) and speed in simulated days per real minute. */
export type RunRequest = { title: string; scenario: string; students: number; procurators: number; speed: number };

export async function createRun(base: string, instructor: Instructor, run: RunRequest) {
  const reply = await send("POST", new URL(`${base}/api/runs`), instructor.browser, {
    json: {
      title: run.title,
      scenarioId: run.scenario,
      procuratorSeats: run.procurators,
      petitionerSeats: run.students - run.procurators,
      speed: run.speed,
    },
  });
  const body = parseJson(reply.text);
  if (reply.status !== 201 || typeof body?.runId !== "string" || typeof body.joinCode !== "string") {
    const fieldErrors = failureOf(reply.text)?.fieldErrors;
    const fields = fieldErrors ? ` ${JSON.stringify(fieldErrors)}` : "";
    throw new Error(`Could not create the run: ${describe(reply)}${fields}`);
  }
  return { runId: body.runId, joinCode: body.joinCode };
}

export async function control(base: string, instructor: Instructor, runId: string, action: "start" | "end") {
  const reply = await send("POST", new URL(`${base}/api/runs/${runId}/control`), instructor.browser, {
    json: { action },
  });
  if (reply.status !== 200) throw new Error(`Could not ${action} the run: ${describe(reply)}`);
  return reply.ms;
}
