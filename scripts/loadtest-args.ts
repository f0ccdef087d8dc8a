/**
 * Command-line options of `npm run loadtest` (scripts/loadtest.ts), parsed
 * without side effects so they can be tested on their own.
 */

import { MAX_SEATS } from "@/lib/runs/policy";

/** Bad command-line input: the script prints the message and the usage, then exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * A script's options from its arguments, or the exit code when there is
 * nothing to run: 0 after printing the usage for --help, 2 after printing
 * the message and the usage for bad input. Shared by the scripts whose
 * options follow these conventions (loadtest, bench:web).
 */
export function optionsOrExitCode<T extends { help: boolean }>(
  argv: readonly string[],
  parse: (argv: readonly string[]) => T,
  usage: string,
): T | number {
  let options: T;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return options;
}

export type LoadtestOptions = {
  /** base URL of the server, without a trailing slash */
  url: string;
  students: number;
  /** real seconds the students act for */
  durationS: number;
  json: boolean;
  scenario: string;
  /** simulated days per real minute */
  speed: number;
  procurators: number;
  /** mean real milliseconds between one student's actions */
  thinkMs: number;
  /** an existing instructor account; absent: the script makes a throwaway one in the database */
  email: string | null;
  password: string | null;
  /** load-generator processes the students are shared among (the server is the same one) */
  processes: number;
  help: boolean;
};

/** More load-generator processes than this only fight each other (and the server) for cores. */
export const MAX_PROCESSES = 16;

export const USAGE = `Usage: npm run loadtest -- --url <base> [options]

Creates a run, joins virtual students over HTTP, has them read their desks,
act every few seconds and hold a live stream, then reports latency and errors.

  --url <base>          the server to test, e.g. http://127.0.0.1:3000 (required)
  --students <n>        virtual students, 1–${MAX_SEATS} (the most seats a run has; default 200)
  --duration <s>        seconds the students act for, 5–3600 (default 60)
  --json                print the human report on stderr and, as the last line of
                        stdout, one JSON object with the figures
  --scenario <id>       the run's scenario (default rostov-1954)
  --speed <days/min>    simulated days per real minute, 1–120 (default 30)
  --procurators <n>     procurator seats (default: about 1 in 10 students)
  --think <ms>          mean milliseconds between a student's actions, 100–600000 (default 3000)
  --email <address>     sign in as this existing instructor…
  --password <secret>   …with this password (give both, or neither)
  --processes <n>       share the students among n load-generator processes,
                        1–${MAX_PROCESSES} (default 1): for large classes, where one process's
                        own work would delay the stream messages it measures
  --help                show this text

Without --email, the script creates a throwaway instructor directly in the
database named by DATABASE_URL (default file:./prisma/data/spravka.db; a
postgresql:// URL works too), which only works when the server uses it too.`;

const FLAGS = new Set(["json", "help"]);
const VALUED = new Set([
  "url",
  "students",
  "duration",
  "scenario",
  "speed",
  "procurators",
  "think",
  "email",
  "password",
  "processes",
]);

export function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}".`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${raw}.`);
  return n;
}

function decimal(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new UsageError(`--${name} must be a number, got "${raw}".`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${raw}.`);
  return n;
}

export function baseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url must be a full http:// or https:// URL, got "${raw}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--url must use http or https, got "${url.protocol.slice(0, -1)}".`);
  }
  if (url.search || url.hash) throw new UsageError("--url must be a base URL, without a query or a fragment.");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Parses the arguments after the script's name (`process.argv.slice(2)`). */
export function parseLoadtestArgs(argv: readonly string[]): LoadtestOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h") {
      flags.add("help");
      continue;
    }
    if (!arg.startsWith("--") || arg === "--") throw new UsageError(`Unexpected argument "${arg}".`);
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (FLAGS.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value.`);
      flags.add(name);
      continue;
    }
    if (!VALUED.has(name)) throw new UsageError(`Unknown option --${name}.`);
    if (values.has(name)) throw new UsageError(`--${name} is given more than once.`);
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value.`);
      i++;
    }
    if (value === "") throw new UsageError(`--${name} needs a value.`);
    values.set(name, value);
  }

  const help = flags.has("help");
  const rawUrl = values.get("url");
  if (rawUrl === undefined && !help) throw new UsageError("--url is required: the base URL of the server to test.");
  const url = rawUrl === undefined ? "" : baseUrl(rawUrl);

  const students = values.has("students") ? integer("students", values.get("students")!, 1, MAX_SEATS) : 200;
  const durationS = values.has("duration") ? decimal("duration", values.get("duration")!, 5, 3600) : 60;
  const speed = values.has("speed") ? decimal("speed", values.get("speed")!, 1, 120) : 30;
  const thinkMs = values.has("think") ? integer("think", values.get("think")!, 100, 600_000) : 3000;
  const procurators = values.has("procurators")
    ? integer("procurators", values.get("procurators")!, 0, students)
    : Math.round(students / 10);

  const processes = values.has("processes")
    ? integer("processes", values.get("processes")!, 1, Math.min(MAX_PROCESSES, students))
    : 1;

  const email = values.get("email") ?? null;
  const password = values.get("password") ?? null;
  if ((email === null) !== (password === null)) {
    throw new UsageError("Give --email and --password together (or neither, for a throwaway instructor).");
  }
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new UsageError(`--email must be an email address, got "${email}".`);
  }

  return {
    url,
    students,
    durationS,
    json: flags.has("json"),
    scenario: values.get("scenario") ?? "rostov-1954",
    speed,
    procurators,
    thinkMs,
    email,
    password,
    processes,
    help,
  };
}
