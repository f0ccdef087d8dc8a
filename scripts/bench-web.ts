/**
 * `npm run bench:web [-- --url <base>] [--runs <n>] [--json]`: how heavy and
 * how fast Spravka's pages are where it is felt, on a phone. Without --url it
 * builds if the sources changed since the last build and starts the app as
 * `npm start` does (scripts/start.ts), on a free port and a fresh SQLite
 * database of its own (prisma/data/bench-web.db), and stops it at the end,
 * also on a failure or Ctrl-C. Then, over HTTP as browsers would
 * (scripts/virtual-class.ts), it signs in a throwaway instructor, creates a
 * class run, joins one student and starts the run, and measures the student
 * pages (/, /join, /join?code=…, /explore, the student's seat) and the
 * instructor's (the run's console, /lab). Figures only: the exit code is 0
 * whether or not the targets are met (1 when it could not measure, 2 for bad
 * options). Not part of `npm test`.
 *
 * First-load JS (gz) is what a first visit downloads before the page works:
 * the page's HTML is fetched with the visitor's cookie, every script it
 * references (`<script src>`, `<link rel="modulepreload">`, `<link
 * rel="preload" as="script">`) is downloaded once however often it is named,
 * each is gzipped on its own at zlib's default level (6, what Next.js's
 * server and most CDNs send) and the sizes are summed. Inline scripts (the
 * page's data) travel in the HTML and are not counted; scripts loaded later
 * (on an interaction, the lab's Web Worker) are not first-load, nor are
 * `nomodule` scripts (Next.js's polyfills, which today's browsers skip). As a sanity
 * check the report also shows the script bytes Lighthouse saw transferred
 * (its resource summary), which do include scripts loaded after the first
 * paint and the response headers, so they run a little above.
 *
 * Lighthouse (the npm package, pinned) drives the Chromium the e2e tests use
 * ($CHROMIUM_PATH, else /usr/bin/chromium), launched headless by Playwright
 * as the tests launch it (scripts/test-chromium.ts), with its default mobile
 * settings: a mid-range phone's screen and simulated slow-4G and 4× CPU
 * throttling. Pages behind a cookie (the seat, the console) get it as an
 * extra Cookie header on every request. Each page is run --runs times
 * (default 3) and each figure is the median of its runs, figure by figure.
 *
 * With --json the human report goes to stderr and the last line of stdout is
 * one JSON object: { base, runs, lighthouseVersion, userAgent, pages: [{ label,
 * path, audience, firstLoadJs: { chunks, rawBytes, gzBytes }, jsTargetGzBytes,
 * performance, accessibility, lcpMs, tbtMs, cls, lighthouseScriptBytes,
 * performanceTarget, errors }], targetsMet }; scores are 0–100, null where a
 * run failed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser as PlaywrightBrowser } from "@playwright/test";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, chromiumExecutable } from "./test-chromium";
import {
  firstLoadJs,
  jsTargetFor,
  KB,
  median,
  pagesToMeasure,
  parseBenchWebArgs,
  performanceTargetFor,
  USAGE,
  type Audience,
  type BenchWebOptions,
  type FirstLoadJs,
  type PageToMeasure,
} from "./bench-web-figures";
import { optionsOrExitCode } from "./loadtest-args";
import {
  Browser,
  closeBrowsers,
  control,
  createRun,
  createThrowawayInstructor,
  describe,
  errorText,
  type Instructor,
  parseJson,
  send,
  signIn,
} from "./virtual-class";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");
/** Its own database, wiped at each start, so the teacher's data is never touched. */
const BENCH_DATABASE_URL = "file:./prisma/data/bench-web.db";
/** A first build on a busy two-core machine can take several minutes. */
const SERVER_READY_TIMEOUT_MS = 20 * 60_000;
const SERVER_STOP_GRACE_MS = 10_000;
const SERVER_LOG_TAIL = 40;

// ───────────────────────────── output ─────────────────────────────

let reportTo: NodeJS.WriteStream = process.stdout;
const say = (line = "") => reportTo.write(`${line}\n`);

// ───────────────────────────── the server ─────────────────────────────

type Server = { base: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `scripts/start.ts` (prepare the database, build if the sources
 * changed, serve) in a process group of its own, so stopping it stops its
 * children too. Its output is shown until it is ready, then only kept (the
 * last lines) in case it dies.
 */
async function startServer(port: number | null): Promise<Server> {
  const chosen = port ?? (await freePort());
  const base = `http://127.0.0.1:${chosen}`;
  const file = path.join(ROOT, BENCH_DATABASE_URL.slice("file:./".length));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  // This process makes the throwaway instructor in the same database.
  process.env.DATABASE_URL = BENCH_DATABASE_URL;
  const child = spawn(TSX_BIN, ["scripts/start.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(chosen),
      DATABASE_URL: BENCH_DATABASE_URL,
      // A secret of its own: sessions need not outlive the benchmark, and .env.local is left alone.
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let ready = false;
  const tail: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split(/\r?\n/)) {
      if (line.trim() === "") continue;
      if (ready) {
        tail.push(line);
        if (tail.length > SERVER_LOG_TAIL) tail.shift();
      } else {
        say(`  server │ ${line}`);
      }
    }
  };
  child.stdout!.on("data", onOutput);
  child.stderr!.on("data", onOutput);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  let stopping: Promise<void> | null = null;
  void exited.then(() => {
    gone = true;
    if (ready && stopping === null) {
      process.stderr.write(`The server stopped by itself. Its last lines:\n${tail.join("\n")}\n`);
    }
  });
  const stop = () => {
    stopping ??= stopGroup(child, exited, () => gone);
    return stopping;
  };
  cleanups.push(stop);

  say(`Starting Spravka on ${base} (building first if the sources changed)…`);
  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  while (!gone) {
    if (Date.now() > deadline)
      throw new Error(`The server was not ready within ${SERVER_READY_TIMEOUT_MS / 60_000} min.`);
    try {
      const reply = await fetch(`${base}/`, { signal: AbortSignal.timeout(5000) });
      await reply.arrayBuffer();
      if (reply.status === 200) {
        ready = true;
        return { base, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The server exited (code ${await exited}) before it was ready; see its output above.`);
}

async function stopGroup(child: ChildProcess, exited: Promise<unknown>, gone: () => boolean): Promise<void> {
  if (gone() || child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = new Promise((resolve) => setTimeout(resolve, SERVER_STOP_GRACE_MS, "late"));
  if ((await Promise.race([exited, timer])) === "late") signalGroup("SIGKILL");
}

// ───────────────────────────── clean-up ─────────────────────────────

/** What to undo on the way out, newest first: the server, Chromium. */
const cleanups: (() => Promise<void>)[] = [];

async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const undo = cleanups.pop()!;
    try {
      await undo();
    } catch (error) {
      process.stderr.write(`Clean-up failed: ${errorText(error)}\n`);
    }
  }
  closeBrowsers();
}

// ───────────────────────────── the class ─────────────────────────────

type Class = { instructor: Instructor; student: Browser; runId: string; joinCode: string };

async function setUpClass(base: string, options: BenchWebOptions): Promise<Class> {
  const throwaway = options.email === null || options.password === null;
  // On the server this script started, the database is its own: the load test's advice on --email is beside the point.
  const quiet = options.url === null;
  const account = throwaway
    ? await createThrowawayInstructor({ name: "Web benchmark", emailPrefix: "bench-web" }, quiet ? () => {} : say)
    : { email: options.email!, password: options.password! };
  const instructor = await signIn(base, account.email, account.password, throwaway);
  const title = `Web benchmark ${new Date().toISOString().slice(0, 16).replace("T", " ")}`;
  const run = await createRun(base, instructor, {
    title,
    scenario: "rostov-1954",
    students: 1,
    procurators: 0,
    // The slowest clock: the run is still going when the last page is measured, however slow the machine.
    speed: 1,
  });
  const student = new Browser();
  const joined = await send("POST", new URL(`${base}/api/join`), student, {
    json: { code: run.joinCode, name: "Student 1", requestId: randomUUID() },
  });
  if (joined.status !== 200 || parseJson(joined.text)?.ok !== true || !student.cookieHeader()) {
    throw new Error(`Could not join the run as a student: ${describe(joined)}`);
  }
  // A seat in a run that is going, with cases on its desk, as students see it most of a class.
  await control(base, instructor, run.runId, "start");
  say(
    `Signed in as ${account.email}, created run ${run.runId} (join code ${run.joinCode}), joined a student, started the run.`,
  );
  return { instructor, student, ...run };
}

/** Ends the run on a server this script did not start; one that has already ended (409) is left as it is. */
async function endRun(base: string, theClass: Class): Promise<void> {
  const reply = await send("POST", new URL(`${base}/api/runs/${theClass.runId}/control`), theClass.instructor.browser, {
    json: { action: "end" },
  });
  if (reply.status !== 200 && reply.status !== 409) throw new Error(`Could not end the run: ${describe(reply)}`);
}

function cookieFor(page: PageToMeasure, theClass: Class): string | undefined {
  if (page.visitor === "seat") return theClass.student.cookieHeader();
  if (page.visitor === "owner") return theClass.instructor.browser.cookieHeader();
  return undefined;
}

// ───────────────────────────── measuring ─────────────────────────────

async function download(url: string, cookie?: string): Promise<Uint8Array> {
  const reply = await fetch(url, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(30_000) });
  if (reply.status !== 200) throw new Error(`GET ${url}: HTTP ${reply.status}`);
  return new Uint8Array(await reply.arrayBuffer());
}

async function measureFirstLoadJs(pageUrl: string, cookie: string | undefined): Promise<FirstLoadJs> {
  const reply = await fetch(pageUrl, {
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}) },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const html = await reply.text();
  if (reply.status !== 200) {
    const to = reply.headers.get("location");
    throw new Error(`GET ${pageUrl}: HTTP ${reply.status}${to ? ` to ${to}` : ""}`);
  }
  return firstLoadJs(html, pageUrl, (url) => download(url));
}

type LighthouseRun = {
  performance: number | null;
  accessibility: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  scriptBytes: number | null;
  lighthouseVersion: string;
  userAgent: string;
};

async function runLighthouse(chrome: DebuggedChromium, pageUrl: string, cookie: string | undefined) {
  const result = await lighthouse(pageUrl, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${pageUrl}.`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => {
    const s = lhr.categories[id]?.score;
    return typeof s === "number" ? Math.round(s * 100) : null;
  };
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const summary = lhr.audits["resource-summary"]?.details;
  const items =
    summary && "items" in summary ? (summary.items as { resourceType?: string; transferSize?: number }[]) : [];
  const run: LighthouseRun = {
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    scriptBytes: items.find((item) => item.resourceType === "script")?.transferSize ?? null,
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment.hostUserAgent,
  };
  return run;
}

type PageResult = {
  label: string;
  path: string;
  audience: Audience;
  firstLoadJs: FirstLoadJs | null;
  jsTargetGzBytes: number;
  performance: number | null;
  accessibility: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  lighthouseScriptBytes: number | null;
  performanceTarget: number | null;
  errors: string[];
};

function medianOf(runs: readonly LighthouseRun[], pick: (run: LighthouseRun) => number | null): number | null {
  return median(runs.map(pick).filter((v): v is number => v !== null));
}

async function measurePage(
  base: string,
  page: PageToMeasure,
  cookie: string | undefined,
  chrome: DebuggedChromium,
  runs: number,
  seen: { lighthouseVersion: string; userAgent: string },
): Promise<PageResult> {
  const pageUrl = `${base}${page.path}`;
  const errors: string[] = [];
  let js: FirstLoadJs | null = null;
  try {
    js = await measureFirstLoadJs(pageUrl, cookie);
  } catch (error) {
    errors.push(`first-load JS: ${errorText(error)}`);
  }
  const done: LighthouseRun[] = [];
  for (let k = 0; k < runs; k++) {
    try {
      const run = await runLighthouse(chrome, pageUrl, cookie);
      done.push(run);
      Object.assign(seen, { lighthouseVersion: run.lighthouseVersion, userAgent: run.userAgent });
    } catch (error) {
      errors.push(`Lighthouse run ${k + 1}: ${errorText(error)}`);
    }
  }
  const result: PageResult = {
    label: page.label,
    path: page.path,
    audience: page.audience,
    firstLoadJs: js,
    jsTargetGzBytes: jsTargetFor(page.audience),
    performance: medianOf(done, (r) => r.performance),
    accessibility: medianOf(done, (r) => r.accessibility),
    lcpMs: medianOf(done, (r) => r.lcpMs),
    tbtMs: medianOf(done, (r) => r.tbtMs),
    cls: medianOf(done, (r) => r.cls),
    lighthouseScriptBytes: medianOf(done, (r) => r.scriptBytes),
    performanceTarget: performanceTargetFor(page.audience),
    errors,
  };
  say(
    `  ${page.label}: ${js ? `${kb(js.gzBytes)} gz in ${js.chunks} scripts` : "JS not measured"}, ` +
      `performance ${result.performance ?? "—"} (${done.length}/${runs} Lighthouse runs)`,
  );
  return result;
}

// ───────────────────────────── the report ─────────────────────────────

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const orDash = (value: number | null, format: (n: number) => string) => (value === null ? "—" : format(value));

function jsMet(page: PageResult): boolean {
  return page.firstLoadJs !== null && page.firstLoadJs.gzBytes <= page.jsTargetGzBytes;
}

function performanceMet(page: PageResult): boolean {
  return page.performanceTarget === null || (page.performance !== null && page.performance >= page.performanceTarget);
}

function report(pages: readonly PageResult[], runs: number): boolean {
  const rows = [
    ["page", "first-load JS gz", "target", "", "perf", "target", "", "a11y", "LCP", "TBT", "CLS", "LH scripts"],
    ...pages.map((p) => [
      p.label,
      orDash(p.firstLoadJs?.gzBytes ?? null, kb),
      `≤ ${kb(p.jsTargetGzBytes)}`,
      jsMet(p) ? "ok" : "MISSED",
      orDash(p.performance, String),
      p.performanceTarget === null ? "" : `≥ ${p.performanceTarget}`,
      p.performanceTarget === null ? "" : performanceMet(p) ? "ok" : "MISSED",
      orDash(p.accessibility, String),
      orDash(p.lcpMs, (n) => `${(n / 1000).toFixed(1)} s`),
      orDash(p.tbtMs, (n) => `${Math.round(n)} ms`),
      orDash(p.cls, (n) => n.toFixed(3)),
      orDash(p.lighthouseScriptBytes, kb),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  say();
  say(`Per page (Lighthouse mobile; median of ${runs} run${runs === 1 ? "" : "s"}; kB = 1000 bytes):`);
  for (const row of rows)
    say(
      `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")}`.trimEnd(),
    );
  say("  (LH scripts: script bytes Lighthouse saw transferred, later loads and headers included: a sanity check.)");
  for (const p of pages) for (const error of p.errors) say(`  ${p.label}: ${error}`);
  const met = pages.every((p) => jsMet(p) && performanceMet(p));
  say(met ? "All targets met." : "Some targets were missed.");
  return met;
}

// ───────────────────────────── main ─────────────────────────────

/** A Chromium that Lighthouse drives through its DevTools port. */
type DebuggedChromium = { port: number };

/**
 * The Chromium the e2e tests use, launched as they launch it (Playwright,
 * scripts/test-chromium.ts), with a DevTools port for Lighthouse. Launched
 * by chrome-launcher instead, with paint holding and Lighthouse's own
 * flags, this headless Chromium held pages' first paint back by one or two
 * whole seconds with its main thread idle, even a static copy of the home
 * page without its scripts, and Lighthouse's simulated phone then counted
 * everything that ran before that paint into FCP and LCP.
 */
async function launchChromium(): Promise<DebuggedChromium> {
  const port = await freePort();
  const browser: PlaywrightBrowser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  cleanups.push(() => browser.close());
  return { port };
}

async function main(argv: readonly string[]): Promise<number> {
  const options = optionsOrExitCode(argv, parseBenchWebArgs, USAGE);
  if (typeof options === "number") return options;
  if (options.json) reportTo = process.stderr;

  let base: string;
  let theClass: Class;
  let chrome: DebuggedChromium;
  try {
    base = options.url ?? (await startServer(options.port)).base;
    theClass = await setUpClass(base, options);
    if (options.url !== null) cleanups.push(() => endRun(base, theClass));
    chrome = await launchChromium();
  } catch (error) {
    process.stderr.write(`The web benchmark could not start: ${errorText(error)}\n`);
    return 1;
  }

  say(`Measuring ${base} with Lighthouse, ${options.runs} run${options.runs === 1 ? "" : "s"} a page…`);
  const seen = { lighthouseVersion: "", userAgent: "" };
  const pages: PageResult[] = [];
  for (const page of pagesToMeasure(theClass.runId, theClass.joinCode)) {
    pages.push(await measurePage(base, page, cookieFor(page, theClass), chrome, options.runs, seen));
  }
  if (pages.every((p) => p.firstLoadJs === null && p.performance === null)) {
    for (const p of pages) for (const error of p.errors) process.stderr.write(`${p.label}: ${error}\n`);
    process.stderr.write("Nothing could be measured.\n");
    return 1;
  }
  const targetsMet = report(pages, options.runs);
  if (options.json) {
    const result = { base, runs: options.runs, ...seen, pages, targetsMet };
    await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(result)}\n`, () => resolve()));
  }
  return 0;
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write("Stopping the server and Chromium (Ctrl-C again to quit at once)…\n");
    void cleanUp().then(() => process.exit(130));
  });
}

main(process.argv.slice(2))
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(
      `Web benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanUp();
    process.exit(1);
  });
