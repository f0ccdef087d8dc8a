/**
 * The pure parts of `npm run bench:web` (scripts/bench-web.ts): its options,
 * the pages it measures and their targets, which scripts a page's HTML makes
 * a first visit download and what they weigh gzipped, and the median of
 * repeated Lighthouse runs. Kept free of side effects so they can be tested
 * on their own.
 */
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { baseUrl, integer, UsageError } from "./loadtest-args";

// ───────────────────────────── options ─────────────────────────────

export type BenchWebOptions = {
  /** a running server to measure (no build, no start); null: build if needed and start one */
  url: string | null;
  /** Lighthouse runs per page; the median of each figure is reported */
  runs: number;
  /** the port for the server this script starts; null: any free one */
  port: number | null;
  json: boolean;
  /** an existing instructor account; absent: a throwaway one is made in the server's database */
  email: string | null;
  password: string | null;
  help: boolean;
};

/** Lighthouse runs per page unless --runs says otherwise: see USAGE for why three. */
export const DEFAULT_RUNS = 3;
const MAX_RUNS = 15;

export const USAGE = `Usage: npm run bench:web [-- options]

Builds Spravka if its sources changed since the last build, starts it on a
fresh database of its own, signs in a throwaway instructor, creates a class
run, joins one student and starts the run. Then, for each page students and
instructors open, it prints the first-load JavaScript (gzipped) and
Lighthouse's mobile scores beside their targets, and stops the server.

  --url <base>          measure this running server instead (no build, no start),
                        e.g. http://127.0.0.1:3000
  --runs <n>            Lighthouse runs per page, 1–${MAX_RUNS}; the median of each figure
                        is reported (default ${DEFAULT_RUNS}: one slow or fast run cannot move
                        a median of three, and seven pages take a few minutes)
  --port <n>            the port for the server it starts (default: a free one)
  --json                print the human report on stderr and, as the last line of
                        stdout, one JSON object with the figures
  --email <address>     with --url: sign in as this existing instructor…
  --password <secret>   …with this password (give both, or neither)
  --help                show this text

With --url and without --email, the script creates a throwaway instructor
directly in the database named by DATABASE_URL, which only works when the
server uses it too (as with npm run loadtest). Chromium is $CHROMIUM_PATH,
else /usr/bin/chromium.`;

/** Parses the arguments after the script's name (`process.argv.slice(2)`). */
export function parseBenchWebArgs(argv: readonly string[]): BenchWebOptions {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    // node:util's own message names the option ("Unknown option '--x'", "Option '--runs <value>' argument missing").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  for (const name of ["url", "runs", "port", "email", "password"] as const) {
    if (values[name] === "") throw new UsageError(`--${name} needs a value.`);
  }

  const url = values.url === undefined ? null : baseUrl(values.url);
  const runs = values.runs === undefined ? DEFAULT_RUNS : integer("runs", values.runs, 1, MAX_RUNS);
  const port = values.port === undefined ? null : integer("port", values.port, 1, 65_535);
  if (url !== null && port !== null) {
    throw new UsageError("--port is for the server this script starts; with --url nothing is started.");
  }
  const email = values.email ?? null;
  const password = values.password ?? null;
  if ((email === null) !== (password === null)) {
    throw new UsageError("Give --email and --password together (or neither, for a throwaway instructor).");
  }
  if (email !== null && url === null) {
    throw new UsageError("--email is for --url: the server this script starts gets a throwaway instructor.");
  }
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new UsageError(`--email must be an email address, got "${email}".`);
  }
  return { url, runs, port, json: values.json, email, password, help: values.help };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      url: { type: "string" },
      runs: { type: "string" },
      port: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

// ───────────────────────────── pages and targets ─────────────────────────────

/** Bytes in a kB, as Next.js counts them in its build output. */
export const KB = 1000;

export const TARGETS = {
  /** what a student's phone downloads before the page works */
  studentJsGzBytes: 150 * KB,
  /** the instructor's console and the what-if lab, opened on laptops */
  instructorJsGzBytes: 250 * KB,
  /** Lighthouse mobile performance score, 0–100, for student pages */
  studentPerformance: 95,
} as const;

export type Audience = "student" | "instructor";

/** Who opens the page, and so which of them is asked for its cookie. */
export type Visitor = "anyone" | "seat" | "owner";

export type PageToMeasure = { label: string; path: string; audience: Audience; visitor: Visitor };

/** The pages measured, for a class run with `runId` and join `code`. */
export function pagesToMeasure(runId: string, code: string): PageToMeasure[] {
  return [
    { label: "home", path: "/", audience: "student", visitor: "anyone" },
    { label: "join", path: "/join", audience: "student", visitor: "anyone" },
    // Where the QR code and join link land (lib/runs/seats/join-url.ts).
    { label: "join with code", path: `/join?code=${encodeURIComponent(code)}`, audience: "student", visitor: "anyone" },
    { label: "explore", path: "/explore", audience: "student", visitor: "anyone" },
    { label: "seat", path: `/play/${runId}`, audience: "student", visitor: "seat" },
    { label: "console", path: `/runs/${runId}`, audience: "instructor", visitor: "owner" },
    { label: "lab", path: "/lab", audience: "instructor", visitor: "anyone" },
  ];
}

export function jsTargetFor(audience: Audience): number {
  return audience === "student" ? TARGETS.studentJsGzBytes : TARGETS.instructorJsGzBytes;
}

/** Only student pages have a performance target: they are the ones opened on phones on a school's network. */
export function performanceTargetFor(audience: Audience): number | null {
  return audience === "student" ? TARGETS.studentPerformance : null;
}

// ───────────────────────────── first-load JS ─────────────────────────────

const TAG = /<(script|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attributes;
}

/** The character references that appear in attribute values of the server's own HTML. */
function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, name: string) =>
    name === "amp" ? "&" : name === "quot" ? '"' : name === "lt" ? "<" : name === "gt" ? ">" : "'",
  );
}

const SCRIPT_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

function downloadedByModernBrowsers(script: Map<string, string>): boolean {
  return !script.has("nomodule") && SCRIPT_TYPES.has((script.get("type") ?? "").trim().toLowerCase());
}

/**
 * The absolute URLs of the scripts a page's HTML makes the browser download
 * as it loads: `<script src>`, `<link rel="modulepreload">` and
 * `<link rel="preload" as="script">`, each once, in order of first mention.
 * Inline scripts are part of the HTML, not counted here; scripts the page
 * imports later (on an interaction, or a Web Worker) are not first-load;
 * nor are `nomodule` scripts (Next.js's polyfills), which only browsers
 * without JavaScript modules fetch, nor data blocks (`type="application/json"`).
 */
export function firstLoadScriptUrls(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(TAG)) {
    const attributes = attributesOf(m[2]!);
    let ref: string | undefined;
    if (m[1]!.toLowerCase() === "script") {
      if (!downloadedByModernBrowsers(attributes)) continue;
      ref = attributes.get("src");
    } else {
      const rel = (attributes.get("rel") ?? "").toLowerCase().split(/\s+/);
      const as = (attributes.get("as") ?? "").toLowerCase();
      if (rel.includes("modulepreload") || (rel.includes("preload") && as === "script")) ref = attributes.get("href");
    }
    if (!ref) continue;
    const url = new URL(ref, pageUrl);
    url.hash = "";
    urls.add(url.href);
  }
  return [...urls];
}

/** The size of `bytes` gzipped at zlib's default level (6), as Next.js's server and most CDNs send scripts. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes).length;
}

export type FirstLoadJs = { chunks: number; rawBytes: number; gzBytes: number };

/** Sums the scripts a first visit to the page downloads, each gzipped on its own and counted once. */
export async function firstLoadJs(
  html: string,
  pageUrl: string,
  download: (url: string) => Promise<Uint8Array>,
): Promise<FirstLoadJs> {
  const urls = firstLoadScriptUrls(html, pageUrl);
  const bodies = await Promise.all(urls.map(download));
  return {
    chunks: urls.length,
    rawBytes: bodies.reduce((sum, b) => sum + b.length, 0),
    gzBytes: bodies.reduce((sum, b) => sum + gzipSize(b), 0),
  };
}

// ───────────────────────────── repeated runs ─────────────────────────────

/** The median of the numbers given (the mean of the middle two for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
